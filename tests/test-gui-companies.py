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
#
# Like test-gui-answer.py it runs itself inside a private session bus and
# runtime folder (see sihua_gui.py), so the accessibility bus is its own.

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sihua_gui as gui  # noqa: E402
from sihua_gui import App, click, find_one, keys, ok, type_text, wait_for, window  # noqa: E402

gui.setup(__file__, tools=('xdotool',))

USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

N_TESTS = 14


def uscc_check_char(first17):
    """GB 32100-2015: weights 3^i mod 31, check = 31 - sum mod 31."""
    total = sum(USCC_ALPHABET.index(c) * (3 ** i % 31) for i, c in enumerate(first17))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def run(tmp):
    # Settings on disk (the keyfile backend), so a restart can return to the
    # same place.
    sihua = App(os.path.join(tmp, 'companies.db'), tmp)
    app = sihua.start()
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
    if not ok(names is not None and 'Huadong Precision Machinery' in names,
              'searching for the region finds the company and hides the other one'):
        note('listed: %s' % listed())

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
    sihua.kill()
    app = sihua.start()
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


def main():
    return gui.run_test(N_TESTS, run, 'sihua-gui-companies-', needs=('SIHUA_APP',))


if __name__ == '__main__':
    sys.exit(main())
