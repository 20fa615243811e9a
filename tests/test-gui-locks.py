#!/usr/bin/python3
# test-gui-locks.py
#
# Copyright 2026 The Sihua developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Issue 16, through the real application: answer a question, open the Import
# Bundle file chooser (Ctrl+I) on the database's folder and close it, run
# sihua-cli on the same database a few times, answer more questions, then
# kill the app with SIGKILL and find every answer shown as saved with a
# fresh sihua-cli. With SQLite's classic POSIX locks GIO's look into the
# folder released the window's locks, sihua-cli deleted the log under it
# (/proc/PID/fd showed "z.db-wal (deleted)"), and the later answers, shown
# as saved, were gone after the kill. Speaks TAP.

import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sihua_gui as gui  # noqa: E402
from sihua_gui import (App, find_one, has_focus_within, is_chosen, keys, note, ok,  # noqa: E402
                       search, stored_levels, wait_for, window)

PLAN = 9

gui.setup(__file__)

COMPANY = 'Changzhou Lock Works'
QUESTIONS = ('equipment.automation', 'equipment.material_handling', 'equipment.control')


def cli_json(db, *args):
    return json.loads(gui.cli(db, *args).stdout)


def question_texts():
    model = json.loads(subprocess.run([gui.CLI, '--json', 'model', 'show', 'sihua-4hua'],
                                      check=True, capture_output=True, text=True).stdout)
    texts = {}
    for area in model['areas']:
        for dimension in area['dimensions']:
            for question in dimension['questions']:
                texts[question['id']] = question['text']['en']
    return texts


def level_card(app, text, level):
    card = find_one(app, 'panel', text)
    if card is None:
        return None
    found = search(card, lambda n: n.roleName in ('push button', 'toggle button')
                   and (n.name or '').startswith('%d · ' % level), first=True)
    return found[0] if found else None


def saved_shown(app):
    return find_one(app, 'label', 'Saved') is not None and find_one(app, 'label', 'Saving') is None


def deleted_files(pid):
    """The files the process has open that are no longer in any folder."""
    found = []
    folder = '/proc/%d/fd' % pid
    for name in os.listdir(folder):
        try:
            target = os.readlink(os.path.join(folder, name))
        except OSError:
            continue
        if target.endswith(' (deleted)'):
            found.append(target)
    return found


def run(tmp):
    folder = os.path.join(tmp, 'work')
    os.makedirs(folder)
    db = os.path.join(folder, 'z.db')
    texts = question_texts()

    company = cli_json(db, 'company', 'add', '--name', COMPANY)
    company = company['id'] if isinstance(company, dict) else company
    assessment = cli_json(db, 'assessment', 'new', '--company', str(company))
    assessment = assessment['id'] if isinstance(assessment, dict) else assessment
    uuid = cli_json(db, 'assessment', 'show', str(assessment))['assessment']['uuid']
    # The file chooser opens on the database's folder; the app reopens the
    # assessment on its Equipment dimension.
    gui.write_settings(tmp, {'default-folder': folder, 'last-assessment': uuid,
                             'last-dimension': 'equipment',
                             'window-width': 1360, 'window-height': 860})

    sihua = App(db, tmp)
    app = sihua.start()
    if not ok(app is not None, 'the app shows up in the accessibility tree'):
        return
    pid = sihua.proc.pid
    first = texts[QUESTIONS[0]]
    ok(wait_for(lambda: level_card(app, first, 2), 30)
       and wait_for(lambda: has_focus_within(find_one(app, 'panel', first)), 10),
       'the assessment reopens on Equipment with the focus on its first question')

    keys('2')
    ok(wait_for(lambda: stored_levels(db, assessment).get(QUESTIONS[0]) == 2, 10)
       and wait_for(lambda: saved_shown(app), 10),
       'the first answer is saved')

    # The Import Bundle chooser lists the database's folder, then closes.
    keys('ctrl+i')
    chooser = wait_for(lambda: window(app, 'Choose a Bundle to Import'), 20)
    if chooser is not None:
        wait_for(lambda: has_focus_within(chooser), 10)
        wait_for(lambda: search(chooser, lambda n: (n.name or '') == 'z.db', first=True), 10)
        time.sleep(1.0)
        keys('Escape')
    ok(chooser is not None and wait_for(lambda: window(app, 'Choose a Bundle to Import') is None, 10),
       'the Import Bundle chooser listed the folder and closed')
    wait_for(lambda: has_focus_within(find_one(app, 'panel', texts[QUESTIONS[1]])), 5)

    for _ in range(3):
        gui.cli(db, 'company', 'list')
    gone = deleted_files(pid)
    note('deleted files the app holds after the CLI ran: %s' % gone)
    ok(os.path.exists(db + '-wal') and not [f for f in gone if 'z.db' in f],
       "sihua-cli left the window's log in place (none of its files is deleted)")

    # Two more answers by keyboard, each shown as saved.
    card = level_card(app, texts[QUESTIONS[1]], 3)
    if card is not None and not has_focus_within(find_one(app, 'panel', texts[QUESTIONS[1]])):
        gui.mouse_click(card)
    else:
        keys('3')
    keys('1')
    ok(wait_for(lambda: saved_shown(app), 10), 'the page says "Saved" after the later answers')

    shown = {}
    for question in QUESTIONS:
        for level in range(5):
            button = level_card(app, texts[question], level)
            if button is not None and is_chosen(button):
                shown[question] = level
    note('shown as saved before the kill: %s' % shown)
    ok(shown == {QUESTIONS[0]: 2, QUESTIONS[1]: 3, QUESTIONS[2]: 1},
       'the three answers are shown on their cards')

    # Another process sees them while the app runs...
    ok(all(stored_levels(db, assessment).get(q) == v for q, v in shown.items()),
       'another process reads every answer shown as saved while the app runs')

    # ...and they survive SIGKILL.
    sihua.kill()
    stored = stored_levels(db, assessment)
    note('stored after the kill: %s' % {q: stored.get(q) for q in QUESTIONS})
    ok(len(shown) == 3 and all(stored.get(q) == v for q, v in shown.items()),
       'after kill -9 every answer shown as saved is in the file')


def main():
    return gui.run_test(PLAN, run, 'sihua-gui-locks-', attempts=2)


if __name__ == '__main__':
    sys.exit(main())
