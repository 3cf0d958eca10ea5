#!/usr/bin/env python3
"""Crash and restart under load: pgbench's TPC-B runs with 8 clients while the server process
(the child `tusk serve` runs under its supervisor) dies of SIGSEGV, SIGABRT or SIGKILL, as it
would in a crash or at the hands of the kernel's OOM killer. Each round checks that:

- the supervisor survives, logs the signal (and, for SIGSEGV and SIGABRT, the crashed thread's
  stack with Tusk's function names) and starts a new server process on the same port;
- recovery brings back every transaction pgbench saw committed, and TPC-B's invariants hold:
  sum(accounts.abalance) = sum(history.delta) = sum(tellers.tbalance) = sum(branches.bbalance);
- at the end, SIGTERM to the supervisor stops both processes;
- `tusk serve --no-supervisor` serves from the one process it started, with no child.

    supervisor_crash_loop.py TUSK_BINARY [--rounds N] [--clients N] [--scale N]

Prints one line per round with the time from the crash to the first answered query, and
"supervisor: N passed, M failed" (one case per round, one for the shutdown).
"""
import argparse
import glob
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import tempfile
import time

from common import PGBENCH, free_port, pgbench_committed, pgwire, server_process, start_server, tpcb_state

SIGNALS = [signal.SIGSEGV, signal.SIGABRT, signal.SIGKILL]


def wait_for_answer(port, limit=60.0):
    """Seconds until a new connection's query is answered."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        try:
            c = pgwire.Connection(port=port, timeout=limit)
            c.query("SELECT 1")
            c.close()
            return time.monotonic() - start
        except (OSError, ConnectionError, pgwire.PgError):
            time.sleep(0.005)
    raise RuntimeError("the server did not come back within %.0f s" % limit)


def serves_unsupervised(tusk, data):
    """`tusk serve --no-supervisor` answers queries from the process it started, with no child."""
    port = free_port()
    proc = start_server(tusk, data, port, ["--no-supervisor"])
    try:
        wait_for_answer(port)
        children = subprocess.run(["ps", "-o", "pid=", "--ppid", str(proc.pid)], capture_output=True, text=True).stdout.split()
        return proc.poll() is None and not children
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tusk")
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--scale", type=int, default=1)
    args = ap.parse_args()
    data = tempfile.mkdtemp(prefix="tusk-supervisor-")
    logdir = tempfile.mkdtemp(prefix="tusk-supervisor-logs-")
    server_log_path = os.path.join(logdir, "server.log")
    server_log = open(server_log_path, "w")
    port = free_port()
    env = dict(os.environ, PGHOST="127.0.0.1", PGPORT=str(port), PGUSER="postgres", PGDATABASE="postgres")
    proc = start_server(args.tusk, data, port, log=server_log)
    subprocess.run([PGBENCH, "-i", "-n", "-q", "-s", str(args.scale)], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    committed_total, passed, failed = 0, 0, 0
    restart_times = []
    rng = random.Random(11)
    try:
        for rnd in range(1, args.rounds + 1):
            sig = SIGNALS[(rnd - 1) % len(SIGNALS)]
            prefix = os.path.join(logdir, "r%d" % rnd)
            bench = subprocess.Popen([PGBENCH, "-n", "-c", str(args.clients), "-j", "2", "-T", "60", "-l",
                                      "--log-prefix=" + prefix],
                                     env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.5, 1.5))
            victim = server_process(proc.pid)
            log_before = os.path.getsize(server_log_path)
            os.kill(victim, sig)
            took = wait_for_answer(port)
            bench.wait()
            committed = pgbench_committed(glob.glob(prefix + "*"))
            committed_total += committed
            sums, history = tpcb_state(port)
            with open(server_log_path) as f:
                f.seek(log_before)
                log = f.read()
            problems = []
            if len(set(sums)) != 1:
                problems.append("sums differ %s" % sums)
            if history < committed_total:
                problems.append("history %d < %d committed" % (history, committed_total))
            if proc.poll() is not None:
                problems.append("the supervisor exited")
            # A sanitizer build (make asan) reports the signal itself, with its own stack, and
            # then aborts: its server process dies of SIGABRT.
            sanitizer = "Sanitizer" in log
            died_of = r"\(pid %d\) was terminated by signal %s" % (victim, r"\d+" if sanitizer else str(int(sig)))
            if not re.search(died_of, log):
                problems.append("no log line for the signal")
            stack = r"#\d+ +0x[0-9a-f]+ in " if sanitizer else r"#\d+ +tusk::\S.*\(tusk\+0x"
            if sig != signal.SIGKILL and not re.search(stack, log):
                problems.append("no stack with Tusk's functions in the log")
            if server_process(proc.pid) == victim:
                problems.append("the same server process")
            restart_times.append(took)
            ok = not problems
            passed += ok
            failed += not ok
            print("round %d: %-7s %5d committed (%6d in all), history %6d, answering again after %.2f s: %s"
                  % (rnd, sig.name, committed, committed_total, history, took, "ok" if ok else "; ".join(problems)))
        child = server_process(proc.pid)
        proc.terminate()
        code = proc.wait(timeout=30)
        time.sleep(0.1)
        child_gone = not os.path.exists("/proc/%d" % child) or open("/proc/%d/stat" % child).read().split()[2] == "Z"
        ok = code == 0 and child_gone
        passed += ok
        failed += not ok
        print("shutdown: supervisor exit code %d, server process %s: %s" % (code, "gone" if child_gone else "still running",
                                                                            "ok" if ok else "FAIL"))
        ok = serves_unsupervised(args.tusk, data)
        passed += ok
        failed += not ok
        print("--no-supervisor: one process, answering: %s" % ("ok" if ok else "FAIL"))
    finally:
        if proc.poll() is None:
            proc.kill()
        server_log.close()
        if failed:
            print("--- server log ---")
            print(open(server_log_path).read()[-6000:])
        shutil.rmtree(data, ignore_errors=True)
        shutil.rmtree(logdir, ignore_errors=True)
    if restart_times:
        print("restart after a crash: min %.2f s, median %.2f s, max %.2f s over %d crashes"
              % (min(restart_times), statistics.median(restart_times), max(restart_times), len(restart_times)))
    print("supervisor: %d passed, %d failed" % (passed, failed))


if __name__ == "__main__":
    main()
