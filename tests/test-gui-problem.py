#!/usr/bin/python3
# test-gui-problem.py
#
# Copyright 2026 The Sihua developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The window's problem page for a damaged database, through the
# accessibility tree: the damage is named, a backup is restored (the damaged
# file kept beside it) and the companies come back; another file is opened
# from the same page. Both open the database on a thread behind the
# "Opening the database…" page. Then damage the open cannot see, in an
# index: the company page says so and repairs it. Speaks TAP.

import json
import os
import shutil
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sihua_gui as gui  # noqa: E402
from sihua_gui import App, cli, click, find_one, ok, wait_for, window  # noqa: E402

gui.setup(__file__, tools=('xdotool',))

N_TESTS = 11


def damage(path):
    """Cuts the file in half, as a full disk or a pulled cable might."""
    with open(path, 'r+b') as f:
        f.truncate(os.path.getsize(path) // 2)


def damage_index(path, table, index, columns, column):
    """Gives @index the entries of a copy of @table whose @column is NULL
    (the table keeps its values): a shadow table gets the same index, the
    two indexes swap their pages, and the shadow goes with the old ones."""
    names = columns.split(', ')
    copy = ', '.join('NULL' if name == column else name for name in names)
    db = sqlite3.connect(path, isolation_level=None)
    db.executescript('CREATE TABLE shadow (%s);'
                     'INSERT INTO shadow (rowid, %s) SELECT rowid, %s FROM %s;'
                     'CREATE INDEX shadow_index ON shadow (%s);'
                     % (columns, columns, copy, table, columns))
    root = {name: db.execute('SELECT rootpage FROM sqlite_schema WHERE name = ?',
                             (name,)).fetchone()[0] for name in (index, 'shadow_index')}
    db.executescript('PRAGMA writable_schema = ON;'
                     "UPDATE sqlite_schema SET rootpage = %d WHERE name = '%s';"
                     "UPDATE sqlite_schema SET rootpage = %d WHERE name = 'shadow_index';"
                     'PRAGMA writable_schema = OFF;'
                     % (root['shadow_index'], index, root[index]))
    db.close()
    db = sqlite3.connect(path, isolation_level=None)
    db.execute('DROP TABLE shadow')
    db.close()


def same_bytes(a, b):
    with open(a, 'rb') as first, open(b, 'rb') as second:
        return first.read() == second.read()


def companies_listed(main_window, name):
    companies = find_one(main_window, 'list', 'Companies')
    return companies is not None and find_one(companies, 'label', name) is not None


def run(tmp):
    damaged = os.path.join(tmp, 'site', 'sihua.db')
    os.makedirs(os.path.dirname(damaged))
    cli(damaged, 'company', 'add', '--name', 'Huadong Precision Machinery')
    cli(damaged, 'backup')
    backups = os.path.join(os.path.dirname(damaged), 'backups')
    kept_before = set(os.listdir(backups))
    damage(damaged)

    other = os.path.join(tmp, 'other', 'laptop.db')
    os.makedirs(os.path.dirname(other))
    cli(other, 'company', 'add', '--name', 'Xinda Textiles')
    damaged_copy = os.path.join(tmp, 'damaged-copy.db')
    shutil.copyfile(damaged, damaged_copy)

    sihua = App(damaged, tmp)
    app = sihua.start()
    main_window = wait_for(lambda: window(app, 'Sihua'))
    ok(wait_for(lambda: find_one(main_window, 'label', 'is damaged')) is not None,
       'a damaged database opens on the problem page, which names the damage')

    # Restore: the newest backup is chosen; the damaged file is kept.
    click(wait_for(lambda: find_one(main_window, 'push button', 'Restore a Backup')))
    dialog = wait_for(lambda: find_one(app, 'dialog', 'Restore a Backup?'))
    restore = dialog and find_one(dialog, 'push button', '_Restore')
    ok(restore is not None and len(gui.find_all(dialog, 'check box', '')) == 2,
       'Restore a Backup lists the two backups to choose from')
    click(restore)
    ok(wait_for(lambda: companies_listed(main_window, 'Huadong Precision Machinery'), 30),
       'after the restore the companies of the backup are listed')
    ok(wait_for(lambda: find_one(main_window, 'label', 'The backup was restored')) is not None,
       'a toast says the backup was restored')
    kept = [name for name in set(os.listdir(backups)) - kept_before
            if 'before-restore' in name and name.endswith('.db')]
    gui.note('kept: %s' % ', '.join(sorted(set(os.listdir(backups)) - kept_before)))
    ok(len(kept) == 1 and same_bytes(os.path.join(backups, kept[0]), damaged_copy),
       'the damaged file is kept beside the backups, byte for byte')
    sihua.stop()

    # Another file, from the same page.
    shutil.copyfile(damaged_copy, damaged)
    for suffix in ('-wal', '-shm'):
        if os.path.exists(damaged + suffix):
            os.unlink(damaged + suffix)
    app = sihua.start()
    main_window = wait_for(lambda: window(app, 'Sihua'))
    ok(wait_for(lambda: find_one(main_window, 'label', 'is damaged')) is not None,
       'started again on the damaged file, the problem page is back')
    click(wait_for(lambda: find_one(main_window, 'push button', 'Open Another File')))
    gui.open_in_chooser(app, 'Open a Sihua Database', other)
    ok(wait_for(lambda: companies_listed(main_window, 'Xinda Textiles'), 30),
       'another database opened from the problem page lists its companies')
    ok(same_bytes(damaged, damaged_copy),
       'opening another file leaves the damaged one as it was')
    sihua.stop()

    # An index that hands out assessments without their date.
    indexed = os.path.join(tmp, 'index', 'sihua.db')
    os.makedirs(os.path.dirname(indexed))
    company = json.loads(cli(indexed, 'company', 'add', '--name', 'Changzhou Smart Equipment').stdout)
    assessment = json.loads(cli(indexed, 'assessment', 'new', '--company', str(company['id'])).stdout)
    cli(indexed, 'assessment', 'answer', str(assessment['id']), 'systems.coverage', '3')
    damage_index(indexed, 'assessments', 'assessments_company', 'company_id, date', 'date')

    sihua = App(indexed, tmp)
    app = sihua.start()
    main_window = wait_for(lambda: window(app, 'Sihua'))
    row = wait_for(lambda: find_one(main_window, 'label', 'Changzhou Smart Equipment'))
    gui.mouse_click(row)
    repair = wait_for(lambda: find_one(main_window, 'push button', 'Repair the Database'))
    ok(repair is not None and find_one(main_window, 'label', 'the database is damaged'),
       'the company page names the damage and offers to repair it')
    click(repair)
    ok(wait_for(lambda: find_one(main_window, 'label', '1 assessment'), 30) is not None,
       'after the repair the company shows its assessment')
    backups = os.path.join(os.path.dirname(indexed), 'backups')
    ok(cli(indexed, 'check', check=False).returncode == 0
       and any('before-repair' in name for name in os.listdir(backups)),
       'the database passes the full check and the damaged file is kept')


def main():
    return gui.run_test(N_TESTS, run, 'sihua-gui-problem-', attempts=2)


if __name__ == '__main__':
    sys.exit(main())
