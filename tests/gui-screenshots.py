#!/usr/bin/python3
# gui-screenshots.py
#
# Copyright 2026 The Sihua developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Takes the screenshots of the answering and results pages in docs/screenshots
# (zh_CN and en, light and dark, 1366×768): a company with two assessments is
# made with sihua-cli, the real app opens the newer one, Ctrl+Page Down shows
# the Equipment questions and Ctrl+R the results, and ImageMagick's import
# captures the window. Dark is libadwaita's own switch,
# ADW_DEBUG_COLOR_SCHEME=prefer-dark. Not a test: run it by hand and look at
# every picture.
#
#   tests/gui-screenshots.py BUILD_DIR [OUT_DIR [ONLY]]   (ONLY: e.g. en-dark, zh_CN-hidpi)

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sihua_gui as gui  # noqa: E402

# Room for a 1366×768 window at twice the scale, for the HiDPI shots.
gui.run_in_private_session(__file__, own_screen=True, screen='-screen 0 2800x1800x24')

BUILD = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else 'build')
OUT = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'docs',
                                   'screenshots'))
gui.CLI = os.path.join(BUILD, 'src', 'cli', 'sihua-cli')
gui.APP = os.path.join(BUILD, 'src', 'gui', 'sihua')
COMPANY = {'zh_CN': ('苏州华东精密机械有限公司', '江苏苏州'),
           'en': ('Huadong Precision Machinery', 'Suzhou, Jiangsu')}


def make_database(home, language, env):
    db = os.path.join(home, 'sihua.db')

    def cli(*args, as_json=False):
        return gui.cli(db, *args, as_json=as_json, env=env).stdout.strip()

    model = json.loads(cli('model', 'show', 'sihua-4hua', as_json=True))
    ladders = [q['id'] for area in model['areas'] if area.get('scored', True)
               for dimension in area['dimensions'] for q in dimension['questions']
               if q['type'] == 'ladder' and 'relevant_if' not in q]
    name, region = COMPANY[language]
    company = cli('company', 'add', '--name', name, '--region', region, '--industry', 'C34')

    first = cli('assessment', 'new', '--company', company)
    rng = random.Random(7)
    levels = {q: rng.choice([0, 1, 1, 1, 2, 2]) for q in ladders}
    for question, level in levels.items():
        cli('assessment', 'answer', first, question, str(level))

    second = cli('assessment', 'new', '--company', company, '--from', first)
    for question in ladders[:24]:
        cli('assessment', 'answer', second, question, str(min(4, levels[question] + 1)))
    cli('assessment', 'answer', second, 'equipment.automation', '2', '--note',
        '两条加工中心线已上PLC' if language == 'zh_CN' else 'Two machining lines run on PLCs')
    cli('assessment', 'answer', second, 'profile.industry', 'c34')
    cli('assessment', 'answer', second, 'profile.production_type', 'discrete')
    return db, json.loads(cli('assessment', 'show', second, as_json=True))['assessment']['uuid']


def capture(window, path):
    gui.capture(window, path)
    print(path, flush=True)


def shoot(language, dark, scale, tmp):
    suffix = language + ('-dark' if dark else '') + ('-hidpi' if scale > 1 else '')
    home = os.path.join(tmp, suffix)
    os.makedirs(home)
    locale = 'zh_CN.UTF-8' if language == 'zh_CN' else 'en_US.UTF-8'
    env = gui.app_env(home, BUILD, LC_ALL=locale, NO_AT_BRIDGE='1')
    if dark:
        env['ADW_DEBUG_COLOR_SCHEME'] = 'prefer-dark'
    if scale > 1:
        env['GDK_SCALE'] = str(scale)
    db, uuid = make_database(home, language, env)
    gui.write_settings(home, {'last-assessment': uuid, 'window-width': 1366,
                              'window-height': 768})

    proc = subprocess.Popen([gui.APP, '--db', db], env=env)
    try:
        window = gui.x_window(pid=proc.pid, timeout=30)
        if window is None:
            raise RuntimeError('no window')
        time.sleep(2.5)
        subprocess.run(['xdotool', 'mousemove', str(700 * scale), str(400 * scale)], check=True)
        subprocess.run(['xdotool', 'key', 'ctrl+Next'], check=True)
        time.sleep(1.5)
        capture(window, os.path.join(OUT, 'answering-%s.png' % suffix))
        # import holds the server while it reads the window: a key sent at
        # once can be lost.
        time.sleep(1.0)
        subprocess.run(['xdotool', 'key', 'ctrl+r'], check=True)
        time.sleep(4.0)
        capture(window, os.path.join(OUT, 'results-%s.png' % suffix))
    finally:
        proc.terminate()
        proc.wait(10)


def main():
    os.makedirs(OUT, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix='sihua-shots-')
    try:
        only = sys.argv[3] if len(sys.argv) > 3 else None
        shots = [(language, dark, 1) for language in ('zh_CN', 'en') for dark in (False, True)]
        shots.append(('zh_CN', False, 2))
        for language, dark, scale in shots:
            name = language + ('-dark' if dark else '') + ('-hidpi' if scale > 1 else '')
            if only in (None, name):
                shoot(language, dark, scale, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
