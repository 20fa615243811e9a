#!/usr/bin/python3
# test-gui-exchange.py
#
# Copyright 2026 The Sihua developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives the real application through the accessibility tree (dogtail) and
# the real keyboard (xdotool): exports XLSX and CSV through the Export Data
# dialog and the file chooser, and checks the files against sihua-cli's own
# export; imports a bundle made by `sihua-cli bundle export` from another
# database, choosing in the conflicts dialog, and finds the new company in
# the list; opens a hostile bundle and sees the core's precise message while
# the database stays exactly as it was. Speaks TAP.
#
# Like test-gui-answer.py it runs itself inside a private session bus and
# runtime folder (see sihua_gui.py), so the accessibility bus is its own.

import csv
import json
import os
import re
import shutil
import sys
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sihua_gui as gui  # noqa: E402
from sihua_gui import (App, activate, cli, clickable, find_one, is_chosen,  # noqa: E402
                       keys, note, ok, type_text, wait_for, window)

PLAN = 20

gui.setup(__file__, tools=('xdotool',))

SRCDIR = os.environ.get('G_TEST_SRCDIR', os.path.dirname(os.path.abspath(__file__)))
MINE = 'Huadong Precision Machinery'
THEIRS = 'Jiangnan Textile'


def companies(db):
    return json.loads(cli(db, 'company', 'list').stdout)


def make_data(tmp):
    """Two laptops: both have Huadong (its assessment answered differently
    on each), only the other one has Jiangnan."""
    mine = os.path.join(tmp, 'mine.db')
    theirs = os.path.join(tmp, 'theirs.db')
    cli(mine, 'company', 'add', '--name', MINE, '--region', 'Jiangsu', '--industry', 'C34')
    assessment = json.loads(cli(mine, 'assessment', 'new', '--company', '1').stdout)
    assessment = assessment['id'] if isinstance(assessment, dict) else assessment
    for question, value in (('data.collection', '2'), ('equipment.automation', '3')):
        cli(mine, 'assessment', 'answer', str(assessment), question, value)
    base = os.path.join(tmp, 'base.sihua')
    cli(mine, 'bundle', 'export', '-o', base)
    cli(theirs, 'bundle', 'import', base)
    cli(theirs, 'assessment', 'answer', str(assessment), 'data.collection', '4')
    # Changed here too since: a conflict (a change made there only is taken).
    cli(mine, 'assessment', 'answer', str(assessment), 'data.collection', '1')
    cli(theirs, 'company', 'add', '--name', THEIRS, '--region', 'Zhejiang')
    other = json.loads(cli(theirs, 'assessment', 'new', '--company', '2').stdout)
    other = other['id'] if isinstance(other, dict) else other
    cli(theirs, 'assessment', 'answer', str(other), 'data.collection', '1')
    bundle = os.path.join(tmp, 'theirs.sihua')
    cli(theirs, 'bundle', 'export', '-o', bundle)
    return mine, bundle, assessment


def sheet_texts(path):
    """Every sheet of an XLSX, as its XML with the shared strings put in."""
    with zipfile.ZipFile(path) as z:
        names = sorted(n for n in z.namelist() if re.match(r'xl/worksheets/sheet\d+\.xml$', n))
        strings = z.read('xl/sharedStrings.xml').decode('utf-8') if \
            'xl/sharedStrings.xml' in z.namelist() else ''
        shared = re.findall(r'<si>(.*?)</si>', strings, re.S)
        texts = []
        for name in names:
            xml = z.read(name).decode('utf-8')
            xml = re.sub(r'<c ([^>]*)t="s"([^>]*)><v>(\d+)</v>',
                         lambda m: '<c %s%s><s>%s</s>' % (m.group(1), m.group(2),
                                                          shared[int(m.group(3))]), xml)
            texts.append(xml)
        return texts


def open_export_dialog(app):
    keys('ctrl+shift+e')
    return wait_for(lambda: window(app, 'Export Data'))


def export_through_chooser(app, dialog, out, suffix):
    before = set(os.listdir(out))
    button = find_one(dialog, 'push button', 'Export')
    activate(button)
    gui.accept_chooser(app, 'Save the Export As')
    return wait_for(lambda: [f for f in os.listdir(out) if f not in before and f.endswith(suffix)
                             and not f.startswith('.')], 60)


def run(tmp):
    mine, bundle, assessment = make_data(tmp)
    out = os.path.join(tmp, 'out')
    os.makedirs(out)
    gui.write_settings(tmp, {'default-folder': out, 'window-width': 1200, 'window-height': 800})

    sihua = App(mine, tmp)
    app = sihua.start()
    ok(app is not None and wait_for(lambda: find_one(app, 'label', MINE), 20),
       'the app starts and lists the company')

    # XLSX, the default format, for every company.
    dialog = open_export_dialog(app)
    xlsx_radio = dialog and find_one(dialog, 'check box', 'Excel workbook')
    ok(dialog is not None and xlsx_radio is not None and is_chosen(xlsx_radio),
       'Ctrl+Shift+E opens Export Data with XLSX chosen')
    files = export_through_chooser(app, dialog, out, '.xlsx') if dialog else None
    ok(files and wait_for(lambda: find_one(app, 'label', 'Exported as'), 30),
       'the workbook is written to the default folder and a toast says so')
    if files:
        reference = os.path.join(tmp, 'cli.xlsx')
        cli(mine, 'export', '--format', 'xlsx', '-o', reference)
        gui_sheets = sheet_texts(os.path.join(out, files[0]))
        ok(len(gui_sheets) == 3 and MINE in gui_sheets[0] and 'data.collection' in gui_sheets[2],
           'the workbook has the companies, assessments and answers sheets')
        ok(gui_sheets == sheet_texts(reference),
           'its sheets hold exactly what sihua-cli export writes')
    else:
        ok(False, 'the workbook has the companies, assessments and answers sheets')
        ok(False, 'its sheets hold exactly what sihua-cli export writes')

    # CSV with the byte order mark for Excel (on by default).
    dialog = open_export_dialog(app)
    csv_radio = dialog and find_one(dialog, 'check box', 'CSV files')
    if csv_radio is not None:
        activate(csv_radio, 'Export Data')
    bom = dialog and find_one(dialog, 'list item', 'Mark as UTF-8')
    ok(csv_radio is not None and is_chosen(csv_radio) and bom is not None and bom.sensitive,
       'choosing CSV offers the byte order mark for Excel')
    files = export_through_chooser(app, dialog, out, '-companies.csv') if dialog else None
    if files:
        path = os.path.join(out, files[0])
        with open(path, 'rb') as f:
            raw = f.read()
        rows = list(csv.reader(raw.decode('utf-8-sig').splitlines()))
        reference = os.path.join(tmp, 'cli.csv')
        cli(mine, 'export', '--format', 'csv', '--bom', '-o', reference)
        with open(os.path.join(tmp, 'cli-companies.csv'), 'rb') as f:
            expected = f.read()
        ok(raw.startswith(b'\xef\xbb\xbf') and len(rows[0]) > 3 and MINE not in rows[0],
           'the companies CSV starts with the byte order mark and a header row')
        ok(len(rows) == 2 and MINE in rows[1] and raw == expected,
           'its rows are the company, as sihua-cli writes them')
        stem = path[:-len('-companies.csv')]
        ok(all(os.path.exists(stem + s) for s in ('-assessments.csv', '-answers.csv')),
           'the assessments and answers CSV files are beside it')
    else:
        for name in ('the companies CSV starts with the byte order mark and a header row',
                     'its rows are the company, as sihua-cli writes them',
                     'the assessments and answers CSV files are beside it'):
            ok(False, name)

    # A bundle from the other laptop: one new company, one conflict.
    keys('ctrl+i')
    gui.open_in_chooser(app, 'Choose a Bundle to Import', bundle)
    dialog = wait_for(lambda: window(app, 'Import Bundle'), 30)
    theirs_button = dialog and wait_for(lambda: find_one(dialog, 'push button', 'Take theirs: '))
    import_button = dialog and find_one(dialog, 'push button', 'Import')
    ok(theirs_button is not None and MINE in theirs_button.name and not import_button.sensitive,
       'the import dialog lists the conflict and waits for a choice')
    all_mine = dialog and wait_for(lambda: find_one(dialog, 'push button', 'Keep mine for all conflicts'))
    if all_mine is not None:
        activate(all_mine)
    mine_button = dialog and find_one(dialog, 'push button', 'Keep mine: ')
    # The pressed state reaches the accessibility bus a moment later.
    ok(mine_button is not None and wait_for(lambda: is_chosen(mine_button), 5)
       and wait_for(lambda: import_button.sensitive, 5),
       '"Apply to all" chooses for every conflict')
    if import_button is not None:
        activate(import_button)
    ok(wait_for(lambda: find_one(app, 'label', THEIRS), 30),
       'after the import the new company is in the list')
    names = [c['name'] for c in companies(mine)]
    level = gui.stored_levels(mine, assessment).get('data.collection')
    ok(sorted(names) == sorted([MINE, THEIRS]) and level == 1,
       'the store has both companies and kept my answer to the conflict')

    # From the new company's page: its data, then a bundle of it alone.
    keys('ctrl+f')
    type_text('Jiangnan')
    keys('Return')
    menu = wait_for(lambda: clickable(app, 'push button', 'Export This Company'), 10)
    if menu is not None:
        menu.doActionNamed('click')
        item = wait_for(lambda: clickable(app, 'menu item', "Export This Company's Data"), 5)
        if item is not None:
            item.doActionNamed('click')
    dialog = wait_for(lambda: window(app, 'Export Data'))
    company_check = dialog and find_one(dialog, 'check box', 'This company')
    ok(company_check is not None and is_chosen(company_check),
       "the company page's Export Data starts with this company chosen")
    if dialog is not None:
        keys('Escape')
        wait_for(lambda: window(app, 'Export Data') is None, 5)
    menu = clickable(app, 'push button', 'Export This Company')
    if menu is not None:
        menu.doActionNamed('click')
        item = wait_for(lambda: clickable(app, 'menu item', 'as a Bundle'), 5)
        if item is not None:
            item.doActionNamed('click')
    gui.accept_chooser(app, 'Save the Bundle As')
    # The chooser opens where the last file came from: the imported bundle's folder.
    written = wait_for(lambda: [os.path.join(d, f) for d in (tmp, out) for f in os.listdir(d)
                                if f.endswith('.sihua') and f.startswith(THEIRS)], 30)
    # Toasts queue: the import's and the CSV export's may still be showing.
    ok(written and wait_for(lambda: find_one(app, 'label', 'Bundle saved as'), 45),
       'Export Bundle writes the file and a toast says so')
    fresh = os.path.join(tmp, 'fresh.db')
    if written:
        cli(fresh, 'bundle', 'import', written[0])
    ok(written and [c['name'] for c in companies(fresh)] == [THEIRS],
       'the bundle carries that company alone into an empty database')
    keys('alt+Left')

    # Hostile bundles: the core's own message, and nothing changed.
    for name in ('wrong-checksum.sihua', 'dotdot-path.sihua'):
        hostile = os.path.join(SRCDIR, 'fixtures', 'bundles', name)
        scratch = os.path.join(tmp, 'scratch-%s.db' % name)
        shutil.copy(mine, scratch)
        refused = cli(scratch, 'bundle', 'import', hostile, check=False)
        message = refused.stderr.strip().splitlines()[-1] if refused.stderr.strip() else ''
        message = re.sub(r'^sihua-cli: ', '', message)
        before = cli(mine, 'company', 'list').stdout
        keys('ctrl+i')
        gui.open_in_chooser(app, 'Choose a Bundle to Import', hostile)
        alert = wait_for(lambda: find_one(app, 'label', message[:40]) if message else None, 30)
        note('expected message: %s' % message)
        ok(refused.returncode != 0 and alert is not None,
           '%s: the window shows the precise message' % name)
        keys('Escape')
        time.sleep(0.5)
        ok(cli(mine, 'company', 'list').stdout == before,
           '%s: the database is unchanged' % name)


def main():
    return gui.run_test(PLAN, run, 'sihua-gui-exchange-')


if __name__ == '__main__':
    sys.exit(main())
