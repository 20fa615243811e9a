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
# The accessibility bus socket lives in XDG_RUNTIME_DIR (else in ~/.cache,
# shared by every session of the user, where a parallel run deletes it), so
# the script runs itself inside a private session bus and runtime folder.

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

PLAN = 26

if os.environ.get('SIHUA_GUI_PRIVATE_BUS') != '1':
    if not all(shutil.which(tool) for tool in ('dbus-run-session', 'xdotool', 'pdftotext')):
        print('1..0 # SKIP needs dbus-run-session, xdotool and pdftotext')
        sys.exit(0)
    runtime = tempfile.mkdtemp(prefix='sihua-gui-runtime-')
    os.chmod(runtime, 0o700)
    env = dict(os.environ, SIHUA_GUI_PRIVATE_BUS='1', XDG_RUNTIME_DIR=runtime)
    env.pop('NO_AT_BRIDGE', None)
    command = ['dbus-run-session', '--', sys.executable, os.path.abspath(__file__)]
    if not env.get('DISPLAY'):
        command = ['xvfb-run', '-a', '-s', '-screen 0 1400x900x24'] + command
    code = subprocess.call(command, env=env)
    shutil.rmtree(runtime, ignore_errors=True)
    sys.exit(code)

os.environ.pop('NO_AT_BRIDGE', None)

try:
    import dogtail.config  # noqa: E402
except ImportError:
    print('1..0 # SKIP needs python3-dogtail')
    sys.exit(0)

dogtail.config.config.checkForA11y = False
dogtail.config.config.logDebugToFile = False
dogtail.config.config.logDebugToStdOut = False
dogtail.config.config.searchCutoffCount = 5
dogtail.config.config.defaultDelay = 0.1
dogtail.config.config.actionDelay = 0.1

import pyatspi  # noqa: E402
from dogtail import tree  # noqa: E402

CLI = os.environ.get('SIHUA_CLI')
APP = os.environ.get('SIHUA_APP')
COMPANY = 'Huadong Precision Machinery'

results = []
running = []


# The TAP lines of the current attempt; printed once the attempt counts.
output = []


def ok(condition, name):
    """One TAP point."""
    results.append(bool(condition))
    output.append('%s %d - %s' % ('ok' if condition else 'not ok', len(results), name))
    return condition


def note(text):
    output.append('# ' + text.replace('\n', '\n# '))


def wait_for(func, timeout=15.0):
    end = time.time() + timeout
    while time.time() < end:
        try:
            value = func()
            if value:
                return value
        except Exception:  # the tree changes under us while pages switch
            pass
        time.sleep(0.2)
    return None


def cli(db, *args):
    return subprocess.run([CLI, '--db', db, '--json'] + list(args), check=True,
                          capture_output=True, text=True).stdout


def stored_levels(db, assessment):
    answers = json.loads(cli(db, 'assessment', 'show', str(assessment)))['answers']
    levels = {}
    for question, answer in answers.items():
        value = answer.get('value') if isinstance(answer, dict) else answer
        if isinstance(value, dict):
            value = value.get('level', value)
        levels[question] = value
    return levels


def keys(*combos):
    for combo in combos:
        subprocess.run(['xdotool', 'key', '--clearmodifiers', combo], check=True)
        time.sleep(0.25)


def type_text(text):
    subprocess.run(['xdotool', 'type', '--delay', '15', text], check=True)
    time.sleep(0.2)


def on_screen(node):
    try:
        x, y, width, height = node.extents
    except Exception:
        return False
    return width > 0 and height > 0


def search(root, predicate, first=False):
    """Depth-first, skipping what is not on screen (hidden stack pages,
    closed popovers): much faster than dogtail's findChildren on big pages."""
    found = []

    def walk(node):
        try:
            children = node.children
        except Exception:
            return False
        for child in children:
            # Stack pages are not widgets and have no size of their own.
            if child.name != 'GtkStackPage' and not on_screen(child):
                continue
            if predicate(child):
                found.append(child)
                if first:
                    return True
            if walk(child):
                return True
        return False

    walk(root)
    return found


def find_all(root, role, contains):
    return search(root, lambda n: n.roleName == role and contains in (n.name or ''))


def find_one(root, role, contains):
    found = search(root, lambda n: n.roleName == role and contains in (n.name or ''), first=True)
    return found[0] if found else None


def window(app, title):
    for child in app.children:
        if child.name == title:
            return child
    return None


def window_geometry():
    """GTK 4.8 reports positions relative to the window."""
    out = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', '^Sihua$',
                          'getwindowgeometry'], capture_output=True, text=True).stdout
    position = re.search(r'Position: (-?\d+),(-?\d+)', out)
    size = re.search(r'Geometry: (\d+)x(\d+)', out)
    return (int(position.group(1)) if position else 0, int(position.group(2)) if position else 0,
            int(size.group(1)) if size else 1100, int(size.group(2)) if size else 720)


def window_origin():
    return window_geometry()[:2]


def mouse_click(node):
    """A real pointer click in the middle of the node."""
    x, y, width, height = node.extents
    ox, oy = window_origin()
    subprocess.run(['xdotool', 'mousemove', '--sync', str(ox + x + width // 2),
                    str(oy + y + height // 2), 'click', '1'], check=True)
    time.sleep(0.3)


def is_pressed(node):
    states = node.getState()
    return states.contains(pyatspi.STATE_PRESSED) or states.contains(pyatspi.STATE_CHECKED)


def question_card(app, text):
    return find_one(app, 'panel', text)


def has_focus_within(node):
    """Whether keyboard focus is on @node or one of its descendants."""
    if node is None:
        return False
    return bool(node.focused or search(node, lambda n: n.focused, first=True))


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
        ox, oy, width, height = window_geometry()
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


class App:
    def __init__(self, db, home):
        self.env = dict(os.environ, LC_ALL='en_US.UTF-8', LANGUAGE='', GSK_RENDERER='cairo',
                        GSETTINGS_BACKEND='keyfile',
                        XDG_CONFIG_HOME=os.path.join(home, 'config'),
                        XDG_DATA_HOME=os.path.join(home, 'data'),
                        XDG_CACHE_HOME=os.path.join(home, 'cache'),
                        HOME=home)
        self.env.pop('NO_AT_BRIDGE', None)
        self.db = db
        self.proc = None
        self.node = None
        running.append(self)

    def start(self):
        self.starts = getattr(self, 'starts', 0) + 1
        self.log = os.path.join(os.path.dirname(self.db), 'app-%d.log' % self.starts)
        with open(self.log, 'w') as log:
            self.proc = subprocess.Popen([APP, '--db', self.db], env=self.env,
                                         stdout=log, stderr=subprocess.STDOUT)
        self.node = wait_for(lambda: tree.root.application('sihua'), 30)
        return self.node

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def model_questions():
    model = json.loads(subprocess.run([CLI, '--json', 'model', 'show', 'sihua-4hua'],
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
    settings = os.path.join(tmp, 'config', 'glib-2.0', 'settings')
    os.makedirs(settings)
    with open(os.path.join(settings, 'keyfile'), 'w') as f:
        f.write("[io/github/sihua/Sihua]\ndefault-folder='%s'\nreport-language='en'\n"
                "window-width=1360\nwindow-height=860\n" % reports)
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
    ok(wait_for(lambda: all(is_pressed(level_card(app, texts[q], v)) for q, v in clicked.items())),
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
        # The message dialog closes and GTK's own file chooser opens (no
        # portal here), named in the default folder.
        chooser = wait_for(lambda: [w for w in app.children
                                    if w.name == 'Export Report' and w.roleName != 'dialog'])
        time.sleep(1.0)
        if chooser is not None:
            keys('Return')
    pdf = wait_for(lambda: [os.path.join(reports, f) for f in os.listdir(reports)
                            if f.endswith('.pdf')], 60)
    text = ''
    if pdf:
        wait_for(lambda: find_one(app, 'label', 'Report saved as'), 30)
        text = subprocess.run(['pdftotext', pdf[0], '-'], capture_output=True, text=True).stdout
    ok(pdf and COMPANY in text and 'Equipment' in text,
       'the PDF is written to the default folder and names the company')
    ok(wait_for(lambda: find_one(app, 'label', 'Report saved as')),
       'a toast tells where the report went')

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
            if is_pressed(button):
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
        return all(is_pressed(level_card(app, texts[q], expected[q])) for q in questions)

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


def attempt_run():
    """Runs every check once; returns whether the accessibility bus lost the
    app while its process was alive, the one case worth starting over."""
    lost = False
    tmp = tempfile.mkdtemp(prefix='sihua-gui-answer-')
    try:
        run(tmp)
    except Exception as error:  # report, then fail the remaining points
        import traceback
        alive = [s for s in running if s.proc is not None and s.proc.poll() is None]
        lost = 'no longer exists' in str(error) and len(alive) > 0
        note('%s: %s\n%s' % (type(error).__name__, error, traceback.format_exc()))
        for started in running:
            if started.proc is not None:
                note('the app exited with %s' % started.proc.poll())
                with open(started.log, errors='replace') as log:
                    lines = [line for line in log.read().splitlines()
                             if 'Screen coordinates' not in line and line.strip()]
                note('\n'.join(lines[-15:]))
    finally:
        for started in running:
            started.stop()
        running.clear()
        shutil.rmtree(tmp, ignore_errors=True)
    return lost


def main():
    if not CLI or not APP:
        print('1..0 # SKIP needs SIHUA_CLI and SIHUA_APP')
        return 0

    print('1..%d' % PLAN, flush=True)
    for attempt in (1, 2):
        results.clear()
        output.clear()
        if not attempt_run():
            break
        # The app was still running but the accessibility registry had lost
        # it: the test lost its handle, the app did not fail. Start over
        # once, with every check run again.
        print('# the accessibility bus lost the running app; starting over', flush=True)

    while len(results) < PLAN:
        ok(False, 'not reached')
    if len(results) > PLAN:
        note('plan was %d, ran %d' % (PLAN, len(results)))
    print('\n'.join(output), flush=True)

    return 0 if all(results) and len(results) == PLAN else 1


if __name__ == '__main__':
    sys.exit(main())
