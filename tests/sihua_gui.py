# sihua_gui.py
#
# Copyright 2026 The Sihua developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the scripts that drive the real application share: a private session
# bus and runtime folder, dogtail set up for the accessibility tree, TAP
# points, waiting on conditions, real keys and pointer clicks (xdotool),
# searching the tree for what is on screen, starting the app with settings of
# its own, and sihua-cli. The scripts beside it import it with their own
# folder put first on sys.path, so they run from any current directory.
#
# The accessibility bus socket lives in XDG_RUNTIME_DIR (else in ~/.cache,
# shared by every session of the user, where a parallel run deletes it), so
# a script runs itself again inside a private session bus and runtime folder
# (run_in_private_session), and under Xvfb where there is no display.

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback

CLI = os.environ.get('SIHUA_CLI')
APP = os.environ.get('SIHUA_APP')
# sihua-cli's messages and names in English, as the app shows them.
CLI_ENV = dict(os.environ, LC_ALL='en_US.UTF-8', LANGUAGE='')

SETTINGS_PATH = 'io/github/sihua/Sihua'
PRIVATE_FLAG = 'SIHUA_GUI_PRIVATE_BUS'
# -noreset: an X server resets when its last client leaves, and refuses
# connections meanwhile; between two apps of a test that reset made
# "cannot open display" on a busy machine.
SCREEN = '-screen 0 1400x900x24 -noreset'
TAP_STARTS = ('ok', 'not ok', '1..', '#', 'Bail out!', 'TAP version')

# How long an application may take to answer one accessibility call, and
# how long after its start it may take longer (see use_accessibility).
ATSPI_CALL_TIMEOUT_MS = 30000
ATSPI_STARTUP_MS = 60000

# Set by use_accessibility(): dogtail's tree and pyatspi, imported only by
# the scripts that read the accessibility tree.
tree = None
pyatspi = None


def _and_list(words):
    return words[0] if len(words) == 1 else '%s and %s' % (', '.join(words[:-1]), words[-1])


def run_in_private_session(script, tools=(), own_screen=False, tap=False, screen=SCREEN):
    """Runs @script again inside dbus-run-session with its own
    XDG_RUNTIME_DIR, and exits with its status; returns at once in the run
    that is already inside. A TAP script (@tap) skips where one of @tools is
    missing, and what else lands on its output (the accessibility registry
    the bus starts says hello there) becomes a TAP comment. @own_screen:
    always under a fresh Xvfb, even where there is a display (a fixed screen
    size for screenshots)."""
    if os.environ.get(PRIVATE_FLAG) == '1':
        return
    needed = ['dbus-run-session'] + list(tools)
    if tap and not all(shutil.which(tool) for tool in needed):
        print('1..0 # SKIP needs %s' % _and_list(needed))
        sys.exit(0)
    runtime = tempfile.mkdtemp(prefix='sihua-gui-runtime-')
    os.chmod(runtime, 0o700)
    env = dict(os.environ, XDG_RUNTIME_DIR=runtime)
    env[PRIVATE_FLAG] = '1'
    env.pop('NO_AT_BRIDGE', None)
    command = ['dbus-run-session', '--', sys.executable, os.path.abspath(script)] + sys.argv[1:]
    if own_screen or not env.get('DISPLAY'):
        command = ['xvfb-run', '-a', '-s', screen] + command
    if tap:
        child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True,
                                 errors='replace')
        for line in child.stdout:
            if not line.startswith(TAP_STARTS):
                line = '# ' + line
            print(line, end='', flush=True)
        code = child.wait()
    else:
        code = subprocess.call(command, env=env)
    shutil.rmtree(runtime, ignore_errors=True)
    sys.exit(code)


def use_accessibility():
    """dogtail quiet and quick, without its own checks; skips the TAP
    script where dogtail is not installed."""
    global tree, pyatspi
    os.environ.pop('NO_AT_BRIDGE', None)
    try:
        import dogtail.config
    except ImportError:
        print('1..0 # SKIP needs python3-dogtail')
        sys.exit(0)

    dogtail.config.config.checkForA11y = False
    dogtail.config.config.logDebugToFile = False
    dogtail.config.config.logDebugToStdOut = False
    dogtail.config.config.searchCutoffCount = 5
    dogtail.config.config.defaultDelay = 0.1
    dogtail.config.config.actionDelay = 0.1

    import pyatspi as atspi
    from dogtail import tree as dogtail_tree
    tree, pyatspi = dogtail_tree, atspi
    # libatspi gives an application 800 ms to answer a call (15 s just after
    # it starts). With the machine's cores busy the app's main thread is
    # often away longer than that (building a dimension's cards, a results
    # page): the call fails with NoReply, and libatspi then refuses every
    # call to the app as "hung" until a ping comes back, so the test saw a
    # live app as gone. The app is slow there, not dead: give it the time a
    # busy machine needs.
    atspi.setTimeout(ATSPI_CALL_TIMEOUT_MS, ATSPI_STARTUP_MS)


def setup(script, tools=('xdotool',)):
    """The start of every GUI test: a private bus, then dogtail."""
    run_in_private_session(script, tools, tap=True)
    use_accessibility()


# TAP. With hold, the points of an attempt are kept back until finish(), so
# a run that starts over prints only the points of the attempt that counts.
results = []
_output = []
_hold = False


def plan(count, hold=False):
    global _hold
    print('1..%d' % count, flush=True)
    _hold = hold


def _emit(line):
    if _hold:
        _output.append(line)
    else:
        print(line, flush=True)


def ok(condition, name):
    """One TAP point."""
    results.append(bool(condition))
    _emit('%s %d - %s' % ('ok' if condition else 'not ok', len(results), name))
    return condition


def note(text):
    _emit('# ' + str(text).replace('\n', '\n# '))


def start_over():
    """Forgets the points of the attempt so far (they were held back)."""
    results.clear()
    _output.clear()


def finish(count):
    """Fails what was not reached; the exit status of the test."""
    while len(results) < count:
        ok(False, 'not reached')
    if len(results) > count:
        note('plan was %d, ran %d' % (count, len(results)))
    if _output:
        print('\n'.join(_output), flush=True)
        _output.clear()
    return 0 if all(results) and len(results) == count else 1


def wait_for(func, timeout=15.0):
    """The first true value of @func within @timeout seconds, else None."""
    end = time.time() + timeout
    while time.time() < end:
        try:
            value = func()
            if value:
                return value
        except Exception:  # the tree changes under us while pages and windows switch
            pass
        time.sleep(0.2)
    return None


# Real input, to whatever has the focus.

def keys(*combos):
    for combo in combos:
        subprocess.run(['xdotool', 'key', '--clearmodifiers', combo], check=True)
        time.sleep(0.4)


def type_text(text):
    subprocess.run(['xdotool', 'type', '--delay', '20', text], check=True)
    time.sleep(0.4)


def x_window(name=None, pid=None, timeout=30.0):
    """The X window id of the visible window named @name (a regular
    expression) or of process @pid; None if none shows up in time."""
    command = ['xdotool', 'search', '--onlyvisible']
    command += ['--pid', str(pid)] if pid is not None else ['--name', name]
    return wait_for(lambda: (subprocess.run(command, capture_output=True, text=True)
                             .stdout.split() or [None])[-1], timeout)


def capture(window_id, path):
    """ImageMagick's picture of the window."""
    subprocess.run(['import', '-window', window_id, path], check=True)


def window_geometry(title='Sihua'):
    """Position and size of the window on screen: GTK 4.8 reports positions
    relative to the window."""
    out = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', '^%s$' % re.escape(title),
                          'getwindowgeometry'], capture_output=True, text=True).stdout
    position = re.search(r'Position: (-?\d+),(-?\d+)', out)
    size = re.search(r'Geometry: (\d+)x(\d+)', out)
    return (int(position.group(1)) if position else 0, int(position.group(2)) if position else 0,
            int(size.group(1)) if size else 1100, int(size.group(2)) if size else 720)


def window_origin(title='Sihua'):
    return window_geometry(title)[:2]


def mouse_click(node, title='Sihua'):
    """A real pointer click in the middle of @node, in the window @title."""
    x, y, width, height = node.extents
    ox, oy = window_origin(title)
    subprocess.run(['xdotool', 'mousemove', '--sync', str(ox + x + width // 2),
                    str(oy + y + height // 2), 'click', '1'], check=True)
    time.sleep(0.4)


def click(node):
    node.doActionNamed('click')


def activate(node, title='Sihua'):
    """Clicks a button; a check box (no action in GTK 4.8) gets a real
    pointer click in its middle."""
    actions = list(node.actions.keys())
    for name in ('click', 'toggle', 'activate', 'press'):
        if name in actions:
            node.doActionNamed(name)
            return True
    mouse_click(node, title)
    return True


# The accessibility tree.

def on_screen(node):
    try:
        x, y, width, height = node.extents
    except Exception:
        return False
    return width > 0 and height > 0


def search(root, predicate, first=False):
    """Depth-first, skipping what is not on screen (hidden stack pages,
    closed popovers): much faster than dogtail's findChildren on big pages."""
    found = []

    def walk(node):
        try:
            children = node.children
        except Exception:
            return False
        for child in children:
            # Stack pages are not widgets and have no size of their own.
            if child.name != 'GtkStackPage' and not on_screen(child):
                continue
            if predicate(child):
                found.append(child)
                if first:
                    return True
            if walk(child):
                return True
        return False

    walk(root)
    return found


def _named(role, contains):
    return lambda n: n.roleName == role and contains in (n.name or '')


def find_all(root, role, contains):
    return search(root, _named(role, contains))


def find_one(root, role, contains):
    found = search(root, _named(role, contains), first=True)
    return found[0] if found else None


def clickable(root, role, contains):
    """The node that takes the click (a menu button's inner button)."""
    named = _named(role, contains)
    found = search(root, lambda n: named(n) and 'click' in n.actions.keys(), first=True)
    return found[0] if found else None


def is_chosen(node):
    """A toggle button pressed, a check box or radio checked."""
    states = node.getState()
    return states.contains(pyatspi.STATE_PRESSED) or states.contains(pyatspi.STATE_CHECKED)


def window(app, title):
    for child in app.children:
        if child.name == title:
            return child
    return None


def own_application(pid):
    """The application with our pid, not one left over from before."""
    for app in tree.root.applications():
        try:
            if app.get_process_id() == pid:
                return app
        except Exception:
            pass
    return None


def has_focus_within(node):
    """Whether keyboard focus is on @node or one of its descendants."""
    if node is None:
        return False
    return bool(node.focused or search(node, lambda n: n.focused, first=True))


def _chooser(app, title, skip_role=None):
    """GTK's own file chooser (no portal here) named @title; a window of role
    @skip_role with the same title is not the chooser."""
    found = wait_for(lambda: [w for w in app.children
                              if w.name == title and w.roleName != skip_role])
    return found[0] if found else None


def _settle(chooser):
    """Keys go to whatever has focus: wait until the chooser has it, and has
    read its folder."""
    wait_for(lambda: has_focus_within(chooser), 10)
    time.sleep(1.0)


def accept_chooser(app, title, skip_role=None):
    """Saves under the name and in the folder the chooser @title offers.
    Return is pressed again where the chooser is still open after it."""
    chooser = _chooser(app, title, skip_role)
    if chooser is None:
        return False
    _settle(chooser)
    for _ in range(3):
        keys('Return')
        if wait_for(lambda: not [w for w in app.children
                                 if w.name == title and w.roleName != skip_role], 10):
            break
    return True


def open_in_chooser(app, title, path):
    """Types @path into the file chooser named @title and opens it."""
    chooser = _chooser(app, title)
    if chooser is None:
        return False
    _settle(chooser)
    keys('ctrl+l')
    type_text(path)
    keys('Return')
    return True


# The application and its command line.

def app_env(home, build=None, **overrides):
    """The app's environment: English, cairo, settings and files of its own
    under @home; with @build, the schemas, catalogues and locales of that
    build folder (meson test sets them for the tests)."""
    env = dict(os.environ, LC_ALL='en_US.UTF-8', LANGUAGE='', GSK_RENDERER='cairo',
               GSETTINGS_BACKEND='keyfile',
               XDG_CONFIG_HOME=os.path.join(home, 'config'),
               XDG_DATA_HOME=os.path.join(home, 'data'),
               XDG_CACHE_HOME=os.path.join(home, 'cache'),
               HOME=home)
    env.pop('NO_AT_BRIDGE', None)
    if build is not None:
        env.update(GSETTINGS_SCHEMA_DIR=os.path.join(build, 'data'),
                   SIHUA_LOCALEDIR=os.path.join(build, 'po'),
                   LOCPATH=os.path.join(build, 'tests', 'locales'))
    env.update(overrides)
    return env


def write_settings(home, values):
    """The app's settings in the keyfile backend under @home: strings
    quoted, numbers as they are."""
    folder = os.path.join(home, 'config', 'glib-2.0', 'settings')
    os.makedirs(folder, exist_ok=True)
    # The first start's dialog (consultant and firm) only where a test asks
    # for it: elsewhere it would sit in front of the window being driven.
    values = dict({'welcome-done': True}, **values)
    lines = ['[%s]' % SETTINGS_PATH]
    lines += ["%s='%s'" % (key, value) if isinstance(value, str)
              else '%s=%s' % (key, str(value).lower() if isinstance(value, bool) else value)
              for key, value in values.items()]
    with open(os.path.join(folder, 'keyfile'), 'w') as f:
        f.write('\n'.join(lines) + '\n')


running = []


class App:
    """The real app on @db, with its settings and files under @home; its
    output goes to a log per start, shown when a test breaks."""

    def __init__(self, db, home, env=None):
        self.env = env if env is not None else app_env(home)
        self.db = db
        self.home = home
        self.proc = None
        self.node = None
        self.log = None
        self.starts = 0
        running.append(self)

    def start(self, timeout=30):
        """Starts it; its node in the accessibility tree, or None."""
        if not os.path.exists(os.path.join(self.home, 'config', 'glib-2.0', 'settings', 'keyfile')):
            write_settings(self.home, {})
        self.starts += 1
        self.log = os.path.join(self.home, 'app-%d.log' % self.starts)
        with open(self.log, 'w') as log:
            self.proc = subprocess.Popen([APP, '--db', self.db], env=self.env,
                                         stdout=log, stderr=subprocess.STDOUT)
        pid = self.proc.pid
        self.node = wait_for(lambda: own_application(pid), timeout)
        return self.node

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        if not self.alive():
            return
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def stop_all():
    for started in running:
        started.stop()
    running.clear()


def report_failure(error):
    """Notes @error and the end of every app's log. Returns whether the
    accessibility bus lost an app whose process was still alive: the test
    lost its handle, the app did not fail."""
    lost = 'no longer exists' in str(error) and any(s.alive() for s in running)
    note('%s: %s\n%s' % (type(error).__name__, error, traceback.format_exc()))
    for started in running:
        if started.proc is None:
            continue
        note('the app exited with %s' % started.proc.poll())
        try:
            with open(started.log, errors='replace') as log:
                lines = [line for line in log.read().splitlines()
                         if 'Screen coordinates' not in line and line.strip()]
        except OSError:
            continue
        if lines:
            note('\n'.join(lines[-15:]))
    return lost


def _attempt(run, prefix):
    """Runs @run in a fresh folder; whether the bus lost the running app."""
    lost = False
    tmp = tempfile.mkdtemp(prefix=prefix)
    try:
        run(tmp)
    except Exception as error:  # report, then fail the remaining points
        lost = report_failure(error)
    finally:
        stop_all()
        shutil.rmtree(tmp, ignore_errors=True)
    return lost


def run_test(count, run, prefix, needs=('SIHUA_CLI', 'SIHUA_APP'), attempts=1):
    """The whole of a GUI test: skips without the variables @needs, then
    calls @run(folder) for its @count points. With @attempts > 1 it starts
    over, with every check run again, where the accessibility registry lost
    the app while it was still running (the test lost its handle, the app did
    not fail); only the points of the last attempt are printed. Returns the
    exit status."""
    missing = [name for name in needs if not os.environ.get(name)]
    if missing:
        print('1..0 # SKIP needs %s' % _and_list(missing))
        return 0

    plan(count, hold=attempts > 1)
    for attempt in range(1, attempts + 1):
        start_over()
        if not _attempt(run, prefix) or attempt == attempts:
            break
        print('# the accessibility bus lost the running app; starting over', flush=True)

    return finish(count)


def cli(db, *args, check=True, as_json=True, env=None):
    """sihua-cli on @db; raises with its message where it fails and @check."""
    command = [CLI, '--db', db] + (['--json'] if as_json else []) + list(args)
    result = subprocess.run(command, capture_output=True, text=True,
                            env=env if env is not None else CLI_ENV)
    if check and result.returncode != 0:
        raise RuntimeError('sihua-cli %s: %s' % (' '.join(args), result.stderr))
    return result


def stored_levels(db, assessment):
    """Question id → the level stored for it."""
    answers = json.loads(cli(db, 'assessment', 'show', str(assessment)).stdout)['answers']
    levels = {}
    for question, answer in answers.items():
        value = answer.get('value') if isinstance(answer, dict) else answer
        if isinstance(value, dict):
            value = value.get('level', value)
        levels[question] = value
    return levels
