#!/usr/bin/python3
# test-gui-companies.py
#
# Copyright 2026 The Sihua developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives the real application through the accessibility tree (dogtail) and
# the keyboard (xdotool): create a company through the form, including a
# 统一社会信用代码 the form refuses with its inline message, find the company
# with search, open it and start an assessment. Speaks TAP.

import os
import shutil
import subprocess
import sys
import tempfile
import time

os.environ.pop('NO_AT_BRIDGE', None)

import dogtail.config  # noqa: E402

dogtail.config.config.checkForA11y = False
dogtail.config.config.logDebugToFile = False
dogtail.config.config.logDebugToStdOut = False
dogtail.config.config.searchCutoffCount = 5
dogtail.config.config.defaultDelay = 0.1
dogtail.config.config.actionDelay = 0.1

from dogtail import tree  # noqa: E402

USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

results = []
N_TESTS = 14


def uscc_check_char(first17):
    """GB 32100-2015: weights 3^i mod 31, check = 31 - sum mod 31."""
    total = sum(USCC_ALPHABET.index(c) * (3 ** i % 31) for i, c in enumerate(first17))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def ok(condition, name):
    results.append(bool(condition))
    print('%s %d - %s' % ('ok' if condition else 'not ok', len(results), name), flush=True)
    return condition


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


def find_all(root, role, contains):
    return root.findChildren(lambda n: n.roleName == role and contains in (n.name or ''),
                             isLambda=True)


def find_one(root, role, contains):
    found = find_all(root, role, contains)
    return found[0] if found else None


def click(node):
    node.doActionNamed('click')


def keys(*combos):
    for combo in combos:
        subprocess.run(['xdotool', 'key', '--clearmodifiers', combo], check=True)
        time.sleep(0.15)


def type_text(text):
    subprocess.run(['xdotool', 'type', '--delay', '15', text], check=True)
    time.sleep(0.2)


def own_application(pid):
    """The application with our pid: other tests may run their own Sihua."""
    for app in tree.root.applications():
        try:
            if app.get_process_id() == pid:
                return app
        except Exception:
            pass
    return None


def window(app, title):
    for child in app.children:
        if child.name == title:
            return child
    return None


def main():
    sihua = os.environ.get('SIHUA_APP')
    if not sihua or not shutil.which('xdotool'):
        print('1..0 # SKIP needs SIHUA_APP and xdotool')
        return 0

    tmp = tempfile.mkdtemp(prefix='sihua-gui-')
    db = os.path.join(tmp, 'companies.db')
    # Settings on disk, so a restart can return to the same place.
    env = dict(os.environ, LC_ALL='en_US.UTF-8', LANGUAGE='', GSK_RENDERER='cairo',
               GSETTINGS_BACKEND='keyfile', XDG_CONFIG_HOME=os.path.join(tmp, 'config'))
    env.pop('NO_AT_BRIDGE', None)
    proc = subprocess.Popen([sihua, '--db', db], env=env)

    print('1..%d' % N_TESTS, flush=True)
    try:
        app = wait_for(lambda: own_application(proc.pid), timeout=30)
        main_window = wait_for(lambda: window(app, 'Sihua'))

        # An empty database opens on the welcome page; its button opens the form.
        add = wait_for(lambda: find_one(main_window, 'push button', 'Add a Company'))
        ok(add is not None, 'the welcome page offers to add a company')
        click(add)
        form = wait_for(lambda: window(app, 'New Company'))
        ok(form is not None, 'the new-company form opens')

        # A code with a wrong check character is refused inline; nothing is saved.
        prefix = '91320500MA1MXY312'
        good = prefix + uscc_check_char(prefix)
        bad = prefix + USCC_ALPHABET[(USCC_ALPHABET.index(good[-1]) + 1) % 31]
        type_text('Huadong Precision Machinery')
        keys('alt+u')
        type_text(bad)
        click(find_one(form, 'push button', 'Save'))
        message = wait_for(lambda: find_one(form, 'label', 'check character'))
        ok(message is not None and good[-1] in message.name,
           'a wrong check character is refused with an inline message naming the right one')
        ok(window(app, 'New Company') is not None, 'the form stays open while a field is wrong')

        # Corrected, the company is saved and its page opens.
        keys('alt+u', 'ctrl+a')
        type_text(good)
        keys('alt+r')
        type_text('Suzhou, Jiangsu')
        keys('alt+i')
        type_text('C34')
        click(find_one(form, 'push button', 'Save'))
        ok(wait_for(lambda: window(app, 'New Company') is None), 'the corrected form is saved')
        ok(wait_for(lambda: find_one(main_window, 'label', good)),
           'the company page shows the saved code')

        # A second company, through the header bar's button.
        click(wait_for(lambda: find_one(main_window, 'push button', 'Back')))
        click(wait_for(lambda: find_one(main_window, 'push button', 'New Company')))
        form = wait_for(lambda: window(app, 'New Company'))
        type_text('Xinda Textiles')
        keys('alt+r')
        type_text('Shaoxing, Zhejiang')
        keys('ctrl+Return')
        ok(wait_for(lambda: window(app, 'New Company') is None), 'a second company is saved')

        # Search as you type keeps only the matches in the list.
        keys('alt+Left', 'ctrl+f')
        type_text('suzhou')

        def listed():
            companies = find_one(main_window, 'list', 'Companies')
            return [n.name for n in companies.findChildren(
                lambda n: n.roleName == 'label', isLambda=True)]

        names = wait_for(lambda: (lambda n: n if 'Xinda Textiles' not in n else None)(listed()))
        ok(names is not None and 'Huadong Precision Machinery' in names,
           'searching for the region finds the company and hides the other one')

        # Enter opens the first match.
        keys('Return')
        start = wait_for(lambda: find_one(main_window, 'push button', 'New Assessment'))
        ok(start is not None, 'Enter in the search field opens the company')

        # A new assessment with the default model.
        click(start)
        dialog = wait_for(lambda: window(app, 'New Assessment') or
                          find_one(app, 'push button', 'Start Assessment'))
        start_button = wait_for(lambda: find_one(app, 'push button', 'Start Assessment'))
        ok(start_button is not None, 'the model picker asks which questionnaire to use')
        click(start_button)
        today = time.strftime('%Y-%m-%d')
        ok(wait_for(lambda: find_one(main_window, 'label', 'Assessment of ' + today)),
           'the new assessment opens')

        # Killed in the middle of the assessment, the app comes back to it.
        time.sleep(0.5)
        proc.kill()
        proc.wait(10)
        proc = subprocess.Popen([sihua, '--db', db], env=env)
        app = wait_for(lambda: own_application(proc.pid), timeout=30)
        main_window = wait_for(lambda: window(app, 'Sihua'))
        ok(wait_for(lambda: find_one(main_window, 'label', 'Assessment of ' + today)),
           'after a kill the restarted app returns to the open assessment')

        keys('alt+Left')
        ok(wait_for(lambda: find_one(main_window, 'label', '1 assessment')),
           'the company lists its assessment')

        # Re-assessing starts a second assessment from the first one's answers.
        click(wait_for(lambda: find_one(main_window, 'push button', 'Re-assess')))
        wait_for(lambda: find_one(main_window, 'label', 'Assessment of ' + today))
        time.sleep(0.5)
        keys('alt+Left')
        ok(wait_for(lambda: find_one(main_window, 'label', '2 assessments')),
           'Re-assess adds a second assessment to the company')
        del dialog
    except Exception as error:  # report, then fail the remaining points
        print('# %s: %s' % (type(error).__name__, error), flush=True)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(tmp, ignore_errors=True)

    while len(results) < N_TESTS:
        ok(False, 'not reached')

    return 0 if all(results) else 1


if __name__ == '__main__':
    sys.exit(main())
