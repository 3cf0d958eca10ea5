#!/usr/bin/env python3
"""Endless and oversized queries stop and stay bounded (issue 13).

Each endless query must stop when asked: by statement_timeout, by a CancelRequest, and when its
client hangs up, while the server's memory stays bounded and other sessions keep working. A
statement whose buffers pass tusk.statement_memory_limit fails with 53200 naming the operator.
How long each stop took and how much the server grew are printed as figures; no time is asserted
(the only bounds are generous ones that tell a stop from a runaway).

    python3 test/clients/runaway_test.py build/tusk
"""
import os
import socket
import struct
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
import pgwire  # noqa: E402
from testserver import free_port, start_server  # noqa: E402

ENDLESS = {
    "generate_series": "SELECT count(*) FROM generate_series(1, 1e12::bigint)",
    "recursive CTE": "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) FROM t",
    "cross join": "SELECT count(*) FROM generate_series(1, 2000000) a, generate_series(1, 2000000) b",
    "window frame": "SELECT count(s) FROM (SELECT sum(g) OVER (ROWS BETWEEN CURRENT ROW AND 9223372036854775807 FOLLOWING) s "
                    "FROM generate_series(1, 200000) g) x",
    # std::regex backtracks (exponential time) on back-references, and its breadth-first matcher
    # takes time quadratic in a long text when the pattern is not anchored.
    "regex back-reference": "SELECT repeat('a', 64) ~ '^(a*)*\\1b'",
    "regex long text": "SELECT repeat('a', 1000000) ~ '(a|aa)*b'",
}
# Bounded memory: the server may grow by this much while an endless query runs (its plan,
# RocksDB's caches and thread stacks), never by the gigabytes a runaway reaches in seconds.
MAX_GROWTH_MB = 300
# AddressSanitizer pads every allocation and holds freed memory in quarantine (256 MB by
# default): its builds get room for both.
ASAN_GROWTH_MB = 900

results = []


def check(name, fn):
    try:
        fn()
        results.append((name, True))
        print("ok   %s" % name)
    except Exception as e:  # noqa: BLE001 - every failure is reported the same way
        results.append((name, False))
        print("FAIL %s: %r" % (name, e))


def tree_pids(root):
    pids = [root]
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == root:
                        pids.append(int(entry))
            except OSError:
                pass
    return pids


def rss_mb(pids):
    total = 0
    for pid in pids:
        try:
            with open("/proc/%d/status" % pid) as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def cpu_seconds(pids):
    total = 0
    for pid in pids:
        try:
            with open("/proc/%d/stat" % pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])
        except OSError:
            pass
    return total / os.sysconf("SC_CLK_TCK")


class Sampler:
    """Samples the server's resident memory every 20 ms; peak() is the largest seen."""

    def __init__(self, pids):
        self.pids, self.max, self.stop = pids, 0.0, False
        self.thread = threading.Thread(target=self.run)
        self.thread.start()

    def run(self):
        while not self.stop:
            self.max = max(self.max, rss_mb(self.pids))
            time.sleep(0.02)

    def peak(self):
        self.stop = True
        self.thread.join()
        return self.max


def expect_error(conn, sql, state):
    try:
        conn.query(sql)
    except pgwire.PgError as e:
        if e.sqlstate != state:
            raise AssertionError("expected %s, got %s" % (state, e))
        return e
    raise AssertionError("expected %s, the statement succeeded" % state)


def main():
    tusk = sys.argv[1]
    with open(tusk, "rb") as f:
        max_growth = ASAN_GROWTH_MB if b"__asan_init" in f.read() else MAX_GROWTH_MB
    data = tempfile.mkdtemp(prefix="tusk-runaway.")
    port = free_port()
    proc = start_server(tusk, data, port)
    pids = tree_pids(proc.pid)
    base = rss_mb(pids)

    def timeout_stops(name, sql):
        def run():
            c = pgwire.Connection(port=port)
            c.query("SET statement_timeout = '500ms'")
            sampler = Sampler(pids)
            start = time.monotonic()
            expect_error(c, sql, "57014")
            took = time.monotonic() - start
            growth = sampler.peak() - base
            print("     %s: statement_timeout 500 ms -> stopped after %.2f s, server grew %.0f MB" % (name, took, growth))
            assert took < 30, "did not stop"
            assert growth < max_growth, "memory grew by %.0f MB" % growth
            c.close()
        return run

    def cancel_stops(name, sql):
        def run():
            c = pgwire.Connection(port=port)
            asked = []

            def cancel():
                time.sleep(0.3)
                s = socket.create_connection(("127.0.0.1", port))
                s.sendall(struct.pack("!iiii", 16, 80877102, c.pid, c.secret))
                asked.append(time.monotonic())
                s.close()
            t = threading.Thread(target=cancel)
            t.start()
            expect_error(c, sql, "57014")
            stopped = time.monotonic()
            t.join()
            print("     %s: stopped %.3f s after the CancelRequest" % (name, stopped - asked[0]))
            assert stopped - asked[0] < 30, "did not stop"
            c.close()
        return run

    def hangup_stops(name, sql):
        def run():
            c = pgwire.Connection(port=port)
            c._send(b"Q", sql.encode() + b"\0")
            time.sleep(0.3)
            c.sock.close()  # the client goes away mid-statement
            time.sleep(0.5)
            before = cpu_seconds(pids)
            time.sleep(1.0)
            used = cpu_seconds(pids) - before
            print("     %s: %.2f s of server CPU in the second from 0.5 s after the hang-up" % (name, used))
            # A query running on would use about a whole core.
            assert used < 0.5, "the query ran on after its client hung up"
        return run

    for name, sql in ENDLESS.items():
        check("statement_timeout stops %s" % name, timeout_stops(name, sql))
        check("cancel stops %s" % name, cancel_stops(name, sql))
        check("client hang-up stops %s" % name, hangup_stops(name, sql))

    def others_keep_working():
        busy = pgwire.Connection(port=port)
        busy.query("SET statement_timeout = '3s'")
        t = threading.Thread(target=lambda: expect_error(busy, ENDLESS["cross join"], "57014"))
        t.start()
        time.sleep(0.3)
        start = time.monotonic()
        other = pgwire.Connection(port=port)
        rows, _ = other.query("SELECT 1")
        took = time.monotonic() - start
        other.close()
        t.join()
        busy.close()
        print("     a new connection's SELECT 1 during an endless query: %.3f s" % took)
        assert rows == [["1"]]

    check("other sessions connect and work during an endless query", others_keep_working)

    def memory_limit(sql, operator):
        def run():
            c = pgwire.Connection(port=port)
            c.query("SET tusk.statement_memory_limit = '20MB'")
            e = expect_error(c, sql, "53200")
            assert e.fields.get("M") == "out of memory", e
            assert " in %s:" % operator in e.fields.get("D", ""), e.fields.get("D")
            rows, _ = c.query("SELECT 1")  # the session goes on
            assert rows == [["1"]]
            c.close()
        return run

    for sql, operator in [
        ("SELECT count(*) FROM (SELECT g FROM generate_series(1, 2000000) g ORDER BY g DESC) s", "Sort"),
        ("SELECT count(*) FROM (SELECT g % 900000 FROM generate_series(1, 2000000) g GROUP BY 1) s", "HashAggregate"),
        ("SELECT count(*) FROM generate_series(1, 1000000) a JOIN generate_series(1, 1000000) b ON a = b", "Hash"),
        ("SELECT count(*) FROM (SELECT row_number() OVER () FROM generate_series(1, 1000000)) s", "WindowAgg"),
        ("WITH RECURSIVE t(n) AS (SELECT 1 UNION SELECT n + 1 FROM t) SELECT count(*) FROM t", "Recursive Union"),
        ("SELECT count(*) FROM (SELECT g FROM generate_series(1, 1000000) g EXCEPT SELECT 1) s", "SetOp"),
    ]:
        check("memory limit stops %s with 53200" % operator, memory_limit(sql, operator))

    # Input nested past max_stack_depth fails with 54001 (PostgreSQL's check_stack_depth), never
    # by overflowing the stack: each parser and evaluator that recurses checks it.
    def too_deep(sql):
        def run():
            c = pgwire.Connection(port=port)
            expect_error(c, sql, "54001")
            rows, _ = c.query("SELECT 1")  # the session goes on
            assert rows == [["1"]]
            c.close()
        return run

    for what, sql in [
        ("jsonpath parentheses", "SELECT (repeat('(', 200000) || '1' || repeat(')', 200000))::jsonpath"),
        ("jsonpath unary minus", "SELECT (repeat('-', 200000) || '1')::jsonpath"),
        ("jsonpath filters", "SELECT jsonb_path_query('1', ('$' || repeat(' ? (@ == 1', 100000) || repeat(')', 100000))::jsonpath)"),
        ("jsonb document", "SELECT (repeat('[', 200000) || repeat(']', 200000))::jsonb"),
    ]:
        check("too deep %s: 54001, the session goes on" % what, too_deep(sql))

    def bad_limit():
        c = pgwire.Connection(port=port)
        expect_error(c, "SET tusk.statement_memory_limit = 'lots'", "22023")
        c.close()
    check("an invalid memory limit is rejected (22023)", bad_limit)

    proc.terminate()
    proc.wait()
    passed = sum(1 for r in results if r[1])
    print("runaway: %d passed, %d failed" % (passed, len(results) - passed))
    sys.exit(0 if passed == len(results) else 1)


if __name__ == "__main__":
    main()
