#!/usr/bin/env python3
"""Crash during partition DDL: one client inserts numbered rows through a range-partitioned
table while another detaches partitions and attaches them back (moving the rows the DEFAULT
partition took meanwhile into them, in the same transaction), and the server process is killed
with SIGKILL at a random moment. After each restart:

- every row whose INSERT was acknowledged is there exactly once (in the partitioned table or in
  a detached partition), and no row is there twice;
- each attached partition holds only rows inside its bound, and the DEFAULT partition none that
  an attached partition's bound holds;
- pg_inherits and pg_class.relispartition agree.

    partition_crash_loop.py TUSK_BINARY [--rounds N]

Prints one line per round and "partition crash: N passed, M failed".
"""
import argparse
import os
import random
import signal
import subprocess
import tempfile
import threading
import time

from common import AckedInserter, connect_retrying as connect, doubled_and_lost, free_port, pgwire, server_process, start_server

PARTS = 10  # ev_0 .. ev_9 hold days [10k, 10k + 10); days 100..119 go to the DEFAULT partition


class Mover(threading.Thread):
    """Detaches a partition, then attaches it back with the rows the DEFAULT partition took."""

    def __init__(self, port, stop, seed):
        super().__init__(daemon=True)
        self.port, self.stop, self.rng, self.done = port, stop, random.Random(seed), 0

    def run(self):
        c = None
        while not self.stop.is_set():
            k = self.rng.randrange(PARTS)
            lo, hi = 10 * k, 10 * k + 10
            try:
                c = c or connect(self.port)
                rows, _ = c.query("SELECT count(*) FROM pg_inherits WHERE inhrelid = 'ev_%d'::regclass" % k)
                if rows[0][0] == "1":
                    c.query("ALTER TABLE ev DETACH PARTITION ev_%d" % k)
                else:
                    # The lock keeps inserts out while the rows move (READ COMMITTED would
                    # otherwise let one land between the copy and the delete).
                    c.query("BEGIN; LOCK TABLE ev IN SHARE ROW EXCLUSIVE MODE; "
                            "INSERT INTO ev_%d SELECT * FROM ev_def WHERE day >= %d AND day < %d; "
                            "DELETE FROM ev_def WHERE day >= %d AND day < %d; "
                            "ALTER TABLE ev ATTACH PARTITION ev_%d FOR VALUES FROM (%d) TO (%d); COMMIT"
                            % (k, lo, hi, lo, hi, k, lo, hi))
                self.done += 1
                time.sleep(0.02)  # room for the writer between the moves
            except pgwire.PgError:
                try:
                    c.query("ROLLBACK")
                except Exception:
                    c = None
            except (OSError, ConnectionError, RuntimeError):
                c = None
                time.sleep(0.01)


def check(port, acked):
    c = connect(port)
    problems = []
    rows, _ = c.query("SELECT id FROM ev" + "".join(
        " UNION ALL SELECT id FROM ev_%d WHERE NOT EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = 'ev_%d'::regclass)" % (k, k)
        for k in range(PARTS)))
    problems, present = doubled_and_lost([r[0] for r in rows], acked)
    for k in range(PARTS):
        rows, _ = c.query("SELECT (SELECT count(*) FROM pg_inherits WHERE inhrelid = 'ev_%d'::regclass), "
                          "(SELECT relispartition FROM pg_class WHERE relname = 'ev_%d')" % (k, k))
        attached, relispartition = rows[0]
        if (attached == "1") != (relispartition == "t"):
            problems.append("ev_%d: pg_inherits and relispartition disagree" % k)
        if attached == "1":
            lo, hi = 10 * k, 10 * k + 10
            rows, _ = c.query("SELECT (SELECT count(*) FROM ev_%d WHERE day < %d OR day >= %d), "
                              "(SELECT count(*) FROM ev_def WHERE day >= %d AND day < %d)" % (k, lo, hi, lo, hi))
            if rows[0] != ("0", "0") and list(rows[0]) != ["0", "0"]:
                problems.append("ev_%d: rows outside their partition %s" % (k, rows[0]))
    c.close()
    return problems, present


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tusk")
    ap.add_argument("--rounds", type=int, default=4)
    args = ap.parse_args()
    data = tempfile.mkdtemp(prefix="tusk-partition-crash-")
    port = free_port()
    proc = start_server(args.tusk, data, port)
    c = connect(port)
    c.query("CREATE TABLE ev (id bigint NOT NULL, day int NOT NULL, PRIMARY KEY (id, day)) PARTITION BY RANGE (day)")
    for k in range(PARTS):
        c.query("CREATE TABLE ev_%d PARTITION OF ev FOR VALUES FROM (%d) TO (%d)" % (k, 10 * k, 10 * k + 10))
    c.query("CREATE TABLE ev_def PARTITION OF ev DEFAULT")
    c.close()
    rng = random.Random(5)
    acked = set()
    passed = failed = 0
    next_id = 1
    try:
        for rnd in range(1, args.rounds + 1):
            stop = threading.Event()
            day = random.Random(rnd)
            writer = AckedInserter(port, next_id, stop, lambda i: "INSERT INTO ev VALUES (%d, %d)" % (i, day.randrange(0, 120)))
            movers = [Mover(port, stop, rnd * 10 + m) for m in range(2)]
            writer.start()
            for m in movers:
                m.start()
            time.sleep(rng.uniform(1.0, 2.5))
            os.kill(server_process(proc.pid), signal.SIGKILL)
            time.sleep(0.3)
            stop.set()
            writer.join(60)
            for m in movers:
                m.join(60)
            next_id = writer.next_id + 1
            acked |= writer.acked
            problems, rows = check(port, acked)
            ok = not problems
            passed += ok
            failed += not ok
            print("round %d: %5d rows acknowledged in all, %5d present, %3d detach/attach done, %3d inserts refused (40001): %s"
                  % (rnd, len(acked), rows, sum(m.done for m in movers), writer.refused, "ok" if ok else "; ".join(problems)))
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        subprocess.run(["rm", "-rf", data])
    print("partition crash: %d passed, %d failed" % (passed, failed))


if __name__ == "__main__":
    main()
