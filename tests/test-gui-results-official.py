#!/usr/bin/python3
# test-gui-results-official.py
#
# Copyright 2026 The Sihua developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The results page of an MIIT 2024 assessment, seeded with sihua-cli from
# tests/fixtures/miit-answers.json, read through the accessibility tree: the
# level by its own name, the three area sums and the total in the official
# currency (x / 50, y / 30, z / 20, P / 100), the line saying what is missing
# for the next level, and the answer sheet exported from the page's button.
# The figures are those `sihua-cli score --json` gives for the same
# assessment, and those computed by hand in test-report-official.c.
# Speaks TAP.

import json
import os
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sihua_gui as gui  # noqa: E402
from sihua_gui import App, cli, click, keys, ok, search, wait_for, window  # noqa: E402

gui.setup(__file__, tools=('xdotool',))

N_TESTS = 9
ANSWERS = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'fixtures', 'miit-answers.json')


def exact_label(root, text):
    found = search(root, lambda n: n.roleName == 'label' and (n.name or '') == text, first=True)
    return found[0] if found else None


def one_decimal(value):
    """As the page shows points: one decimal, none when whole."""
    text = '%.1f' % (int(value * 10 + 0.5 + 1e-9) / 10.0)
    return text[:-2] if text.endswith('.0') else text


def run(tmp):
    db = os.path.join(tmp, 'sihua.db')
    sheets = os.path.join(tmp, 'sheets')
    os.makedirs(sheets)
    company = json.loads(cli(db, 'company', 'add', '--name', 'Huadong Precision Machinery').stdout)
    # Last year's visit, answered alike: the page compares in points.
    earlier = json.loads(cli(db, 'assessment', 'new', '--company', str(company['id']),
                             '--model', 'miit-2024').stdout)
    cli(db, 'assessment', 'import', str(earlier['id']), ANSWERS)
    cli(db, 'assessment', 'set', str(earlier['id']), '--date', '2025-06-01')
    assessment = json.loads(cli(db, 'assessment', 'new', '--company', str(company['id']),
                                '--model', 'miit-2024').stdout)
    cli(db, 'assessment', 'import', str(assessment['id']), ANSWERS)
    shown = json.loads(cli(db, 'assessment', 'show', str(assessment['id'])).stdout)
    score = json.loads(cli(db, 'score', str(assessment['id'])).stdout)
    gui.write_settings(tmp, {'last-assessment': shown['assessment']['uuid'],
                             'default-folder': sheets,
                             'window-width': 1360, 'window-height': 860})

    sihua = App(db, tmp)
    app = sihua.start()
    if not ok(app is not None, 'the app shows up in the accessibility tree'):
        return
    main = wait_for(lambda: window(app, 'Sihua'))
    wait_for(lambda: gui.find_one(main, 'list', 'Dimensions'), 20)
    keys('ctrl+r')

    # The level by the model's own name: 二级 (Level 2) by hand and by core.
    ok(score.get('stage') == 2 and wait_for(lambda: exact_label(main, 'Level 2'), 20) is not None,
       'the results page shows the level the store scores, Level 2')

    # Area sums: by hand 25.5 / 50, 13.125 / 30, 15 / 20, 53.625 / 100.
    areas = {a['id']: a for a in (score.get('points') or {}).get('areas', [])}
    for area_id, points, most in (('foundation', 25.5, 50), ('management', 13.125, 30),
                                  ('effect', 15, 20)):
        text = '%s / %s' % (one_decimal(points), one_decimal(most))
        agrees = (area_id in areas and abs(areas[area_id]['points'] - points) < 1e-9
                  and areas[area_id]['max'] == most)
        ok(agrees and wait_for(lambda: exact_label(main, text), 10) is not None,
           'the page shows %s %s, as core scores it' % (area_id, text))
    total = (score.get('points') or {}).get('total')
    ok(total is not None and abs(total - 53.625) < 1e-9 and exact_label(main, '53.6 / 100') is not None,
       'the page shows the total 53.6 / 100')

    # The comparison with last year speaks in points, as the index does.
    since = wait_for(lambda: gui.find_one(main, 'list', 'Since the assessment of 2025-06-01'), 10)
    lines = [n.name for n in search(since, lambda n: n.roleName == 'label')] if since else []
    gui.note('since: %s' % lines)
    ok(any(line == 'From Level 2 to Level 2, 53.6 → 53.6 points' for line in lines)
       and not any('index' in line.lower() for line in lines),
       'the comparison with the previous assessment is in points, not an index')

    # What is missing for Level 3: 60 − 53.625 = 6.375 points, and one more
    # scene at Level 3 (7 of the 8 needed).
    missing = wait_for(lambda: gui.find_one(main, 'list', 'What is missing for Level 3'), 10)
    lines = [n.name for n in search(missing, lambda n: n.roleName == 'label')] if missing else []
    gui.note('missing: %s' % lines)
    ok(any('6.4' in line for line in lines),
       'the missing line names the 6.4 points short of Level 3')

    # The answer sheet from the page's button, into the remembered folder.
    click(wait_for(lambda: gui.find_one(main, 'push button', 'Export Answer Sheet')))
    gui.accept_chooser(app, 'Export Answer Sheet')
    written = wait_for(lambda: [os.path.join(sheets, f) for f in os.listdir(sheets)
                                if f.endswith('.xlsx')], 30)
    strings = ''
    if written:
        wait_for(lambda: gui.find_one(app, 'label', 'Answer sheet saved as'), 30)
        with zipfile.ZipFile(written[0]) as book:
            strings = book.read('xl/sharedStrings.xml').decode('utf-8')
    ok('B, C, D' in strings and 'B, C, D, E, F' in strings,
       'the answer sheet written from the window has the option letters of the network and '
       'data collection items')
    sihua.stop()


def main():
    return gui.run_test(N_TESTS, run, 'sihua-gui-results-official-', attempts=2)


if __name__ == '__main__':
    sys.exit(main())
