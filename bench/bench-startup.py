#!/usr/bin/python3
# Start-up to a visible main window under the current X display, for Sihua
# (empty and large database) and, as the peer, GNOME Text Editor started the
# same way. Prints table rows for bench/run-all; asserts nothing.
#
# The window is detected the same way for both programs: xdotool polls for a
# visible window of the started process every 10 ms.

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time

RUNS = 7


def time_to_window(argv, env):
    start = time.monotonic()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while True:
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(proc.pid)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if found.returncode == 0:
                return (time.monotonic() - start) * 1000.0
            if proc.poll() is not None:
                raise RuntimeError(f"{argv[0]} exited with {proc.returncode} before showing a window: "
                                   + proc.stderr.read().decode(errors="replace")[-300:])
            if time.monotonic() - start > 30:
                raise RuntimeError(f"{argv[0]} showed no window in 30 s")
            time.sleep(0.01)
    finally:
        proc.kill()
        proc.wait()


def time_to_list(argv, env):
    """Until the window has listed the companies (it says so on its debug log)."""
    env = dict(env, G_MESSAGES_DEBUG="sihua-window")
    start = time.monotonic()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    # A program that hangs silently ends the read loop by being killed.
    deadline = threading.Timer(30, proc.kill)
    deadline.start()
    try:
        for line in proc.stdout:
            if b"Companies listed" in line:
                return (time.monotonic() - start) * 1000.0
        raise RuntimeError(f"{argv[0]} did not list the companies in 30 s")
    finally:
        deadline.cancel()
        proc.kill()
        proc.wait()


def measure(argv, env, how=time_to_window):
    how(argv, env)  # warm-up: caches, fontconfig
    samples = sorted(how(argv, env) for _ in range(RUNS))
    return statistics.median(samples), samples[0], samples[-1]


def row(what, ours, peer_name=None, peer=None):
    median, low, high = ours
    cells = [what, f"{median:.0f} ms", f"{low:.0f}–{high:.0f} ms"]
    if peer is not None:
        cells += [peer_name, f"{peer[0]:.0f} ms", f"{median / peer[0]:.2f}×"]
    else:
        cells += ["", "", ""]
    print("| " + " | ".join(cells) + " |", flush=True)


def main():
    build = sys.argv[1]
    large_db = sys.argv[2] if len(sys.argv) > 2 else None
    app = os.path.join(build, "src", "gui", "sihua")
    env = dict(os.environ,
               GSETTINGS_SCHEMA_DIR=os.path.join(build, "data"),
               GSETTINGS_BACKEND="memory")

    with tempfile.TemporaryDirectory() as tmp:
        env_peer = dict(env, XDG_CONFIG_HOME=tmp, XDG_DATA_HOME=tmp, XDG_STATE_HOME=tmp)
        text = os.path.join(tmp, "notes.txt")
        with open(text, "w") as f:
            f.write("四化 — start-up benchmark\n" * 200)

        peer = None
        if subprocess.run(["which", "gnome-text-editor"], stdout=subprocess.DEVNULL).returncode == 0:
            peer = measure(["gnome-text-editor", "--standalone", text], env_peer)

        empty_db = os.path.join(tmp, "empty.db")
        row("Start-up to window, empty database", measure([app, "--db", empty_db], env),
            "GNOME Text Editor", peer)
        if large_db:
            row("Start-up to window, 5 000 companies / 50 000 assessments",
                measure([app, "--db", large_db], env), "GNOME Text Editor", peer)
            # The window opens the database in the background; this is when
            # the consultant can pick a company.
            row("Start-up to companies listed, 5 000 companies / 50 000 assessments",
                measure([app, "--db", large_db], env, time_to_list), "GNOME Text Editor", peer)


if __name__ == "__main__":
    main()
