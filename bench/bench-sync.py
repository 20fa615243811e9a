#!/usr/bin/python3
# Syncing with a firm's PostgreSQL, on a throw-away cluster this script
# starts (as `nobody` when run as root, on a Unix socket in a temporary
# folder, no TCP) and removes after: the first sync of 1 000 assessments,
# pulling them onto a new laptop, an incremental sync of one changed answer,
# and 20 laptops syncing at once, counting the answers that arrive. Prints
# table rows for bench/run-all; asserts nothing.
#
#   bench/bench-sync.py BUILD_DIR

import glob
import os
import pwd
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

LAPTOPS = 20


def pg_bin():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        sys.exit("PostgreSQL's server programs are not installed (apt install postgresql)")
    return os.path.dirname(found[-1])


class Cluster:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="sihua-pg-")
        self.as_user = []
        if os.geteuid() == 0:
            nobody = pwd.getpwnam("nobody")
            os.chown(self.dir, nobody.pw_uid, nobody.pw_gid)
            self.as_user = ["runuser", "-u", "nobody", "--"]
        self.bin = pg_bin()
        data = os.path.join(self.dir, "data")
        self.run("initdb", "-D", data, "-A", "trust", "-U", "sihua", "-E", "UTF8")
        with open(os.path.join(data, "pg_hba.conf"), "w") as hba:
            hba.write("local all sihua trust\nlocal all all scram-sha-256\n")
        self.run("pg_ctl", "-D", data, "-o", f"-k {self.dir} -c listen_addresses='' -c max_connections=60",
                 "-l", os.path.join(self.dir, "log"), "-w", "start")

    def run(self, program, *args):
        subprocess.run(self.as_user + [os.path.join(self.bin, program), *args], cwd=self.dir,
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def url(self, user="sihua"):
        return f"host={self.dir} user={user} dbname=postgres"

    def stop(self):
        self.run("pg_ctl", "-D", os.path.join(self.dir, "data"), "-m", "fast", "-w", "stop")
        shutil.rmtree(self.dir)


def cli(build, db, *args, env=None):
    argv = [os.path.join(build, "src", "cli", "sihua-cli")] + (["--db", db] if db else []) + list(args)
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=env)


def timed(fn):
    start = time.monotonic()
    fn()
    return (time.monotonic() - start) * 1000.0


def count(db, sql):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchone()[0]


def row(what, ms, spread=""):
    print(f"| {what} | {ms / 1000.0:.2f} s | {spread} | | | |")


def main():
    build = os.path.abspath(sys.argv[1])
    generate = os.path.join(build, "bench", "bench-generate")
    work = tempfile.mkdtemp(prefix="sihua-bench-sync-")
    cluster = Cluster()
    env = dict(os.environ, PGPASSWORD="bench-pw")
    try:
        cli(build, None, "server", "init", "--url", cluster.url())
        cli(build, None, "server", "add-consultant", "bench", "--url", cluster.url(), "--team", "firm",
            "--password", "bench-pw")
        # The 20 laptops are another team: each pulls the others' work, not
        # the 1 000 assessments above.
        cli(build, None, "server", "add-consultant", "crowd", "--url", cluster.url(), "--team", "crowd",
            "--password", "bench-pw")
        url = cluster.url("bench")
        crowd_url = cluster.url("crowd")

        big = os.path.join(work, "big.db")
        subprocess.run([generate, "--companies", "100", "--assessments", "1000", "--answers", "30",
                        "--seed", "7", "-o", big], check=True, stdout=subprocess.DEVNULL)
        row("First sync of 1 000 assessments (30 000 answers) to the server",
            timed(lambda: cli(build, big, "sync", "--url", url, env=env)))
        fresh = os.path.join(work, "fresh.db")
        row("Pulling them onto a new laptop",
            timed(lambda: cli(build, fresh, "sync", "--url", url, env=env)))

        times = []
        for i in range(5):
            cli(build, big, "assessment", "answer", "1", "profile.employees", str(100 + i), env=env)
            times.append(timed(lambda: cli(build, big, "sync", env=env)))
        row("Incremental sync of one changed answer (1 000 assessments here)", statistics.median(times),
            f"{min(times) / 1000.0:.2f}–{max(times) / 1000.0:.2f} s")

        laptops = []
        for i in range(LAPTOPS):
            db = os.path.join(work, f"laptop{i}.db")
            subprocess.run([generate, "--companies", "2", "--assessments", "10", "--answers", "30",
                            "--seed", str(100 + i), "-o", db], check=True, stdout=subprocess.DEVNULL)
            laptops.append(db)
        expected = sum(count(db, "SELECT count (*) FROM answers") for db in laptops)

        def all_at_once():
            procs = [subprocess.Popen([os.path.join(build, "src", "cli", "sihua-cli"), "--db", db,
                                       "sync", "--url", crowd_url], env=env, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.PIPE) for db in laptops]
            for proc in procs:
                _, err = proc.communicate()
                if proc.returncode != 0:
                    sys.stderr.write(err.decode(errors="replace"))
        ms = timed(all_at_once)
        # Everyone syncs once more (to pull the others'), then a new laptop
        # pulls everything: every answer of every laptop must be there.
        for db in laptops:
            cli(build, db, "sync", env=env)
        check = os.path.join(work, "check.db")
        cli(build, check, "sync", "--url", crowd_url, env=env)
        arrived = count(check, "SELECT count (*) FROM answers")
        lost = expected - arrived
        row(f"{LAPTOPS} laptops syncing at once ({expected} answers; {lost} lost)", ms)
    finally:
        cluster.stop()
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
