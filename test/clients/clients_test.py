"""Protocol-level tests against a running Tusk server: extended query protocol, SCRAM
authentication, 500 concurrent connections, cancel requests, and malformed messages (which
must end only their own connection).

usage: clients_test.py PORT
"""
import os
import random
import socket
import struct
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
import pgwire  # noqa: E402

PORT = int(sys.argv[1])
results = []


def check(name, fn):
    try:
        fn()
        results.append((name, True, ""))
    except Exception as e:  # noqa: BLE001 - report every failure
        results.append((name, False, repr(e)))


def connect(**kw):
    return pgwire.Connection(port=PORT, **kw)


def test_extended_protocol():
    c = connect()
    c.query("CREATE TABLE ext (id int PRIMARY KEY, name text, score numeric(6,2), at timestamptz)")
    for i in range(5):
        c.execute("INSERT INTO ext VALUES ($1, $2, $3, $4)", (i, "n%d" % i, i * 1.5, "2024-01-0%d 10:00:00+00" % (i + 1)))
    rows, tags = c.execute("SELECT id, name, score FROM ext WHERE id >= $1 ORDER BY id", (3,))
    assert rows == [["3", "n3", "4.50"], ["4", "n4", "6.00"]], rows
    assert tags == ["SELECT 2"], tags
    rows, _ = c.execute("SELECT $1::int + 1, $2::text || '!'", (41, "hi"))
    assert rows == [["42", "hi!"]], rows
    rows, tags = c.execute("UPDATE ext SET name = $1 WHERE id = $2 RETURNING name", ("x", 1))
    assert rows == [["x"]] and tags == ["UPDATE 1"], (rows, tags)
    try:
        c.execute("SELECT * FROM ext WHERE id = $1", ("abc",))
        raise AssertionError("expected an error")
    except pgwire.PgError as e:
        assert e.sqlstate == "22P02", e.fields
    rows, _ = c.execute("SELECT count(*) FROM ext")  # the connection is usable after the error
    assert rows == [["5"]], rows
    c.close()


def rows_of(events):
    return [e[1][0] for e in events if e[0] == "row"]


def test_portal_streaming():
    """Execute with a row limit inside a transaction block suspends the portal and reads on at
    the next Execute (PortalSuspended, then "SELECT n" for the last part); the portal is a cursor
    that FETCH and MOVE also move, reads the rows of its first Execute, ends with its
    transaction, and streams in constant memory. Checked against PostgreSQL 15 by hand."""
    c = connect()
    c.query("DROP TABLE IF EXISTS portal_rows")
    c.query("CREATE TABLE portal_rows (id int PRIMARY KEY)")
    c.query("INSERT INTO portal_rows SELECT g FROM generate_series(1, 10) g")
    c.query("BEGIN")
    c.prepare("ten", "SELECT id FROM portal_rows ORDER BY id")
    c.bind_portal("p1", "ten")
    for _ in range(4):
        c.execute_portal("p1", 4)
    ev = c.sync()
    assert ev == [("row", [str(i)]) for i in range(1, 5)] + [("suspended",)] + \
        [("row", [str(i)]) for i in range(5, 9)] + [("suspended",)] + \
        [("row", ["9"]), ("row", ["10"]), ("tag", "SELECT 2"), ("tag", "SELECT 0")], ev
    # a bound portal is a cursor: MOVE through SQL, then Execute reads on from there
    c.bind_portal("p2", "ten")
    c.sync()
    _, tags = c.query("MOVE FORWARD 3 p2")
    assert tags == ["MOVE 3"], tags
    c.execute_portal("p2", 2)
    ev = c.sync()
    assert ev == [("row", ["4"]), ("row", ["5"]), ("suspended",)], ev
    rows, _ = c.query("FETCH 2 FROM p2")
    assert rows == [["6"], ["7"]], rows
    # rows written after the portal's first Execute are not in it
    c.bind_portal("p3", "ten")
    c.execute_portal("p3", 1)
    c.sync()
    c.query("INSERT INTO portal_rows VALUES (11), (12)")
    c.query("DELETE FROM portal_rows WHERE id = 2")
    c.execute_portal("p3", 0)
    ev = c.sync()
    assert rows_of(ev) == [str(i) for i in range(2, 11)] and ev[-1] == ("tag", "SELECT 9"), ev
    c.query("COMMIT")
    # the portal ended with its transaction
    c.execute_portal("p1", 1)
    ev = c.sync()
    assert ev == [("error", "34000")], ev
    # a result far larger than the statement memory limit, read 10,000 rows at a time
    c.query("SET tusk.statement_memory_limit = '32MB'")
    c.query("BEGIN")
    c.prepare("big", "SELECT g, repeat('x', 200) FROM generate_series(1, 1000000) g")
    c.bind_portal("p4", "big")
    c.execute_portal("p4", 10000)
    total = 0
    while True:
        ev = c.sync()
        assert ev and ev[-1][0] in ("suspended", "tag"), ev[-3:]
        total += len(rows_of(ev))
        if ev[-1][0] == "tag":
            break
        c.execute_portal("p4", 10000)
    assert total == 1000000, total
    c.query("COMMIT")
    c.query("DROP TABLE portal_rows")
    c.close()


def test_pipeline_transaction():
    """The Executes up to one Sync run in one implicit transaction: an error anywhere in it (an
    Execute, a Bind) undoes the ones before; they see each other's rows; a BEGIN among them
    takes the earlier ones into its block. Checked against PostgreSQL 15 by hand."""
    c = connect()
    c.query("DROP TABLE IF EXISTS pipe")
    c.query("CREATE TABLE pipe (id int PRIMARY KEY)")
    c.prepare("ins", "INSERT INTO pipe VALUES ($1)")
    c.prepare("cnt", "SELECT count(*) FROM pipe")
    c.prepare("begin", "BEGIN")

    def run(*steps):
        for stmt, params in steps:
            c.bind_portal("", stmt, params)
            c.execute_portal("", 0)
        return c.sync()
    ev = run(("ins", (1,)), ("ins", (2,)), ("ins", (1,)))
    assert ev == [("tag", "INSERT 0 1"), ("tag", "INSERT 0 1"), ("error", "23505")], ev
    assert c.query("SELECT count(*) FROM pipe")[0] == [["0"]]
    ev = run(("ins", (1,)), ("cnt", ()))
    assert ev == [("tag", "INSERT 0 1"), ("row", ["1"]), ("tag", "SELECT 1")], ev
    assert c.status == "I", c.status
    ev = run(("ins", (2,)), ("ins", ("abc",)), ("ins", (3,)))
    assert ev == [("tag", "INSERT 0 1"), ("error", "22P02")], ev
    assert c.query("SELECT count(*) FROM pipe")[0] == [["1"]]
    ev = run(("ins", (4,)), ("begin", ()), ("ins", (5,)))
    assert ev == [("tag", "INSERT 0 1"), ("tag", "BEGIN"), ("tag", "INSERT 0 1")] and c.status == "T", (ev, c.status)
    c.query("ROLLBACK")
    assert c.query("SELECT id FROM pipe ORDER BY id")[0] == [["1"]]
    c.query("DROP TABLE pipe")
    c.close()


def test_invalid_utf8():
    """Bytes that are not UTF-8 in a query, a Parse, a text parameter or COPY text data get
    22021, as in PostgreSQL; the connection goes on, and nothing was stored."""
    c = connect()
    c.query("DROP TABLE IF EXISTS enc")
    c.query("CREATE TABLE enc (t text)")

    def fails(fn):
        try:
            fn()
        except pgwire.PgError as e:
            assert e.sqlstate == "22021", e.fields
            return
        raise AssertionError("expected 22021")
    fails(lambda: c._send(b"Q", b"INSERT INTO enc VALUES ('\xff')\0") or c._collect())
    fails(lambda: c._send(b"Q", b"SELECT '\xc3\x28'\0") or c._collect())
    fails(lambda: c.execute("INSERT INTO enc VALUES ($1)", (b"\xe2\x82",)))
    c.query("BEGIN")
    fails(lambda: c._send(b"Q", b"SELECT '\x80'\0") or c._collect())
    assert c.status == "E", c.status
    c.query("ROLLBACK")
    rows, _ = c.query("SELECT count(*) FROM enc")
    assert rows == [["0"]], rows
    c.query("DROP TABLE enc")
    c.close()


def prepared_fails(conn, name, params, state, message):
    """Executing the prepared statement fails with this SQLSTATE and message."""
    try:
        conn.execute_prepared(name, params)
        raise AssertionError("expected " + state)
    except pgwire.PgError as e:
        assert (e.sqlstate, e.fields.get("M")) == (state, message), e.fields


def test_prepared_plans():
    """A prepared SELECT keeps its plan; it must still see new data, follow DDL and search_path,
    and refuse a changed row shape as PostgreSQL does (results checked against PostgreSQL 15)."""
    a, b = connect(), connect()
    a.query("CREATE TABLE pc (id int PRIMARY KEY, v text)")
    a.query("INSERT INTO pc VALUES (1, 'one'), (2, 'two')")
    a.prepare("get", "SELECT id, v FROM pc WHERE id = $1")
    assert a.execute_prepared("get", (1,))[0] == [["1", "one"]]
    b.query("UPDATE pc SET v = 'uno' WHERE id = 1")
    assert a.execute_prepared("get", (1,))[0] == [["1", "uno"]]
    a.query("CREATE INDEX ON pc (v)")
    assert a.execute_prepared("get", (2,))[0] == [["2", "two"]]
    a.query("CREATE SCHEMA other; CREATE TABLE other.pc (id int, v text); INSERT INTO other.pc VALUES (1, 'other')")
    a.query("SET search_path = other, public")
    assert a.execute_prepared("get", (1,))[0] == [["1", "other"]]
    a.query("RESET search_path")
    assert a.execute_prepared("get", (1,))[0] == [["1", "uno"]]

    def fails(name, params, state, message):
        prepared_fails(a, name, params, state, message)

    a.query("BEGIN")
    a.query("ALTER TABLE pc RENAME COLUMN v TO w")
    fails("get", (1,), "42703", 'column "v" does not exist')
    a.query("ROLLBACK")
    assert a.execute_prepared("get", (1,))[0] == [["1", "uno"]]
    a.query("ALTER TABLE pc ALTER COLUMN v TYPE varchar(10)")
    fails("get", (1,), "0A000", "cached plan must not change result type")
    a.prepare("star", "SELECT * FROM pc ORDER BY id")
    assert a.execute_prepared("star")[0] == [["1", "uno"], ["2", "two"]]
    a.query("ALTER TABLE pc ADD COLUMN n int DEFAULT 7")
    fails("star", (), "0A000", "cached plan must not change result type")
    a.query("DROP TABLE pc")
    fails("get", (1,), "42P01", 'relation "pc" does not exist')
    a.query("CREATE TABLE pc (id int PRIMARY KEY, v text)")
    a.query("INSERT INTO pc VALUES (1, 'again')")
    assert a.execute_prepared("get", (1,))[0] == [["1", "again"]]
    a.close()
    b.close()


def test_prepared_dml_plans():
    """Prepared INSERT, UPDATE and DELETE keep their plans too: they must see the rows of the moment,
    write the indexes and check the constraints DDL adds after they were planned, and refuse a
    changed RETURNING shape (results checked against PostgreSQL 15)."""
    a, b = connect(), connect()
    a.query("CREATE TABLE pd (id int PRIMARY KEY, n int NOT NULL, note text)")
    a.query("INSERT INTO pd SELECT g, g * 10, NULL FROM generate_series(1, 5) g")
    a.prepare("bump", "UPDATE pd SET n = n + $2 WHERE id = $1 RETURNING id, n")
    a.prepare("drop", "DELETE FROM pd WHERE id = $1")
    assert a.execute_prepared("bump", (1, 5))[0] == [["1", "15"]]
    b.query("UPDATE pd SET n = 100 WHERE id = 1")
    assert a.execute_prepared("bump", (1, 1))[0] == [["1", "101"]]
    assert a.execute_prepared("drop", (5,))[1] == ["DELETE 1"]
    assert a.execute_prepared("drop", (5,))[1] == ["DELETE 0"]

    def fails(name, params, state, message):
        prepared_fails(a, name, params, state, message)

    # A constraint and a unique index added after planning apply to the next execution.
    a.query("ALTER TABLE pd ADD CONSTRAINT small CHECK (n < 1000)")
    fails("bump", (1, 5000), "23514", 'new row for relation "pd" violates check constraint "small"')
    a.query("CREATE UNIQUE INDEX pd_n ON pd (n)")
    fails("bump", (2, 81), "23505", 'duplicate key value violates unique constraint "pd_n"')
    assert a.execute_prepared("bump", (2, 1))[0] == [["2", "21"]]
    assert a.query("SELECT id FROM pd WHERE n = 21")[0] == [["2"]]
    # Inside a transaction that changes the catalog, and after it rolls back.
    a.query("BEGIN")
    a.query("ALTER TABLE pd RENAME COLUMN n TO m")
    fails("bump", (1, 1), "42703", 'column "n" does not exist')
    a.query("ROLLBACK")
    assert a.execute_prepared("bump", (3, 1))[0] == [["3", "31"]]
    a.query("ALTER TABLE pd ALTER COLUMN n TYPE bigint")
    fails("bump", (3, 1), "0A000", "cached plan must not change result type")
    assert a.execute_prepared("drop", (4,))[1] == ["DELETE 1"]
    assert a.query("SELECT id, n FROM pd ORDER BY id")[0] == [["1", "101"], ["2", "21"], ["3", "31"]]
    a.query("DROP TABLE pd")
    # INSERT: a column default, a unique index and a CHECK added after planning.
    a.query("CREATE TABLE pi (id serial PRIMARY KEY, n int NOT NULL)")
    a.prepare("add", "INSERT INTO pi (n) VALUES ($1) RETURNING id, n")
    a.prepare("addq", "INSERT INTO pi (n) SELECT $1 + g FROM generate_series(1, 2) g")
    assert a.execute_prepared("add", (5,))[0] == [["1", "5"]]
    assert a.execute_prepared("addq", (100,))[1] == ["INSERT 0 2"]
    a.query("ALTER TABLE pi ADD COLUMN note text DEFAULT 'new'")
    assert a.execute_prepared("add", (7,))[0] == [["4", "7"]]
    a.query("CREATE UNIQUE INDEX pi_n ON pi (n)")
    fails("add", (7,), "23505", 'duplicate key value violates unique constraint "pi_n"')
    fails("addq", (100,), "23505", 'duplicate key value violates unique constraint "pi_n"')
    a.query("ALTER TABLE pi ADD CONSTRAINT pos CHECK (n > 0)")
    fails("add", (-1,), "23514", 'new row for relation "pi" violates check constraint "pos"')
    a.query("ALTER TABLE pi ALTER COLUMN n TYPE bigint")
    fails("add", (8,), "0A000", "cached plan must not change result type")
    assert a.execute_prepared("addq", (200,))[1] == ["INSERT 0 2"]
    assert a.query("SELECT id, n, note FROM pi ORDER BY id")[0] == [
        ["1", "5", "new"], ["2", "101", "new"], ["3", "102", "new"], ["4", "7", "new"], ["8", "201", "new"], ["9", "202", "new"]]
    a.query("DROP TABLE pi")
    a.close()
    b.close()


def test_scram_auth():
    c = connect()
    c.query("CREATE ROLE regress_scram LOGIN PASSWORD 'pa55word'")
    c.close()
    ok = connect(user="regress_scram", password="pa55word")
    rows, _ = ok.query("SELECT current_user")
    assert rows == [["regress_scram"]], rows
    ok.close()
    try:
        connect(user="regress_scram", password="wrong")
        raise AssertionError("wrong password accepted")
    except pgwire.PgError as e:
        assert e.sqlstate == "28P01", e.fields
    try:
        connect(user="regress_nobody")
        raise AssertionError("unknown role accepted")
    except pgwire.PgError as e:
        assert e.sqlstate == "28000", e.fields


def test_500_connections():
    conns = []
    try:
        for _ in range(500):
            conns.append(connect())
        errors = []

        def work(c, i):
            try:
                rows, _ = c.query("SELECT %d + 1" % i)
                assert rows == [[str(i + 1)]]
            except Exception as e:  # noqa: BLE001
                errors.append(e)

        threads = [threading.Thread(target=work, args=(c, i)) for i, c in enumerate(conns)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors, errors[:3]
    finally:
        for c in conns:
            c.close()


def test_malformed_messages_end_only_that_connection():
    bystander = connect()
    cases = [
        b"Q" + struct.pack("!i", 2),                      # length below minimum
        b"Q" + struct.pack("!i", 0x7fffffff),             # oversized
        b"Z" + struct.pack("!i", 4),                      # unknown message type
        b"P" + struct.pack("!i", 6) + b"xy",              # Parse without terminators
        b"B" + struct.pack("!i", 8) + b"\0\0\xff\xff",    # Bind with negative counts
    ]
    for data in cases:
        c = connect()
        c.raw(data)
        try:
            while True:
                t, _ = c._read()
                if t == b"E":
                    break
        except (ConnectionError, OSError):
            pass
        c.sock.close()
    for _ in range(200):  # random garbage after startup
        c = connect()
        c.raw(bytes(random.getrandbits(8) for _ in range(random.randint(1, 64))))
        c.sock.close()
    rows, _ = bystander.query("SELECT 1")
    assert rows == [["1"]]
    bystander.close()
    fresh = connect()
    fresh.query("SELECT 1")
    fresh.close()


def test_garbage_startup():
    for data in [b"\0\0\0\x04", b"\0\0\0\x08\0\0\0\0", b"\xff" * 20, struct.pack("!ii", 8, 1234)]:
        s = socket.create_connection(("127.0.0.1", PORT))
        s.sendall(data)
        s.settimeout(5)
        try:
            s.recv(1024)
        except OSError:
            pass
        s.close()
    c = connect()
    c.query("SELECT 1")
    c.close()


def test_binary_formats():
    c = connect()
    raw = c.execute_binary("SELECT $1::int4 + 1, $2::int8 * 2, $3::text || '!', $4::float8 / 2, $5::bool, $6::numeric + 1",
                           [struct.pack("!i", 41), struct.pack("!q", 21), b"hi", struct.pack("!d", 5.0), b"\x01",
                            struct.pack("!hhhh", 2, 0, 0, 2) + struct.pack("!hh", 12, 3400)],
                           [1, 1, 1, 1, 1, 1], 1)
    row = raw[0]
    assert struct.unpack("!i", row[0])[0] == 42, row
    assert struct.unpack("!q", row[1])[0] == 42, row
    assert row[2] == b"hi!", row
    assert struct.unpack("!d", row[3])[0] == 2.5, row
    assert row[4] == b"\x01", row
    ndigits, weight, sign, dscale = struct.unpack("!hhhh", row[5][:8])
    digits = struct.unpack("!%dh" % ndigits, row[5][8:])
    assert (weight, sign, dscale, digits) == (0, 0, 2, (13, 3400)), (weight, sign, dscale, digits)
    try:
        c.execute_binary("SELECT $1::int4", [b"\x00\x01"], [1], 0)
        raise AssertionError("short int4 accepted")
    except pgwire.PgError as e:
        assert e.sqlstate == "22P03", e.fields
    c.query("SELECT 1")
    c.close()


def test_cancel_request():
    c = connect()
    c.query("CREATE TABLE spin (v int)")
    c.query("INSERT INTO spin VALUES (1),(2),(3),(4),(5),(6),(7),(8),(9),(10)")

    def cancel_soon():
        time.sleep(0.5)
        s = socket.create_connection(("127.0.0.1", PORT))
        s.sendall(struct.pack("!iiii", 16, 80877102, c.pid, c.secret))
        s.close()

    t = threading.Thread(target=cancel_soon)
    t.start()
    # The cross join would run for hours: only the cancel ends it (57014). No time is asserted.
    try:
        c.query("SELECT count(*) FROM spin a, spin b, spin c, spin d, spin e, spin f, spin g, spin h, spin i")
        raise AssertionError("query was not cancelled")
    except pgwire.PgError as e:
        assert e.sqlstate == "57014", e.fields
    t.join()
    rows, _ = c.query("SELECT count(*) FROM spin")
    assert rows == [["10"]]
    c.close()


check("extended protocol", test_extended_protocol)
check("binary parameters and results", test_binary_formats)
check("Execute with a row limit streams the portal", test_portal_streaming)
check("the Executes up to a Sync are one transaction", test_pipeline_transaction)
check("text that is not UTF-8 is refused", test_invalid_utf8)
def test_prepared_settings_update():
    """UPDATE pg_settings through the extended protocol: a set_config per row, tag UPDATE 0
    (as PostgreSQL 15 answers), each execution applying its parameter."""
    a = connect()
    a.prepare("set_wm", "UPDATE pg_settings SET setting = $1 WHERE name = 'work_mem'")
    assert a.execute_prepared("set_wm", ("8MB",)) == ([["8MB"]], ["UPDATE 0"])
    assert a.query("SHOW work_mem")[0] == [["8MB"]]
    assert a.execute_prepared("set_wm", ("16MB",)) == ([["16MB"]], ["UPDATE 0"])
    assert a.query("SHOW work_mem")[0] == [["16MB"]]
    a.close()


check("prepared statements keep valid plans", test_prepared_plans)
check("UPDATE pg_settings through the extended protocol", test_prepared_settings_update)
check("prepared INSERT, UPDATE and DELETE keep valid plans", test_prepared_dml_plans)
check("cancel request", test_cancel_request)
check("SCRAM-SHA-256 authentication", test_scram_auth)
check("500 concurrent connections", test_500_connections)
check("malformed messages end only their connection", test_malformed_messages_end_only_that_connection)
check("garbage startup packets", test_garbage_startup)
for name, ok, err in results:
    print("%s: %s%s" % ("ok  " if ok else "FAIL", name, "" if ok else " -- " + err))
passed = sum(1 for r in results if r[1])
print("clients: %d passed, %d failed" % (passed, len(results) - passed))
sys.exit(0 if passed == len(results) else 1)
