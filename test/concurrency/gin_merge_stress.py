#!/usr/bin/env python3
"""GIN answers stay exact while writers change rows and VACUUM merges the index underneath.

A table has GIN indexes on a jsonb column (made before the rows: single-row keys, which scans
hand to the background merger) and an int[] column (built over the rows: posting-list chunks).
Writers then move rows between groups, delete rows and insert them again under the same key, add
new rows, and sometimes roll back; a vacuumer runs VACUUM on the table in a loop, which merges
the single-row GIN keys into chunks without locks (src/access/gin/gin_merge.hpp), as the
background merger does. Auditors, each in a REPEATABLE READ snapshot, count a group through the
index and through a scan that cannot use it: any lost, duplicated or stale entry shows as a
difference.

    gin_merge_stress.py TUSK_BINARY [--rows N] [--writers N] [--ops N]

Prints "gin merge: N passed, M failed" (one case).
"""
import argparse
import random
import threading
import time

from common import RETRYABLE, Server

GROUPS = 20


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tusk")
    ap.add_argument("--rows", type=int, default=12000, help="enough for the merger: 600 a group")
    ap.add_argument("--writers", type=int, default=6)
    ap.add_argument("--ops", type=int, default=300, help="per writer")
    ap.add_argument("--port", type=int, help="use a running server instead of starting one")
    args = ap.parse_args()
    server = Server(args.tusk, args.port)
    admin = server.connect()
    admin.query("DROP TABLE IF EXISTS gin_stress")
    admin.query("CREATE TABLE gin_stress (id int PRIMARY KEY, doc jsonb NOT NULL, tags int[] NOT NULL)")
    # The jsonb index exists before the rows, so its entries start as single-row keys that the
    # scans hand to the background merger; the array index is built over the rows (chunks).
    admin.query("CREATE INDEX gin_stress_doc ON gin_stress USING gin (doc jsonb_path_ops)")
    admin.query("INSERT INTO gin_stress SELECT g, jsonb_build_object('grp', g %% %d, 'v', g), ARRAY[g %% %d]"
                " FROM generate_series(1, %d) g" % (GROUPS, GROUPS, args.rows))
    admin.query("CREATE INDEX gin_stress_tags ON gin_stress USING gin (tags)")
    admin.query("ANALYZE gin_stress")
    errors, audits, vacuums, retries = [], [0], [0], [0]
    for q in ("SELECT count(*) FROM gin_stress WHERE doc @> '{\"grp\": 7}'",
              "SELECT count(*) FROM gin_stress WHERE tags @> '{7}'"):
        plan = "\n".join(r[0] for r in admin.query("EXPLAIN (COSTS OFF) " + q)[0])
        if "Bitmap Index Scan" not in plan:
            errors.append("the audit query does not use the index:\n" + plan)
    stop = threading.Event()
    next_id = [args.rows + 1]
    id_lock = threading.Lock()

    def writer(seed):
        rng = random.Random(seed)
        conn = server.connect()
        try:
            for _ in range(args.ops):
                op = rng.random()
                k = rng.randint(1, args.rows)
                g = rng.randrange(GROUPS)
                if op < 0.5:
                    stmts = ["UPDATE gin_stress SET doc = jsonb_set(doc, '{grp}', '%d'), tags = ARRAY[%d] WHERE id = %d"
                             % (g, g, k)]
                elif op < 0.75:
                    stmts = ["DELETE FROM gin_stress WHERE id = %d" % k,
                             "INSERT INTO gin_stress VALUES (%d, jsonb_build_object('grp', %d, 'v', %d), ARRAY[%d])"
                             " ON CONFLICT (id) DO NOTHING" % (k, g, k, g)]
                else:
                    with id_lock:
                        k = next_id[0]
                        next_id[0] += 1
                    stmts = ["INSERT INTO gin_stress VALUES (%d, jsonb_build_object('grp', %d, 'v', %d), ARRAY[%d])"
                             % (k, g, k, g)]
                rollback = rng.random() < 0.15
                while True:
                    try:
                        conn.query("BEGIN")
                        for s in stmts:
                            conn.query(s)
                        conn.query("ROLLBACK" if rollback else "COMMIT")
                        break
                    except Exception as e:  # noqa: BLE001
                        try:
                            conn.query("ROLLBACK")
                        except Exception:  # noqa: BLE001
                            pass
                        if getattr(e, "sqlstate", None) not in RETRYABLE:
                            raise
                        retries[0] += 1
        except Exception as e:  # noqa: BLE001
            errors.append("writer %d: %s" % (seed, e))
        conn.close()

    def vacuumer():
        conn = server.connect()
        while not stop.is_set():
            conn.query("VACUUM gin_stress")
            vacuums[0] += 1
        conn.close()

    def audit(conn, g):
        conn.query("BEGIN ISOLATION LEVEL REPEATABLE READ")
        (a,), _ = conn.query("SELECT count(*), coalesce(sum(id), 0) FROM gin_stress WHERE doc @> '{\"grp\": %d}'" % g)
        (b,), _ = conn.query("SELECT count(*), coalesce(sum(id), 0) FROM gin_stress WHERE (doc->>'grp')::int = %d" % g)
        (c,), _ = conn.query("SELECT count(*), coalesce(sum(id), 0) FROM gin_stress WHERE tags @> ARRAY[%d]" % g)
        (d,), _ = conn.query("SELECT count(*), coalesce(sum(id), 0) FROM gin_stress WHERE tags[1] = %d" % g)
        conn.query("COMMIT")
        audits[0] += 1
        if a != b or c != d:
            errors.append("group %d: jsonb index %s, scan %s; array index %s, scan %s" % (g, a, b, c, d))

    def auditor(seed):
        rng = random.Random(1000 + seed)
        conn = server.connect()
        while not stop.is_set():
            audit(conn, rng.randrange(GROUPS))
        conn.close()

    t0 = time.time()
    writers = [threading.Thread(target=writer, args=(k,)) for k in range(args.writers)]
    others = [threading.Thread(target=vacuumer)] + [threading.Thread(target=auditor, args=(k,)) for k in range(2)]
    for t in writers + others:
        t.start()
    for t in writers:
        t.join()
    stop.set()
    for t in others:
        t.join()
    # Every group once more, before and after a last merge.
    for _ in range(2):
        for g in range(GROUPS):
            audit(admin, g)
        admin.query("VACUUM gin_stress")
    elapsed = time.time() - t0
    admin.close()
    server.stop()
    print("gin merge: %d writers x %d changes (%d retried), %d VACUUMs, %d audits, %.1f s"
          % (args.writers, args.ops, retries[0], vacuums[0], audits[0], elapsed))
    for e in errors[:5]:
        print("  " + e)
    ok = not errors
    print("gin merge: %d passed, %d failed" % (1 if ok else 0, 0 if ok else 1))


if __name__ == "__main__":
    main()
