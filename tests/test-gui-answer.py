#!/usr/bin/python3
# test-gui-answer.py
#
# Copyright 2026 The Sihua developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives the real application the way a consultant does, through the
# accessibility tree (dogtail) with the real keyboard and pointer (xdotool):
# add a company in the form, start an assessment, answer questions with the
# keys 0–4 and with mouse clicks on the level cards, watch "Saved", check
# with sihua-cli that the store has the answers, open the results and see the
# index follow a new answer, export the PDF report through the file chooser,
# then kill the app with SIGKILL right after answers were shown as saved and
# find every one of them again, in the store and on screen. Speaks TAP.
#
# It runs itself inside a private session bus and runtime folder (see
# sihua_gui.py), so the accessibility bus is its own.

import json
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sihua_gui as gui  # noqa: E402
from sihua_gui import (App, find_all, find_one, has_focus_within, is_chosen,  # noqa: E402
                       keys, mouse_click, note, ok, search, stored_levels, type_text,
                       wait_for, window)

PLAN = 26

gui.setup(__file__, tools=('xdotool', 'pdftotext'))

COMPANY = 'Huadong Precision Machinery'


def cli(db, *args):
    return gui.cli(db, *args).stdout


def question_card(app, text):
    return find_one(app, 'panel', text)


def level_card(app, question_text, level):
    card = question_card(app, question_text)
    if card is None:
        return None
    found = search(card, lambda n: n.roleName in ('push button', 'toggle button')
                   and (n.name or '').startswith('%d · ' % level), first=True)
    return found[0] if found else None


def scroll_into_view(app, question_text, level):
    """Wheel the question list until the card is inside the window."""
    for _ in range(12):
        ox, oy, width, height = gui.window_geometry()
        card = level_card(app, question_text, level)
        if card is not None:
            x, y, w, h = card.extents
            if y > 120 and y + h < height - 80:
                return card
            direction = '5' if y + h >= height - 80 else '4'
        else:
            direction = '5'
        subprocess.run(['xdotool', 'mousemove', '--sync', str(ox + width // 2),
                        str(oy + height // 2), 'click', direction], check=True)
        time.sleep(0.3)
    return level_card(app, question_text, level)


def saved_shown(app):
    return find_one(app, 'label', 'Saved') is not None and find_one(app, 'label', 'Saving') is None


def index_shown(app):
    label = wait_for(lambda: next(n for n in find_all(app, 'label', 'Index ')
                                  if n.name.endswith(' of 100')), 10)
    if label is None:
        return None
    return float(re.search(r'Index ([0-9.]+) of 100', label.name).group(1))


def model_questions():
    model = json.loads(subprocess.run([gui.CLI, '--json', 'model', 'show', 'sihua-4hua'],
                                      check=True, capture_output=True, text=True).stdout)
    texts = {}
    for area in model['areas']:
        for dimension in area['dimensions']:
            for question in dimension['questions']:
                texts[question['id']] = question['text']['en']
    return texts


def run(tmp):
    db = os.path.join(tmp, 'sihua.db')
    reports = os.path.join(tmp, 'reports')
    os.makedirs(reports)
    gui.write_settings(tmp, {'default-folder': reports, 'report-language': 'en',
                             'window-width': 1360, 'window-height': 860})
    texts = model_questions()

    sihua = App(db, tmp)
    app = sihua.start()
    if not ok(app is not None, 'the app shows up in the accessibility tree'):
        return
    main = wait_for(lambda: window(app, 'Sihua'))

    # The company, through the form.
    add = wait_for(lambda: find_one(main, 'push button', 'Add a Company'))
    add.doActionNamed('click')
    form = wait_for(lambda: window(app, 'New Company'))
    type_text(COMPANY)
    find_one(form, 'push button', 'Save').doActionNamed('click')
    start = wait_for(lambda: find_one(main, 'push button', 'New Assessment'))
    ok(start is not None, 'the company form saves and opens the company')
    companies = json.loads(cli(db, 'company', 'list'))
    ok([c['name'] for c in companies] == [COMPANY], 'the store has the company typed in the form')

    # An assessment with the default model.
    start.doActionNamed('click')
    wait_for(lambda: find_one(app, 'push button', 'Start Assessment')).doActionNamed('click')
    dimensions = wait_for(lambda: find_one(main, 'list', 'Dimensions'), 20)
    ok(dimensions is not None and wait_for(lambda: question_card(app, texts['profile.industry'])),
       'the new assessment opens on its first dimension')
    assessment = json.loads(cli(db, 'company', 'show', str(companies[0]['id'])))
    assessment = (assessment.get('assessments') or [{}])[0].get('id', 1)

    # Keyboard: Ctrl+Page Down to Equipment, then 2, 3, 1; each key answers
    # the focused question and moves to the next one.
    time.sleep(0.5)
    keys('ctrl+Next')
    ok(wait_for(lambda: level_card(app, texts['equipment.automation'], 2)),
       'Ctrl+Page Down shows the next dimension with its level cards')
    # Keys go to whatever has focus: type only once the page has moved it to
    # the first question, as it does after every dimension change.
    ok(wait_for(lambda: has_focus_within(question_card(app, texts['equipment.automation'])), 10),
       'focus moves to the first question of the new dimension')
    for key in ('2', '3', '1'):
        keys(key)
    keyboard = {'equipment.automation': 2, 'equipment.material_handling': 3, 'equipment.control': 1}
    ok(wait_for(lambda: all(stored_levels(db, assessment).get(q) == v
                            for q, v in keyboard.items()), 10),
       'the levels typed with 2, 3, 1 are committed to the three questions in order')
    ok(wait_for(lambda: saved_shown(app), 10), 'the page says "Saved"')

    # Mouse: the next dimension, two level cards clicked.
    keys('ctrl+Next')
    wait_for(lambda: level_card(app, texts['network.coverage'], 3))
    clicked = {}
    for question, level in (('network.coverage', 3), ('network.cloud', 1)):
        card = scroll_into_view(app, texts[question], level)
        if card is not None:
            mouse_click(card)
            clicked[question] = level
    ok(len(clicked) == 2 and wait_for(lambda: all(stored_levels(db, assessment).get(q) == v
                                                  for q, v in clicked.items()), 10),
       'two level cards clicked with the mouse are committed')
    ok(wait_for(lambda: all(is_chosen(level_card(app, texts[q], v)) for q, v in clicked.items())),
       'the clicked cards show as chosen')
    wait_for(lambda: saved_shown(app), 10)

    # Results follow the answers.
    keys('ctrl+r')
    before = index_shown(app)
    score = json.loads(cli(db, 'score', str(assessment)))
    ok(before is not None and score['index'] is not None
       and abs(before - score['index']) < 0.051,
       'the results page shows the index the store scores (%s, %s)' % (before, score['index']))
    stage = find_one(app, 'label', score['stage_name']['en']
                     if isinstance(score.get('stage_name'), dict) else str(score.get('stage_name')))
    ok(stage is not None, 'the results page shows the stage')

    keys('alt+Left')
    wait_for(lambda: question_card(app, texts['network.coverage']))
    keys('ctrl+Next')
    wait_for(lambda: level_card(app, texts['data.collection'], 4))
    time.sleep(0.5)
    keys('4')
    wait_for(lambda: stored_levels(db, assessment).get('data.collection') == 4, 10)
    wait_for(lambda: saved_shown(app), 10)
    keys('ctrl+r')
    after = wait_for(lambda: (lambda v: v if v is not None and v != before else None)(index_shown(app)), 10)
    ok(after is not None and after > before,
       'another answer moves the index on the results page (%s → %s)' % (before, after))

    # Export through the dialog and the file chooser into the default folder.
    keys('ctrl+e')
    choose = wait_for(lambda: find_one(app, 'push button', 'Choose File'))
    ok(choose is not None, 'Ctrl+E asks for the language and sections of the report')
    if choose is not None:
        choose.doActionNamed('click')
        # The message dialog closes and GTK's own file chooser opens, named
        # in the default folder.
        gui.accept_chooser(app, 'Export Report', skip_role='dialog')
    pdf = wait_for(lambda: [os.path.join(reports, f) for f in os.listdir(reports)
                            if f.endswith('.pdf')], 60)
    text = ''
    toast = None
    if pdf:
        # Looked for before reading the PDF: the toast lives 10 s, and on a
        # busy machine reading the PDF and the tree again can outlast it.
        toast = wait_for(lambda: find_one(app, 'label', 'Report saved as'), 30)
        text = subprocess.run(['pdftotext', pdf[0], '-'], capture_output=True, text=True).stdout
    ok(pdf and COMPANY in text and 'Equipment' in text,
       'the PDF is written to the default folder and names the company')
    ok(toast is not None, 'a toast tells where the report went')

    # Answers shown as saved, then SIGKILL at once.
    keys('alt+Left')
    wait_for(lambda: question_card(app, texts['data.collection']))
    time.sleep(0.5)
    master = scroll_into_view(app, texts['data.master_data'], 2)
    if master is not None:
        mouse_click(master)
    time.sleep(0.3)
    keys('3')
    wait_for(lambda: saved_shown(app), 10)
    shown = {}
    for question in ('data.collection', 'data.master_data', 'data.integration'):
        card = question_card(app, texts[question])
        for button in search(card, lambda n: n.roleName in ('push button', 'toggle button')
                             and re.match(r'\d · ', n.name or '') is not None):
            if is_chosen(button):
                shown[question] = int(button.name[0])
    sihua.kill()
    stored = stored_levels(db, assessment)
    expected = dict(keyboard, **clicked)
    expected.update(shown)
    note('shown before the kill: %s' % shown)
    ok(len(shown) == 3 and all(stored.get(q) == v for q, v in expected.items()),
       'after kill -9 every answer shown as saved is in the store (%d answers)' % len(expected))

    app = sihua.start()
    ok(app is not None, 'the app starts again after the kill')
    if app is None:
        return
    reopened = wait_for(lambda: find_one(app, 'list', 'Dimensions'), 20)
    ok(reopened is not None, 'it reopens the assessment that was open')
    ok(wait_for(lambda: question_card(app, texts['data.master_data'])),
       'it reopens on the dimension that was shown')

    def shown_again(questions):
        return all(is_chosen(level_card(app, texts[q], expected[q])) for q in questions)

    # Back to Equipment with Ctrl+Page Up, then forward through the three
    # dimensions answered; every answer given before the kill is shown.
    if question_card(app, texts['profile.industry']):
        keys('ctrl+Next')
    for _ in range(6):
        if question_card(app, texts['equipment.automation']):
            break
        keys('ctrl+Prior')
        time.sleep(0.3)
    for dimension, name in (('equipment', 'Equipment, 3 of 3'), ('network', 'Network, 2 of 3'),
                            ('data', 'Data collection, 3 of 3')):
        ok(wait_for(lambda: find_one(app, 'list item', name)),
           'the sidebar counts the answers of %s' % dimension)
        questions = [q for q in expected if q.startswith(dimension + '.')]
        ok(wait_for(lambda: shown_again(questions), 10),
           'every %s answer is shown again after the restart' % dimension)
        keys('ctrl+Next')


def main():
    # It starts over once where the accessibility bus loses the running app.
    return gui.run_test(PLAN, run, 'sihua-gui-answer-', attempts=2)


if __name__ == '__main__':
    sys.exit(main())
