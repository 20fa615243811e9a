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
# "Opening the database…" page. Speaks TAP.

import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sihua_gui as gui  # noqa: E402
from sihua_gui import App, cli, click, find_one, ok, wait_for, window  # noqa: E402

gui.setup(__file__, tools=('xdotool',))

N_TESTS = 8


def damage(path):
    """Cuts the file in half, as a full disk or a pulled cable might."""
    with open(path, 'r+b') as f:
        f.truncate(os.path.getsize(path) // 2)


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


def main():
    return gui.run_test(N_TESTS, run, 'sihua-gui-problem-', attempts=2)


if __name__ == '__main__':
    sys.exit(main())
