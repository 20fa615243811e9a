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
# conflicts. Run under Xvfb from the source root:
#
#   dbus-run-session -- xvfb-run -a -s "-screen 0 1400x900x24" \
#     /usr/bin/python3 tests/screenshots-exchange.py BUILD_DIR [LOCALEDIR]
#
# LOCALEDIR (default BUILD_DIR/po) holds the zh_CN catalogue.

import os
import shutil
import subprocess
import sys
import tempfile
import time

build = os.path.abspath(sys.argv[1])
localedir = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.path.join(build, 'po')
CLI = os.path.join(build, 'src', 'cli', 'sihua-cli')
APP = os.path.join(build, 'src', 'gui', 'sihua')
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'docs', 'screenshots')


def cli(db, *args):
    return subprocess.run([CLI, '--db', db] + list(args), check=True, capture_output=True,
                          text=True).stdout.strip()


def keys(*combos):
    for combo in combos:
        subprocess.run(['xdotool', 'key', '--clearmodifiers', combo], check=True)
        time.sleep(0.4)


def type_text(text):
    subprocess.run(['xdotool', 'type', '--delay', '20', text], check=True)
    time.sleep(0.4)


def shoot(title, path):
    for _ in range(50):
        found = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', '^%s$' % title],
                               capture_output=True, text=True).stdout.split()
        if found:
            time.sleep(1.0)
            subprocess.run(['import', '-window', found[-1], path], check=True)
            return True
        time.sleep(0.2)
    print('no window named %s' % title)
    return False


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
    company = cli(theirs, 'company', 'add', '--name', '苏州新锐电子科技', '--region', '江苏苏州')
    assessment = cli(theirs, 'assessment', 'new', '--company', company)
    cli(theirs, 'assessment', 'answer', assessment, 'data.collection', '1')
    bundle = os.path.join(tmp, 'from-colleague.sihua')
    cli(theirs, 'bundle', 'export', '-o', bundle)
    return mine, bundle


def run(lang, tmp):
    mine, bundle = make_data(tmp)
    home = os.path.join(tmp, 'home')
    settings = os.path.join(home, 'config', 'glib-2.0', 'settings')
    os.makedirs(settings)
    with open(os.path.join(settings, 'keyfile'), 'w') as f:
        f.write("[io/github/sihua/Sihua]\ndefault-folder='%s'\nwindow-width=1100\n"
                "window-height=720\n" % tmp)
    env = dict(os.environ, GSK_RENDERER='cairo', GSETTINGS_BACKEND='keyfile',
               GSETTINGS_SCHEMA_DIR=os.path.join(build, 'data'),
               LOCPATH=os.path.join(build, 'tests', 'locales'), SIHUA_LOCALEDIR=localedir,
               XDG_CONFIG_HOME=os.path.join(home, 'config'), HOME=home,
               XDG_DATA_HOME=os.path.join(home, 'data'), XDG_CACHE_HOME=os.path.join(home, 'cache'))
    if lang == 'zh_CN':
        env.update(LC_ALL='zh_CN.UTF-8', LANGUAGE='zh_CN')
        export_title, import_title = '导出数据', '导入数据包'
    else:
        env.update(LC_ALL='en_US.UTF-8', LANGUAGE='')
        export_title, import_title = 'Export Data', 'Import Bundle'
    app = subprocess.Popen([APP, '--db', mine], env=env)
    try:
        time.sleep(3)
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
