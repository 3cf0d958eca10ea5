#!/usr/bin/env python3
"""Job queue under concurrency: workers dequeue with FOR UPDATE SKIP LOCKED while producers
enqueue. Every job must be processed exactly once: none twice (a unique key on the processed
table would raise 23505), none lost.

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
    admin.query("CREATE INDEX jobs_status ON jobs (status, id)")
    admin.query("CREATE TABLE processed (job_id int PRIMARY KEY, worker int)")
    # Half the jobs exist up front; producers add the rest while workers run.
    upfront = args.jobs // 2
    for start in range(1, upfront + 1, 1000):
        end = min(start + 999, upfront)
        admin.query("INSERT INTO jobs SELECT g, 'pending' FROM generate_series(%d, %d) g" % (start, end))
    produced_done = threading.Event()
    errors = []

    def producer(k):
        try:
            conn = server.connect()
            ids = list(range(upfront + 1 + k, args.jobs + 1, args.producers))
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

    t0 = time.time()
    producers = [threading.Thread(target=producer, args=(k,)) for k in range(args.producers)]
    workers = [threading.Thread(target=worker, args=(w,)) for w in range(args.workers)]
    for t in producers + workers:
        t.start()
    for t in producers:
        t.join()
    produced_done.set()
    for t in workers:
        t.join()
    elapsed = time.time() - t0
    processed = int(admin.query("SELECT count(*) FROM processed")[0][0][0])
    done = int(admin.query("SELECT count(*) FROM jobs WHERE status = 'done'")[0][0][0])
    pending = int(admin.query("SELECT count(*) FROM jobs WHERE status <> 'done'")[0][0][0])
    per_worker = admin.query("SELECT count(DISTINCT worker) FROM processed")[0][0][0]
    admin.close()
    server.stop()
    ok = not errors and processed == args.jobs and done == args.jobs and pending == 0
    print("queue: %d jobs, %d workers, %d producers: processed %d, done %d, left %d, %s workers took jobs, %.1f s (%.0f jobs/s)"
          % (args.jobs, args.workers, args.producers, processed, done, pending, per_worker, elapsed, args.jobs / elapsed))
    for e in errors[:5]:
        print("  " + e)
    print("queue: %d passed, %d failed" % (1 if ok else 0, 0 if ok else 1))


if __name__ == "__main__":
    main()
