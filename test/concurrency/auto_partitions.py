#!/usr/bin/env python3
"""Automatic time partitions (src/partition/time_schedule.hpp, maintenance.hpp), a Tusk feature
PostgreSQL has no expected output for, so checked here against what the schedule implies at the
moment the test runs:

- the storage parameters and their errors (SQLSTATE and message);
- tusk_partition_maintain(): the current partition and `premake` after it, named and bounded
  by the calendar (monthly in the table's time zone, daily at midnight, weekly on Mondays),
  rows routed into them, a partition made by hand left alone, retention dropping or detaching
  the old ones, a DEFAULT partition holding rows of a range making maintenance skip it;
- tusk_partition_schedules;
- partitions made on demand: a row (INSERT, INSERT ... SELECT, UPDATE moving it) for a period
  with no partition makes it in the writing transaction (undone with it), unless retention
  would retire it, a partition made by hand holds part of its range, or the DEFAULT partition
  holds rows of its range (the row then goes to the DEFAULT partition, or fails with 23514);
- the background maintainer (tusk.partition_maintenance_naptime = 1) making partitions by
  itself and writing its actions to the server log;
- kill -9 while the maintainer makes and drops partitions and a client inserts rows, some for
  periods ahead of every partition (made on demand): after each
  restart the partitions tile the key range without overlap, pg_inherits agrees with
  relispartition, and every acknowledged row is there exactly once.

    auto_partitions.py TUSK_BINARY [--rounds N]

Prints one line per check and "auto partitions: N passed, M failed".
"""
import argparse
import datetime
import os
import random
import signal
import subprocess
import tempfile
import threading
import time

from common import AckedInserter, connect_retrying as connect, doubled_and_lost, free_port, pgwire, server_process, start_server

results = {"passed": 0, "failed": 0}


def check(name, ok, detail=""):
    results["passed" if ok else "failed"] += 1
    print("%s: %s%s" % (name, "ok" if ok else "FAILED", "" if ok else " (%s)" % detail))


def rows(c, sql):
    return [list(r) for r in c.query(sql)[0]]


def error_of(c, sql):
    try:
        c.query(sql)
    except pgwire.PgError as e:
        return e.sqlstate, e.fields.get("M")
    return None


def add_months(d, n):
    m = d.year * 12 + d.month - 1 + n
    return datetime.date(m // 12, m % 12 + 1, 1)


def check_options(c):
    c.query("CREATE TABLE opt_plain (ts timestamptz)")
    c.query("CREATE TABLE opt_list (ts date) PARTITION BY LIST (ts)")
    c.query("CREATE TABLE opt_int (id int) PARTITION BY RANGE (id)")
    c.query("CREATE TABLE opt_ts (ts timestamptz, v int) PARTITION BY RANGE (ts)")
    c.query("CREATE TABLE opt_date (d date) PARTITION BY RANGE (d)")
    cases = [
        ("ALTER TABLE opt_ts SET (fillfactor = 50)", ("22023", 'unrecognized parameter "fillfactor"')),
        ("ALTER TABLE opt_ts SET (partition_interval = 'soon')", ("22023", 'invalid value for parameter "partition_interval": "soon"')),
        ("ALTER TABLE opt_ts SET (partition_interval = '0 days')", ("22023", 'invalid value for parameter "partition_interval": "0 days"')),
        ("ALTER TABLE opt_ts SET (partition_interval = '1 mon 2 days')",
         ("22023", 'invalid value for parameter "partition_interval": "1 mon 2 days"')),
        ("ALTER TABLE opt_ts SET (partition_interval = '10 seconds')",
         ("22023", 'invalid value for parameter "partition_interval": "10 seconds"')),
        ("ALTER TABLE opt_ts SET (partition_premake = 3)",
         ("22023", 'parameter "partition_interval" must be set for the other partition parameters')),
        ("ALTER TABLE opt_ts SET (partition_interval = '1 day', partition_premake = -1)",
         ("22023", 'invalid value for parameter "partition_premake": "-1"')),
        ("ALTER TABLE opt_ts SET (partition_interval = '1 day', partition_retention_keep_table = maybe)",
         ("22023", 'invalid value for boolean option "partition_retention_keep_table": maybe')),
        ("ALTER TABLE opt_list SET (partition_interval = '1 day')",
         ("0A000", "automatic partitions need a table partitioned by RANGE on one date, timestamp or timestamptz column")),
        ("ALTER TABLE opt_int SET (partition_interval = '1 day')",
         ("0A000", "automatic partitions need a table partitioned by RANGE on one date, timestamp or timestamptz column")),
        ("ALTER TABLE opt_date SET (partition_interval = '6 hours')",
         ("22023", 'invalid value for parameter "partition_interval": "06:00:00"')),
        ("ALTER TABLE opt_plain SET (partition_interval = '1 day')", ("0A000", "storage parameters of tables are not supported yet")),
        ("SELECT * FROM tusk_partition_maintain('opt_int')", ("55000", 'table "opt_int" has no partition_interval')),
    ]
    for sql, want in cases:
        got = error_of(c, sql)
        check("error: " + sql, got == want, "got %r, want %r" % (got, want))
    c.query("ALTER TABLE opt_ts SET (partition_interval = '1 week', partition_premake = 2, partition_retention = '30 days')")
    got = rows(c, "SELECT tablename, partition_interval, premake, retention, retention_keep_table, time_zone, partitions "
                  "FROM tusk_partition_schedules WHERE tablename = 'opt_ts'")
    check("schedule shown", got == [["opt_ts", "7 days", "2", "30 days", "f", "UTC", "0"]], got)
    c.query("ALTER TABLE opt_ts RESET (partition_retention, partition_premake)")
    got = rows(c, "SELECT premake, retention FROM tusk_partition_schedules WHERE tablename = 'opt_ts'")
    check("reset to defaults", got == [["3", None]], got)
    c.query("ALTER TABLE opt_ts RESET (partition_interval)")
    got = rows(c, "SELECT count(*) FROM tusk_partition_schedules WHERE tablename = 'opt_ts'")
    check("reset removes the schedule", got == [["0"]], got)
    c.query("CREATE TABLE opt_with (ts timestamp) PARTITION BY RANGE (ts) WITH (partition_interval = '1 hour')")
    got = rows(c, "SELECT partition_interval FROM tusk_partition_schedules WHERE tablename = 'opt_with'")
    check("CREATE TABLE ... WITH", got == [["01:00:00"]], got)
    # pg_dump must not write the parameters PostgreSQL would refuse: they are not reloptions.
    got = rows(c, "SELECT reloptions FROM pg_class WHERE relname = 'opt_with'")
    check("not in reloptions", got == [[None]], got)
    c.query("DROP TABLE opt_plain, opt_list, opt_int, opt_ts, opt_date, opt_with")


def check_monthly(c):
    today = datetime.datetime.now(datetime.timezone.utc).date()
    c.query("CREATE TABLE msg (id bigint, at timestamptz NOT NULL, body text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at)")
    c.query("CREATE INDEX msg_body ON msg (body)")
    c.query("ALTER TABLE msg SET (partition_interval = '1 month', partition_premake = 2)")
    got = rows(c, "SELECT action, partition_name, detail FROM tusk_partition_maintain() ORDER BY partition_name")
    first = today.replace(day=1)
    want = []
    for k in range(3):
        lo, hi = add_months(first, k), add_months(first, k + 1)
        want.append(["created", "msg_p%04d_%02d" % (lo.year, lo.month),
                     "FOR VALUES FROM ('%s 00:00:00+00') TO ('%s 00:00:00+00')" % (lo, hi)])
    check("monthly partitions made", got == want, "got %r, want %r" % (got, want))
    got = rows(c, "SELECT * FROM tusk_partition_maintain('msg')")
    check("a second run has nothing to do", got == [], got)
    got = rows(c, "SELECT last_result, partitions FROM tusk_partition_schedules WHERE tablename = 'msg'")
    check("last result shown", got == [["nothing to do", "3"]], got)
    got = rows(c, "SELECT count(*) FROM pg_indexes WHERE tablename LIKE 'msg_p%' AND indexdef LIKE '%(body)'")
    check("partitions have the parent's indexes", got == [["3"]], got)
    c.query("INSERT INTO msg VALUES (1, now(), 'a'), (2, now() + interval '1 month', 'b')")
    got = rows(c, "SELECT tableoid::regclass::text, id FROM msg_p%04d_%02d UNION ALL SELECT 'next', id FROM msg_p%04d_%02d"
                  % (first.year, first.month, add_months(first, 1).year, add_months(first, 1).month))
    check("rows routed into them", sorted(r[1] for r in got) == ["1", "2"], got)
    # Partitions older than the retention go; a partition made by hand is respected.
    old = add_months(first, -14)
    c.query("CREATE TABLE msg_old PARTITION OF msg FOR VALUES FROM ('%s') TO ('%s')" % (old, add_months(old, 1)))
    c.query("CREATE TABLE msg_recent PARTITION OF msg FOR VALUES FROM ('%s') TO ('%s')" % (add_months(first, -2), add_months(first, -1)))
    c.query("ALTER TABLE msg SET (partition_retention = '12 months', partition_retention_keep_table = true)")
    got = rows(c, "SELECT action, partition_name FROM tusk_partition_maintain('msg')")
    check("retention detaches", got == [["detached", "msg_old"]], got)
    got = rows(c, "SELECT relispartition FROM pg_class WHERE relname = 'msg_old'")
    check("detached table kept", got == [["f"]], got)
    c.query("ALTER TABLE msg SET (partition_retention = '1 month', partition_retention_keep_table = false)")
    got = rows(c, "SELECT action, partition_name FROM tusk_partition_maintain('msg')")
    check("retention drops", got == [["dropped", "msg_recent"]], got)
    # Maintenance in the caller's transaction is undone with it.
    c.query("ALTER TABLE msg SET (partition_premake = 4)")
    c.query("BEGIN")
    made = rows(c, "SELECT count(*) FROM tusk_partition_maintain('msg')")
    c.query("ROLLBACK")
    got = rows(c, "SELECT count(*) FROM pg_inherits WHERE inhparent = 'msg'::regclass")
    check("rolled back with the transaction", made == [["2"]] and got == [["3"]], (made, got))
    c.query("DROP TABLE msg, msg_old")


def check_default_and_zone(c):
    # A DEFAULT partition holding rows of a range: that partition is skipped, the others made.
    today = datetime.datetime.now(datetime.timezone.utc).date()
    c.query("CREATE TABLE daily (d date NOT NULL, v int) PARTITION BY RANGE (d)")
    c.query("CREATE TABLE daily_def PARTITION OF daily DEFAULT")
    c.query("INSERT INTO daily VALUES ('%s', 1)" % (today + datetime.timedelta(days=1)))
    c.query("ALTER TABLE daily SET (partition_interval = '1 day', partition_premake = 2)")
    got = rows(c, "SELECT action, partition_name, detail FROM tusk_partition_maintain('daily') ORDER BY partition_name")
    names = ["daily_p%s" % (today + datetime.timedelta(days=k)).strftime("%Y_%m_%d") for k in range(3)]
    want = [["created", names[0], "FOR VALUES FROM ('%s') TO ('%s')" % (today, today + datetime.timedelta(days=1))],
            ["skipped", names[1], 'the default partition "daily_def" holds rows of its range'],
            ["created", names[2], "FOR VALUES FROM ('%s') TO ('%s')" % (today + datetime.timedelta(days=2), today + datetime.timedelta(days=3))]]
    check("default partition rows skip a range", got == want, "got %r, want %r" % (got, want))
    c.query("DROP TABLE daily")
    # Weekly partitions start on Mondays; timestamptz bounds follow the zone set with them.
    c.query("SET TimeZone = 'America/New_York'")
    c.query("CREATE TABLE wk (at timestamptz) PARTITION BY RANGE (at)")
    c.query("ALTER TABLE wk SET (partition_interval = '1 week', partition_premake = 0)")
    c.query("RESET TimeZone")
    got = rows(c, "SELECT partition_name, detail FROM tusk_partition_maintain('wk')")
    now_ny = rows(c, "SELECT (now() AT TIME ZONE 'America/New_York')::date")[0][0]
    monday = datetime.date.fromisoformat(now_ny)
    monday -= datetime.timedelta(days=monday.weekday())
    lo = rows(c, "SELECT ('%s'::timestamp AT TIME ZONE 'America/New_York')::text" % monday)[0][0]
    hi = rows(c, "SELECT ('%s'::timestamp AT TIME ZONE 'America/New_York')::text" % (monday + datetime.timedelta(days=7)))[0][0]
    want = [["wk_p%s" % monday.strftime("%Y_%m_%d"), "FOR VALUES FROM ('%s') TO ('%s')" % (lo, hi)]]
    check("weekly, on Monday in the table's zone", got == want, "got %r, want %r" % (got, want))
    got = rows(c, "SELECT time_zone FROM tusk_partition_schedules WHERE tablename = 'wk'")
    check("zone shown", got == [["America/New_York"]], got)
    c.query("DROP TABLE wk")


def check_on_demand(c):
    c.query("CREATE TABLE od (id int, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at)")
    c.query("CREATE INDEX od_id ON od (id)")
    c.query("ALTER TABLE od SET (partition_interval = '1 month', partition_premake = 0)")
    c.query("INSERT INTO od VALUES (1, '2031-05-17'), (2, '2031-05-20'), (3, '2031-07-01')")
    # The background maintainer may make the current month's partition meanwhile: not counted.
    today = datetime.datetime.now(datetime.timezone.utc).date()
    parts = ("SELECT c.relname::text, pg_get_expr(c.relpartbound, c.oid) FROM pg_class c JOIN pg_inherits i ON i.inhrelid = c.oid "
             "WHERE i.inhparent = 'od'::regclass AND c.relname <> 'od_p%04d_%02d' ORDER BY 1" % (today.year, today.month))
    got = rows(c, parts)
    want = [["od_p2031_05", "FOR VALUES FROM ('2031-05-01') TO ('2031-06-01')"],
            ["od_p2031_07", "FOR VALUES FROM ('2031-07-01') TO ('2031-08-01')"]]
    check("on demand: partitions made for the rows", got == want, "got %r, want %r" % (got, want))
    got = rows(c, "SELECT id, tableoid::regclass::text FROM od ORDER BY id")
    check("on demand: rows routed into them", got == [["1", "od_p2031_05"], ["2", "od_p2031_05"], ["3", "od_p2031_07"]], got)
    got = rows(c, "SELECT count(*) FROM pg_indexes WHERE tablename IN ('od_p2031_05', 'od_p2031_07') AND indexdef LIKE '%(id)'")
    check("on demand: partitions have the parent's indexes", got == [["2"]], got)
    c.query("BEGIN")
    c.query("INSERT INTO od VALUES (4, '2032-01-15')")
    c.query("ROLLBACK")
    got = rows(c, "SELECT count(*) FROM pg_class WHERE relname = 'od_p2032_01'")
    check("on demand: undone with the transaction", got == [["0"]], got)
    c.query("UPDATE od SET at = '2031-09-09' WHERE id = 3")
    got = rows(c, "SELECT tableoid::regclass::text FROM od WHERE id = 3")
    check("on demand: an UPDATE moving a row", got == [["od_p2031_09"]], got)
    c.query("INSERT INTO od SELECT 100 + g, date '2033-01-01' + g * 10 FROM generate_series(1, 9) g")
    got = rows(c, "SELECT count(*) FROM pg_class WHERE relname LIKE 'od_p2033%' AND relkind = 'r'")
    check("on demand: INSERT ... SELECT over four months", got == [["4"]], got)
    # Retention: a row of a period it would retire finds no partition, as without a schedule.
    c.query("ALTER TABLE od SET (partition_retention = '12 months')")
    got = error_of(c, "INSERT INTO od VALUES (5, '2001-01-01')")
    check("on demand: not older than the retention", got == ("23514", 'no partition of relation "od" found for row'), got)
    c.query("CREATE TABLE od_def PARTITION OF od DEFAULT")
    c.query("INSERT INTO od VALUES (6, '2001-01-01')")
    c.query("ALTER TABLE od RESET (partition_retention)")
    # The DEFAULT partition holds a row of January 2001: its partition cannot be made.
    c.query("INSERT INTO od VALUES (7, '2001-01-15'), (8, '2035-06-06')")
    c.query("CREATE TABLE od_mid PARTITION OF od FOR VALUES FROM ('2036-01-10') TO ('2036-01-20')")
    c.query("INSERT INTO od VALUES (9, '2036-01-25')")
    got = rows(c, "SELECT id, tableoid::regclass::text FROM od WHERE id BETWEEN 6 AND 9 ORDER BY id")
    want = [["6", "od_def"], ["7", "od_def"], ["8", "od_p2035_06"], ["9", "od_def"]]
    check("on demand: DEFAULT partition and hand-made partitions respected", got == want, "got %r, want %r" % (got, want))
    # A function's INSERT, called per row: each call sees the partitions the earlier ones made.
    c.query("CREATE FUNCTION od_add(i int, d date) RETURNS void LANGUAGE plpgsql AS $$ BEGIN INSERT INTO od VALUES (i, d); END $$")
    c.query("SELECT od_add(200 + g, date '2037-01-01' + g * 40) FROM generate_series(1, 3) g")
    got = rows(c, "SELECT id, tableoid::regclass::text FROM od WHERE id > 200 ORDER BY id")
    want = [["201", "od_p2037_02"], ["202", "od_p2037_03"], ["203", "od_p2037_05"]]
    check("on demand: inside a function called per row", got == want, "got %r, want %r" % (got, want))
    c.query("DROP FUNCTION od_add(int, date)")
    c.query("DROP TABLE od")


def check_on_demand_deadlock(port):
    # Two transactions writing the table that both need a new partition wait for each other's
    # lock on it: one of them is told (40P01), the other goes on once it is rolled back.
    a, b = connect(port), connect(port)
    a.query("CREATE TABLE ev (at date NOT NULL) PARTITION BY RANGE (at) WITH (partition_interval = '1 month', partition_premake = 0)")
    a.query("INSERT INTO ev VALUES ('2030-01-05')")
    for conn, day in ((a, 6), (b, 7)):
        conn.query("BEGIN")
        conn.query("INSERT INTO ev VALUES ('2030-01-%02d')" % day)
    outcome = {}

    def insert(name, conn, sql):
        try:
            conn.query(sql)
            outcome[name] = "ok"
        except pgwire.PgError as e:
            outcome[name] = e.sqlstate
            conn.query("ROLLBACK")

    threads = [threading.Thread(target=insert, args=("a", a, "INSERT INTO ev VALUES ('2031-01-01')")),
               threading.Thread(target=insert, args=("b", b, "INSERT INTO ev VALUES ('2032-01-01')"))]
    threads[0].start()
    time.sleep(0.3)
    threads[1].start()
    for t in threads:
        t.join(30)
    check("on demand: two writers needing partitions, one deadlock reported",
          sorted(outcome.values()) == ["40P01", "ok"], outcome)
    for conn in (a, b):
        conn.query("ROLLBACK")
        conn.close()
    c = connect(port)
    c.query("DROP TABLE ev")
    c.close()


def check_background(tusk):
    data = tempfile.mkdtemp(prefix="tusk-auto-partitions-")
    port = free_port()
    log_path = os.path.join(data, "..", os.path.basename(data) + ".log")
    with open(log_path, "w") as log:
        proc = start_server(tusk, data, port, log=log)
        try:
            c = connect(port)
            c.query("ALTER SYSTEM SET tusk.partition_maintenance_naptime = 1")
            c.query("SELECT pg_reload_conf()")
            c.query("CREATE DATABASE other")
            o = pgwire.Connection(port=port, database="other")
            o.query("CREATE TABLE hits (at timestamp NOT NULL) PARTITION BY RANGE (at) WITH (partition_interval = '1 day', partition_premake = 1)")
            o.query("INSERT INTO hits VALUES ('2040-02-03 04:05')")
            o.close()
            deadline = time.time() + 20
            got = None
            while time.time() < deadline:
                o = pgwire.Connection(port=port, database="other")
                got = rows(o, "SELECT partitions, last_result FROM tusk_partition_schedules")
                o.close()
                if got and got[0][0] == "3":
                    break
                time.sleep(0.2)
            check("background maintainer makes partitions", got == [["3", "created 2"]], got)
            c.close()
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    with open(log_path) as f:
        lines = [l for l in f if "automatic partition maintenance created" in l]
    check("maintenance written to the log", len(lines) == 2 and 'of hits: FOR VALUES FROM' in lines[0], lines)
    with open(log_path) as f:
        lines = [l for l in f if "made on demand" in l]
    want = 'partition "hits_p2040_02_03" of public.hits made on demand for a row: ' \
           "FOR VALUES FROM ('2040-02-03 00:00:00') TO ('2040-02-04 00:00:00')"
    check("partition made on demand written to the log", len(lines) == 1 and want in lines[0], lines)
    subprocess.run(["rm", "-rf", data, log_path])


def consistency(port, acked):
    c = connect(port)
    problems = []
    parts = rows(c, "SELECT c.relname, c.relispartition, pg_get_expr(c.relpartbound, c.oid), "
                    "EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid) FROM pg_class c "
                    "WHERE c.relname LIKE 'ticks_%' AND c.relkind = 'r'")
    for name, isp, bound, inherited in parts:
        if (isp == "t") != (inherited == "t"):
            problems.append("%s: relispartition and pg_inherits disagree" % name)
    more, present = doubled_and_lost([r[0] for r in rows(c, "SELECT id FROM ticks")], acked)
    problems += more
    n_parts = rows(c, "SELECT count(*) FROM pg_inherits WHERE inhparent = 'ticks'::regclass")[0][0]
    c.close()
    return problems, present, int(n_parts)


def crash_loop(tusk, rounds):
    data = tempfile.mkdtemp(prefix="tusk-auto-partitions-crash-")
    port = free_port()
    proc = start_server(tusk, data, port)
    c = connect(port)
    c.query("ALTER SYSTEM SET tusk.partition_maintenance_naptime = 1")
    c.query("SELECT pg_reload_conf()")
    # Minute partitions made 120 to 160 ahead, and old ones to retire: the maintainer's pass
    # makes and drops many, in one transaction per table, while rows go in.
    c.query("CREATE TABLE ticks (id bigint NOT NULL, at timestamptz NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at)")
    c.query("CREATE TABLE ticks_def PARTITION OF ticks DEFAULT")
    c.close()
    rng = random.Random(7)
    acked, next_id = set(), 1
    try:
        for rnd in range(1, rounds + 1):
            c = connect(port)
            # A new window each round, so that the maintainer has partitions to make and drop.
            c.query("ALTER TABLE ticks SET (partition_interval = '1 minute', partition_premake = %d, partition_retention = '%d minutes')"
                    % (100 + 20 * rnd, 60 - 10 * rnd))
            # Old partitions for the maintainer to drop in the same pass.
            base = "date_trunc('minute', now()) - interval '%d minutes'" % (300 + 40 * rnd)
            c.query("DO $$ BEGIN FOR k IN 0..9 LOOP EXECUTE format('CREATE TABLE ticks_old_%s_%%s PARTITION OF ticks "
                    "FOR VALUES FROM (%%L) TO (%%L)', k, %s + k * interval '1 minute', %s + (k + 1) * interval '1 minute'); "
                    "END LOOP; END $$" % (rnd, base, base))
            c.close()
            stop = threading.Event()
            # Every third row lands minutes past the partitions made ahead: made on demand.
            writer = AckedInserter(port, next_id, stop, lambda i: "INSERT INTO ticks VALUES (%d, now() + interval '%d minutes')"
                                   % (i, 0 if i % 3 else 200 + i % 60))
            writer.start()
            time.sleep(rng.uniform(1.2, 2.5))
            os.kill(server_process(proc.pid), signal.SIGKILL)
            time.sleep(0.3)
            stop.set()
            writer.join(60)
            next_id = writer.next_id + 1
            acked |= writer.acked
            problems, present, n_parts = consistency(port, acked)
            check("crash round %d: %d rows acknowledged, %d present, %d partitions" % (rnd, len(acked), present, n_parts),
                  not problems, "; ".join(problems))
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        subprocess.run(["rm", "-rf", data])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tusk")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    data = tempfile.mkdtemp(prefix="tusk-auto-partitions-")
    port = free_port()
    proc = start_server(args.tusk, data, port)
    try:
        c = connect(port)
        check_options(c)
        check_monthly(c)
        check_default_and_zone(c)
        check_on_demand(c)
        c.close()
        check_on_demand_deadlock(port)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        subprocess.run(["rm", "-rf", data])
    check_background(args.tusk)
    crash_loop(args.tusk, args.rounds)
    print("auto partitions: %d passed, %d failed" % (results["passed"], results["failed"]))


if __name__ == "__main__":
    main()
