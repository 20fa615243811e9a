#!/usr/bin/python3
# Peak resident memory (max RSS) of Sihua with an assessment of the large
# database open on the answering page, beside GNOME Text Editor with a
# 20 000-line file open. Both are measured by the kernel's rusage of the
# finished process. Prints table rows for bench/run-all; asserts nothing.

import os
import signal
import subprocess
import sys
import tempfile
import time

RUNS = 3


def max_rss_mib(proc):
    _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss / 1024.0


def sihua_rss(app, db, env, tmp):
    shot = os.path.join(tmp, "shot.png")
    # --screenshot opens the first company's latest assessment, draws it,
    # saves the frame and quits: the whole life of an answering session.
    proc = subprocess.Popen([app, "--db", db, "--screenshot", shot, "--screenshot-page", "assessment"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return max_rss_mib(proc)


def editor_rss(path, env):
    proc = subprocess.Popen(["gnome-text-editor", "--standalone", path], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    start = time.monotonic()
    while subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(proc.pid)],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0:
        if time.monotonic() - start > 30:
            break
        time.sleep(0.01)
    time.sleep(1.0)  # let it highlight and draw the file
    proc.terminate()
    return max_rss_mib(proc)


def main():
    # An inherited "ignore SIGCHLD" would let the kernel reap the programs
    # before their rusage can be read.
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    build = sys.argv[1]
    if len(sys.argv) < 3:
        return
    large_db = sys.argv[2]
    app = os.path.join(build, "src", "gui", "sihua")
    env = dict(os.environ, GSETTINGS_SCHEMA_DIR=os.path.join(build, "data"),
               GSETTINGS_BACKEND="memory")

    with tempfile.TemporaryDirectory() as tmp:
        text = os.path.join(tmp, "notes.txt")
        with open(text, "w") as f:
            for i in range(20000):
                f.write(f"{i:05d} 四化 digital transformation notes, line by line\n")
        env_peer = dict(env, XDG_CONFIG_HOME=tmp, XDG_DATA_HOME=tmp, XDG_STATE_HOME=tmp)

        ours = sorted(sihua_rss(app, large_db, env, tmp) for _ in range(RUNS))
        peer = None
        if subprocess.run(["which", "gnome-text-editor"], stdout=subprocess.DEVNULL).returncode == 0:
            peer = sorted(editor_rss(text, env_peer) for _ in range(RUNS))

    cells = ["Peak memory (max RSS), assessment open on the answering page, large database",
             f"{ours[RUNS // 2]:.0f} MiB", f"{ours[0]:.0f}–{ours[-1]:.0f} MiB"]
    if peer:
        cells += ["GNOME Text Editor, 20 000-line file", f"{peer[RUNS // 2]:.0f} MiB",
                  f"{ours[RUNS // 2] / peer[RUNS // 2]:.2f}×"]
    else:
        cells += ["", "", ""]
    print("| " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
