#!/usr/bin/env python3
"""Crash loop under concurrent load: pgbench's TPC-B runs with 8 clients while the server is
killed with SIGKILL; after each restart PostgreSQL's TPC-B invariants must hold and every
transaction pgbench saw committed must be there.

Invariants: sum(accounts.abalance) = sum(history.delta) = sum(tellers.tbalance)
= sum(branches.bbalance), and history has at least as many rows as pgbench logged committed
transactions (each TPC-B transaction inserts one history row; a commit whose acknowledgement
was lost in the crash may add more).

    pgbench_crash_loop.py TUSK_BINARY [--rounds N] [--clients N]

Prints "pgbench crash loop: N passed, M failed" (one case per round).
"""
import argparse
import glob
import os
import random
import shutil
import signal
import subprocess
import tempfile
import time

from common import PGBENCH, free_port, pgbench_committed, start_server, tpcb_state


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tusk")
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--clients", type=int, default=8)
    args = ap.parse_args()
    data = tempfile.mkdtemp(prefix="tusk-pgbench-crash-")
    logdir = tempfile.mkdtemp(prefix="tusk-pgbench-logs-")
    port = free_port()
    env = dict(os.environ, PGHOST="127.0.0.1", PGPORT=str(port), PGUSER="postgres", PGDATABASE="postgres")
    proc = start_server(args.tusk, data, port)
    subprocess.run([PGBENCH, "-i", "-n", "-q", "-s", "1"], env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    committed_total, passed, failed = 0, 0, 0
    rng = random.Random(7)
    for rnd in range(1, args.rounds + 1):
        prefix = os.path.join(logdir, "r%d" % rnd)
        bench = subprocess.Popen([PGBENCH, "-n", "-c", str(args.clients), "-j", "2", "-T", "60", "-l", "--log-prefix=" + prefix],
                                 env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 2.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        bench.wait()
        committed = pgbench_committed(glob.glob(prefix + "*"))
        committed_total += committed
        proc = start_server(args.tusk, data, port)
        sums, history = tpcb_state(port)
        ok = len(set(sums)) == 1 and history >= committed_total
        passed += ok
        failed += not ok
        print("round %2d: %5d committed (%6d in all), history %6d, sums %s %s"
              % (rnd, committed, committed_total, history, sums, "ok" if ok else "BROKEN"))
    proc.terminate()
    proc.wait()
    shutil.rmtree(data)
    shutil.rmtree(logdir)
    print("pgbench crash loop: %d passed, %d failed" % (passed, failed))


if __name__ == "__main__":
    main()
