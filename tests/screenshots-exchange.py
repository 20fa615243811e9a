#!/usr/bin/python3
# screenshots-exchange.py
#
# Copyright 2026 The Sihua developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Makes docs/screenshots/export-dialog-LANG.png and
# import-conflicts-LANG.png: the Export Data dialog opened on a company's
# page, and the Import Bundle dialog for a bundle from another laptop with
# conflicts. It runs itself under its own Xvfb and session bus (see
# sihua_gui.py); from the source root:
#
#   /usr/bin/python3 tests/screenshots-exchange.py BUILD_DIR [LOCALEDIR]
#
# LOCALEDIR (default BUILD_DIR/po) holds the zh_CN catalogue.

import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sihua_gui as gui  # noqa: E402
from sihua_gui import keys, type_text  # noqa: E402

gui.run_in_private_session(__file__, own_screen=True)

build = os.path.abspath(sys.argv[1])
localedir = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.path.join(build, 'po')
gui.CLI = os.path.join(build, 'src', 'cli', 'sihua-cli')
gui.APP = os.path.join(build, 'src', 'gui', 'sihua')
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'docs', 'screenshots')


def cli(db, *args):
    return gui.cli(db, *args, as_json=False, env=os.environ).stdout.strip()


def shoot(title, path):
    window = gui.x_window(name='^%s$' % title, timeout=10)
    if window is None:
        print('no window named %s' % title)
        return False
    time.sleep(1.0)
    gui.capture(window, path)
    return True


def make_data(tmp):
    mine = os.path.join(tmp, 'mine.db')
    theirs = os.path.join(tmp, 'theirs.db')
    for name, region in (('华东精密机械有限公司', '江苏常州'), ('宁波恒远模具厂', '浙江宁波')):
        company = cli(mine, 'company', 'add', '--name', name, '--region', region, '--industry', 'C35')
        assessment = cli(mine, 'assessment', 'new', '--company', company, '--consultant', '李顾问')
        for question, value in (('data.collection', '2'), ('equipment.automation', '3'),
                                ('network.coverage', '2')):
            cli(mine, 'assessment', 'answer', assessment, question, value)
    base = os.path.join(tmp, 'base.sihua')
    cli(mine, 'bundle', 'export', '-o', base)
    cli(theirs, 'bundle', 'import', base)
    for assessment in ('1', '2'):
        cli(theirs, 'assessment', 'answer', assessment, 'data.collection', '3')
        cli(theirs, 'assessment', 'answer', assessment, 'network.coverage', '3')
        # Changed here too since, so the dialog has conflicts to show.
        cli(mine, 'assessment', 'answer', assessment, 'data.collection', '1')
        cli(mine, 'assessment', 'answer', assessment, 'network.coverage', '1')
    company = cli(theirs, 'company', 'add', '--name', '苏州新锐电子科技', '--region', '江苏苏州')
    assessment = cli(theirs, 'assessment', 'new', '--company', company)
    cli(theirs, 'assessment', 'answer', assessment, 'data.collection', '1')
    bundle = os.path.join(tmp, 'from-colleague.sihua')
    cli(theirs, 'bundle', 'export', '-o', bundle)
    return mine, bundle


def run(lang, tmp):
    mine, bundle = make_data(tmp)
    home = os.path.join(tmp, 'home')
    gui.write_settings(home, {'default-folder': tmp, 'window-width': 1100, 'window-height': 720})
    env = gui.app_env(home, build, SIHUA_LOCALEDIR=localedir, NO_AT_BRIDGE='1')
    if lang == 'zh_CN':
        env.update(LC_ALL='zh_CN.UTF-8', LANGUAGE='zh_CN')
        export_title, import_title = '导出数据', '导入数据包'
    else:
        export_title, import_title = 'Export Data', 'Import Bundle'
    app = subprocess.Popen([gui.APP, '--db', mine], env=env)
    try:
        # The window, then its companies, which are read off the main thread.
        gui.x_window(pid=app.pid, timeout=30)
        time.sleep(2.0)
        # Open the first company, then Export Data from its page.
        keys('ctrl+f')
        type_text('华东')
        keys('Return')
        time.sleep(1.0)
        keys('ctrl+shift+e')
        shoot(export_title, os.path.join(OUT, 'export-dialog-%s.png' % lang))
        keys('Escape')
        time.sleep(0.5)
        keys('ctrl+i')
        time.sleep(1.5)
        keys('ctrl+l')
        type_text(bundle)
        keys('Return')
        shoot(import_title, os.path.join(OUT, 'import-conflicts-%s.png' % lang))
    finally:
        app.terminate()
        app.wait()


for lang in ('en', 'zh_CN'):
    tmp = tempfile.mkdtemp(prefix='sihua-shots-')
    try:
        run(lang, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
