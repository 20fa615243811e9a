#!/usr/bin/python3
# bench-page-switch.py
#
# Copyright 2026 The Sihua developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# How long the answering page takes to show another dimension, for a
# 200-question model (10 dimensions of 20 ladder questions with texts as long
# as the built-in model's), from the key press to the painted frame. The app
# logs each switch ("Dimension shown and painted in … ms") with
# G_MESSAGES_DEBUG=sihua-assessment-page; the first visit of a dimension
# builds its cards, a later one only shows them. Runs the real app under the
# current X display with a generated model in a temporary folder; prints table
# rows for bench/run-all and asserts nothing.
#
#   dbus-run-session -- xvfb-run -a -s "-screen 0 1400x900x24" \
#       bench/bench-page-switch.py BUILD_DIR

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

DIMENSIONS = 10
PER_DIMENSION = 20
LEVELS = [('未起步', 'Not started'), ('信息化', 'Informatization'), ('自动化', 'Automation'),
          ('数字化', 'Digitalization'), ('智能化', 'Intelligentization')]
DESCRIPTION_EN = ('At this level the work at question {q} of area {d} is done in a way a manager '
                  'can point at: {l} practice, with records kept and checked every week.')
DESCRIPTION_ZH = '在这一级，第{d}部分第{q}题对应的工作按{l}方式开展，有记录，每周检查，管理者能当场指认。'


def make_model():
    dimensions = []
    recommendations = []
    for d in range(DIMENSIONS):
        questions = []
        for q in range(PER_DIMENSION):
            options = [{'id': 'l%d' % level, 'level': level,
                        'text': {'zh_CN': DESCRIPTION_ZH.format(d=d + 1, q=q + 1, l=zh),
                                 'en': DESCRIPTION_EN.format(d=d + 1, q=q + 1, l=en)}}
                       for level, (zh, en) in enumerate(LEVELS)]
            questions.append({
                'id': 'd%02d.q%02d' % (d, q), 'type': 'ladder', 'weight': 1, 'allow_na': q % 4 == 0,
                'evidence_required': q % 5 == 0,
                'text': {'zh_CN': '第%d部分的第%d个问题：这项工作现在是怎么做的？' % (d + 1, q + 1),
                         'en': 'Question %d of part %d: how is this work done today?' % (q + 1, d + 1)},
                'help': {'ask': {'zh_CN': '请负责人现场演示。', 'en': 'Ask the person in charge to show it.'},
                         'evidence': {'zh_CN': '记录和系统界面。', 'en': 'Records and system screens.'}},
                'options': options})
        dimensions.append({'id': 'd%02d' % d, 'weight': 1,
                           'title': {'zh_CN': '第%d部分' % (d + 1), 'en': 'Part %d' % (d + 1)},
                           'description': {'zh_CN': '基准用的维度。', 'en': 'A dimension for the benchmark.'},
                           'questions': questions})
        for level in range(1, 5):
            recommendations.append({'id': 'r%02d.%d' % (d, level), 'dimension': 'd%02d' % d,
                                    'level': level, 'title': {'en': 'R', 'zh_CN': '建议'},
                                    'detail': {'en': 'R', 'zh_CN': '建议'}, 'effort': 'low',
                                    'cost': 'low', 'horizon': 'short'})
    return {'format': 1, 'id': 'bench-page-200', 'version': '1.0.0',
            'title': {'zh_CN': '页面切换基准', 'en': 'Page switch benchmark'},
            'levels': [{'level': level, 'name': {'zh_CN': zh, 'en': en}}
                       for level, (zh, en) in enumerate(LEVELS)],
            'areas': [{'id': 'ops', 'title': {'zh_CN': '运营', 'en': 'Operations'},
                       'dimensions': dimensions}],
            'scoring': {'question_value': 'level', 'dimension_stage_share': 0.8,
                        'overall': {'default': [{'kind': 'stage_share', 'share': '2/3'}]}},
            'recommendations': recommendations}


def switches(log, start):
    """(wall, CPU) milliseconds of each switch logged after byte start."""
    with open(log, encoding='utf-8', errors='replace') as f:
        text = f.read()[start:]
    return [(float(wall), float(cpu)) for wall, cpu in
            re.findall(r'Dimension shown and painted in ([0-9.]+) ms \(([0-9.]+) ms CPU\)', text)]


def key_and_wait(combo, log, count):
    size = os.path.getsize(log)
    subprocess.run(['xdotool', 'key', '--clearmodifiers', combo], check=True)
    end = time.monotonic() + 10
    while time.monotonic() < end:
        found = switches(log, size)
        if len(found) >= count:
            return found[0]
        time.sleep(0.05)
    return None


def row(what, samples):
    if not samples:
        return [f'| {what} | failed | | | | |']
    rows = []
    for kind, values in (('', [wall for wall, _ in samples]), (', CPU time', [cpu for _, cpu in samples])):
        values = sorted(values)
        median = statistics.median(values)
        rows.append(f'| {what}{kind} | {median:.1f} ms | {values[0]:.1f}–{values[-1]:.1f} ms | '
                    f'target | 100 ms | {median / 100:.2f}× |')
    return rows


def run(build, language, tmp, model_id='bench-page-200', steps=DIMENSIONS - 1):
    cli = os.path.join(build, 'src', 'cli', 'sihua-cli')
    app = os.path.join(build, 'src', 'gui', 'sihua')
    home = os.path.join(tmp, language + '-' + model_id)
    models = os.path.join(home, 'data', 'sihua', 'models')
    settings = os.path.join(home, 'config', 'glib-2.0', 'settings')
    os.makedirs(models, exist_ok=True)
    os.makedirs(settings, exist_ok=True)
    with open(os.path.join(models, 'bench-page-200.json'), 'w', encoding='utf-8') as f:
        json.dump(make_model(), f, ensure_ascii=False)

    locale = 'zh_CN.UTF-8' if language == 'zh_CN' else 'en_US.UTF-8'
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(home, 'data'),
               XDG_CONFIG_HOME=os.path.join(home, 'config'), GSETTINGS_BACKEND='keyfile',
               GSETTINGS_SCHEMA_DIR=os.path.join(build, 'data'),
               SIHUA_LOCALEDIR=os.path.join(build, 'po'),
               LOCPATH=os.path.join(build, 'tests', 'locales'),
               LC_ALL=locale, LANGUAGE='', GSK_RENDERER='cairo', NO_AT_BRIDGE='1',
               G_MESSAGES_DEBUG='sihua-assessment-page')
    db = os.path.join(home, 'bench.db')

    def sihua_cli(*args):
        return subprocess.run([cli, '--db', db] + list(args), env=env, check=True,
                              capture_output=True, text=True).stdout.strip()

    company = sihua_cli('company', 'add', '--name', 'Benchmark Manufacturing')
    assessment = sihua_cli('assessment', 'new', '--company', company, '--model', model_id)
    uuid = json.loads(sihua_cli('--json', 'assessment', 'show', assessment))['assessment']['uuid']
    with open(os.path.join(settings, 'keyfile'), 'w') as f:
        f.write("[io/github/sihua/Sihua]\nlast-assessment='%s'\n"
                "window-width=1366\nwindow-height=768\n" % uuid)

    log = os.path.join(home, 'app.log')
    with open(log, 'w') as out:
        proc = subprocess.Popen([app, '--db', db], env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        end = time.monotonic() + 30
        while not switches(log, 0) and time.monotonic() < end:
            time.sleep(0.1)
        time.sleep(1.0)
        first, again = [], []
        for _ in range(steps):
            value = key_and_wait('ctrl+Next', log, 1)
            if value is not None:
                first.append(value)
            time.sleep(0.3)
        for _ in range(steps):
            value = key_and_wait('ctrl+Prior', log, 1)
            if value is not None:
                again.append(value)
            time.sleep(0.3)
        return first, again
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main():
    build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else 'build')
    tmp = tempfile.mkdtemp(prefix='sihua-bench-page-')
    try:
        for language in ('zh_CN', 'en'):
            first, again = run(build, language, tmp)
            print('\n'.join(row(f'Dimension switch, first visit (20 of 200 questions, {language})', first)))
            print('\n'.join(row(f'Dimension switch, visited before (20 of 200 questions, {language})', again)))
        first, again = run(build, 'zh_CN', tmp, 'sihua-4hua', 9)
        print('\n'.join(row('Dimension switch, first visit (built-in model, 2–4 questions, zh_CN)', first)))
        print('\n'.join(row('Dimension switch, visited before (built-in model, 2–4 questions, zh_CN)', again)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
