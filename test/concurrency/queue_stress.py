#!/usr/bin/env python3
"""Job queue under concurrency: workers dequeue with FOR UPDATE SKIP LOCKED while producers
enqueue. Every job must be processed exactly once: none twice (a unique key on the processed
table would raise 23505), none lost.

The pending jobs are found through a partial index whose head loses an entry per job taken,
and producers add jobs with smaller ids than any queued so far: each lands below the deleted
head, where scans are allowed to skip (storage/head_hints.hpp) only while no key can appear.

    queue_stress.py TUSK_BINARY [--jobs N] [--workers N] [--producers N]

Prints "queue: N passed, M failed" (one case).
"""
import argparse
import threading
import time

from common import Server, pgwire


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tusk")
    ap.add_argument("--jobs", type=int, default=20000)
    ap.add_argument("--workers", type=int, default=16)
    ap.add_argument("--producers", type=int, default=2)
    ap.add_argument("--port", type=int, help="use a running server instead of starting one")
    args = ap.parse_args()
    server = Server(args.tusk, args.port)
    admin = server.connect()
    admin.query("DROP TABLE IF EXISTS processed")
    admin.query("DROP TABLE IF EXISTS jobs")
    admin.query("CREATE TABLE jobs (id int PRIMARY KEY, status text NOT NULL)")
    admin.query("CREATE INDEX jobs_pending ON jobs (id) WHERE status = 'pending'")
    admin.query("CREATE TABLE processed (job_id int PRIMARY KEY, worker int)")
    # Half the jobs exist up front (the higher ids); producers add the rest while workers run,
    # from the highest id down.
    below = args.jobs - args.jobs // 2
    for start in range(below + 1, args.jobs + 1, 1000):
        end = min(start + 999, args.jobs)
        admin.query("INSERT INTO jobs SELECT g, 'pending' FROM generate_series(%d, %d) g" % (start, end))
    produced_done = threading.Event()
    errors = []

    def producer(k):
        try:
            conn = server.connect()
            ids = list(range(below - k, 0, -args.producers))
            for i in range(0, len(ids), 50):
                batch = ids[i:i + 50]
                conn.query("INSERT INTO jobs VALUES " + ", ".join("(%d, 'pending')" % j for j in batch))
            conn.close()
        except Exception as e:  # noqa: BLE001
            errors.append("producer %d: %s" % (k, e))

    def worker(w):
        try:
            conn = server.connect()
            idle = 0
            while True:
                conn.query("BEGIN")
                rows, _ = conn.query("SELECT id FROM jobs WHERE status = 'pending' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED")
                if not rows:
                    conn.query("COMMIT")
                    if produced_done.is_set():
                        idle += 1
                        if idle > 3:
                            return
                    time.sleep(0.005)
                    continue
                idle = 0
                job = int(rows[0][0])
                conn.query("UPDATE jobs SET status = 'done' WHERE id = %d" % job)
                conn.query("INSERT INTO processed VALUES (%d, %d)" % (job, w))
                conn.query("COMMIT")
        except Exception as e:  # noqa: BLE001
            errors.append("worker %d: %s" % (w, e))

    workers_done = threading.Event()
    checks = [0]

    def checker():
        # In one snapshot, the first pending job found through the index must be the one a
        # sequential scan finds (the predicate "status || ''" cannot use the partial index).
        try:
            conn = server.connect()
            while not workers_done.is_set():
                conn.query("BEGIN ISOLATION LEVEL REPEATABLE READ")
                by_index = conn.query("SELECT id FROM jobs WHERE status = 'pending' ORDER BY id LIMIT 1")[0]
                by_scan = conn.query("SELECT min(id) FROM jobs WHERE status || '' = 'pending'")[0]
                conn.query("COMMIT")
                want = by_scan[0][0]
                got = by_index[0][0] if by_index else None
                if got != want:
                    errors.append("checker: first pending job %s through the index, %s by a scan" % (got, want))
                    return
                checks[0] += 1
            conn.close()
        except Exception as e:  # noqa: BLE001
            errors.append("checker: %s" % e)

    t0 = time.time()
    producers = [threading.Thread(target=producer, args=(k,)) for k in range(args.producers)]
    workers = [threading.Thread(target=worker, args=(w,)) for w in range(args.workers)]
    check = threading.Thread(target=checker)
    for t in producers + workers + [check]:
        t.start()
    for t in producers:
        t.join()
    produced_done.set()
    for t in workers:
        t.join()
    workers_done.set()
    check.join()
    elapsed = time.time() - t0
    processed = int(admin.query("SELECT count(*) FROM processed")[0][0][0])
    done = int(admin.query("SELECT count(*) FROM jobs WHERE status = 'done'")[0][0][0])
    pending = int(admin.query("SELECT count(*) FROM jobs WHERE status <> 'done'")[0][0][0])
    per_worker = admin.query("SELECT count(DISTINCT worker) FROM processed")[0][0][0]
    admin.close()
    server.stop()
    ok = not errors and processed == args.jobs and done == args.jobs and pending == 0
    print("queue: %d jobs, %d workers, %d producers: processed %d, done %d, left %d, %s workers took jobs, %.1f s (%.0f jobs/s), %d head checks"
          % (args.jobs, args.workers, args.producers, processed, done, pending, per_worker, elapsed, args.jobs / elapsed, checks[0]))
    for e in errors[:5]:
        print("  " + e)
    print("queue: %d passed, %d failed" % (1 if ok else 0, 0 if ok else 1))


if __name__ == "__main__":
    main()
