"""psycopg2 (Debian's python3-psycopg2) as its users use it: typed parameters, executemany, COPY,
named (server-side) cursors, transactions, error codes and notices.
    /usr/bin/python3 psycopg2_test.py PORT"""
import datetime
import decimal
import io
import sys
import uuid

import psycopg2
import psycopg2.errorcodes
import psycopg2.extensions
import psycopg2.extras

from harness import DB, HOST, PORT, TAG, USER, check, expect, results

T = "drv_pg2_%s" % TAG  # table name prefix


def connect(**kw):
    return psycopg2.connect(host=HOST, port=PORT, user=USER, dbname=DB, connect_timeout=10, **kw)


def setup():
    c = connect()
    c.autocommit = True
    cur = c.cursor()
    cur.execute("DROP TABLE IF EXISTS %s_items, %s_types, %s_uniq" % (T, T, T))
    cur.execute("CREATE TABLE %s_items (id int PRIMARY KEY, name text NOT NULL, qty int)" % T)
    cur.execute("""CREATE TABLE %s_types (i int, bi bigint, f float8, n numeric(12,3), s text,
                   b bytea, d date, ts timestamp, tz timestamptz, u uuid, a int[], ta text[],
                   j jsonb, bo boolean)""" % T)
    cur.execute("CREATE TABLE %s_uniq (k text UNIQUE)" % T)
    c.close()


def teardown():
    c = connect()
    c.autocommit = True
    c.cursor().execute("DROP TABLE IF EXISTS %s_items, %s_types, %s_uniq" % (T, T, T))
    c.close()


def t_connect():
    c = connect()
    cur = c.cursor()
    cur.execute("SELECT 1, current_user, current_database()")
    expect(cur.fetchone(), (1, USER, DB), "select 1")
    if c.server_version < 150000:
        raise AssertionError("server_version %r < 150000" % c.server_version)
    expect(c.encoding, "UTF8", "client encoding")
    c.close()


def t_param_types():
    psycopg2.extras.register_uuid()
    c = connect()
    cur = c.cursor()
    tz = datetime.timezone(datetime.timedelta(hours=2))
    vals = (42, 9007199254740993, 1.5, decimal.Decimal("12345.678"), "it's \u00e9t\u00e9 \u2603",
            b"\x00\x01\xfe\xff", datetime.date(2024, 2, 29), datetime.datetime(2024, 1, 2, 3, 4, 5, 600000),
            datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=tz), uuid.UUID("12345678-1234-5678-1234-567812345678"),
            [1, 2, None, 4], ["a", "b c", "d\"e", None], {"k": [1, 2, {"x": None}], "s": "v"}, True)
    cur.execute("INSERT INTO " + T + "_types VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                vals[:12] + (psycopg2.extras.Json(vals[12]), vals[13]))
    cur.execute("SELECT i, bi, f, n, s, b, d, ts, tz, u, a, ta, j, bo FROM " + T + "_types")
    row = cur.fetchone()
    names = ["int", "bigint", "float8", "numeric", "text", "bytea", "date", "timestamp", "timestamptz",
             "uuid", "int[]", "text[]", "jsonb", "bool"]
    for name, got, want in zip(names, row, vals):
        if name == "bytea":
            got = bytes(got)
        if name == "timestamptz":  # same instant, any zone
            if got != want:
                raise AssertionError("timestamptz: got %r, want %r" % (got, want))
            continue
        expect(got, want, name)
    # None both ways, and the column's type in cursor.description
    cur.execute("SELECT %s::int AS nothing, %s AS one", (None, 1))
    expect(cur.fetchone(), (None, 1), "NULL parameter")
    expect([d.type_code for d in cur.description], [23, 23], "description type codes")
    c.rollback()
    c.close()


def t_executemany():
    c = connect()
    cur = c.cursor()
    cur.executemany("INSERT INTO " + T + "_items (id, name, qty) VALUES (%s, %s, %s)",
                    [(i, "item%d" % i, i * 10) for i in range(1, 51)])
    cur.execute("SELECT count(*), sum(qty) FROM " + T + "_items")
    expect(cur.fetchone(), (50, 12750), "count, sum")
    psycopg2.extras.execute_values(cur, "INSERT INTO " + T + "_items (id, name, qty) VALUES %s",
                                   [(i, "v%d" % i, 1) for i in range(51, 61)], page_size=4)
    cur.execute("UPDATE " + T + "_items SET qty = qty + 1 WHERE id > %s", (55,))
    expect(cur.rowcount, 5, "UPDATE rowcount")
    cur.execute("SELECT count(*) FROM " + T + "_items")
    expect(cur.fetchone()[0], 60, "count after execute_values")
    c.rollback()
    c.close()


def t_copy():
    c = connect()
    cur = c.cursor()
    cur.copy_from(io.StringIO("".join("%d\tc%d\t%s\n" % (i, i, "\\N" if i % 2 else i) for i in range(1, 101))),
                  T + "_items", columns=("id", "name", "qty"))
    expect(cur.rowcount, 100, "copy_from rowcount")
    cur.copy_expert("COPY %s_items (id, name) FROM STDIN WITH (FORMAT csv, HEADER true)" % T,
                    io.StringIO('id,name\n101,"a,b"\n102,"q""uote"\n'))
    cur.execute("SELECT count(*), count(qty), sum(qty) FROM " + T + "_items")
    expect(cur.fetchone(), (102, 50, 2550), "rows after COPY FROM")
    out = io.StringIO()
    cur.copy_expert("COPY (SELECT id, name FROM %s_items WHERE id > 100 ORDER BY id) TO STDOUT WITH CSV" % T, out)
    expect(out.getvalue(), '101,"a,b"\n102,"q""uote"\n', "COPY TO STDOUT csv")
    out = io.StringIO()
    cur.copy_to(out, T + "_items", columns=("id", "qty"))
    expect(len(out.getvalue().splitlines()), 102, "copy_to lines")
    c.rollback()
    c.close()


def t_named_cursor_itersize():
    c = connect()
    cur = c.cursor(name="drv_iter")
    cur.itersize = 100
    cur.execute("SELECT g, 'row' || g FROM generate_series(1, 1000) g")
    n = s = 0
    for g, txt in cur:
        n += 1
        s += g
        if txt != "row%d" % g:
            raise AssertionError("row %d: %r" % (g, txt))
    expect((n, s), (1000, 500500), "rows, sum")
    cur.close()
    c.rollback()
    c.close()


def t_named_cursor_fetchmany():
    c = connect()
    cur = c.cursor(name="drv_fm")
    cur.execute("SELECT g FROM generate_series(1, 95) g ORDER BY g")
    expect([r[0] for r in cur.fetchmany(10)], list(range(1, 11)), "fetchmany(10)")
    expect(cur.fetchone(), (11,), "fetchone")
    expect(len(cur.fetchmany(50)), 50, "fetchmany(50)")
    rest = cur.fetchall()
    expect((len(rest), rest[-1][0]), (34, 95), "fetchall rest")
    expect(cur.fetchmany(5), [], "fetchmany at end")
    cur.close()
    c.commit()
    # a named cursor with a parameter and a dict row factory
    cur = c.cursor(name="drv_fm2", cursor_factory=psycopg2.extras.RealDictCursor)
    cur.execute("SELECT g AS n, g * 2 AS twice FROM generate_series(1, %s) g", (7,))
    rows = cur.fetchall()
    expect(rows[-1], {"n": 7, "twice": 14}, "RealDictCursor row")
    cur.close()
    c.close()


def t_scrollable_cursor():
    c = connect()
    cur = c.cursor(name="drv_scroll", scrollable=True)
    cur.execute("SELECT g FROM generate_series(1, 20) g")
    cur.fetchmany(10)
    cur.scroll(-3)
    expect(cur.fetchone(), (8,), "after scroll(-3)")
    cur.scroll(0, mode="absolute")
    expect(cur.fetchone(), (1,), "after scroll(0, absolute)")
    cur.close()
    c.rollback()
    c.close()


def t_withhold_cursor():
    c = connect()
    cur = c.cursor(name="drv_hold", withhold=True)
    cur.itersize = 7
    cur.execute("SELECT g FROM generate_series(1, 30) g")
    first = cur.fetchmany(5)
    c.commit()  # a WITH HOLD cursor outlives its transaction
    rest = cur.fetchall()
    expect([r[0] for r in first + rest], list(range(1, 31)), "rows across commit")
    cur.close()
    c.commit()
    c.close()


def t_rollback():
    c = connect()
    cur = c.cursor()
    cur.execute("INSERT INTO " + T + "_items VALUES (1000, 'keep', 1)")
    c.commit()
    cur.execute("INSERT INTO " + T + "_items VALUES (1001, 'gone', 1)")
    cur.execute("UPDATE " + T + "_items SET qty = 99 WHERE id = 1000")
    c.rollback()
    cur.execute("SELECT id, qty FROM " + T + "_items WHERE id >= 1000 ORDER BY id")
    expect(cur.fetchall(), [(1000, 1)], "after rollback")
    # savepoints
    cur.execute("SAVEPOINT sp1")
    cur.execute("INSERT INTO " + T + "_items VALUES (1002, 'sp', 1)")
    cur.execute("ROLLBACK TO SAVEPOINT sp1")
    cur.execute("INSERT INTO " + T + "_items VALUES (1003, 'kept', 1)")
    c.commit()
    cur.execute("SELECT id FROM " + T + "_items WHERE id >= 1000 ORDER BY id")
    expect(cur.fetchall(), [(1000,), (1003,)], "after savepoint rollback")
    # the connection as a context manager commits
    with c:
        with c.cursor() as cur2:
            cur2.execute("DELETE FROM " + T + "_items WHERE id >= 1000")
    cur.execute("SELECT count(*) FROM " + T + "_items WHERE id >= 1000")
    expect(cur.fetchone()[0], 0, "after with-block")
    c.close()


def t_isolation_level():
    c = connect()
    c.set_session(isolation_level="SERIALIZABLE", readonly=True)
    cur = c.cursor()
    cur.execute("SHOW transaction_isolation")
    expect(cur.fetchone()[0], "serializable", "transaction_isolation")
    cur.execute("SHOW transaction_read_only")
    expect(cur.fetchone()[0], "on", "transaction_read_only")
    c.rollback()
    c.close()


def t_error_codes():
    c = connect()
    cur = c.cursor()
    cur.execute("INSERT INTO " + T + "_uniq VALUES ('a')")
    try:
        cur.execute("INSERT INTO " + T + "_uniq VALUES ('a')")
        raise AssertionError("no unique violation")
    except psycopg2.errors.UniqueViolation as e:
        expect(e.pgcode, "23505", "pgcode")
        expect(e.diag.constraint_name, T + "_uniq_k_key", "diag.constraint_name")
    expect(c.get_transaction_status(), psycopg2.extensions.TRANSACTION_STATUS_INERROR, "transaction status")
    try:
        cur.execute("SELECT 1")
        raise AssertionError("statement ran in an aborted transaction")
    except psycopg2.errors.InFailedSqlTransaction as e:
        expect(e.pgcode, "25P02", "pgcode in aborted transaction")
    c.rollback()
    try:
        cur.execute("SELECT * FROM drv_no_such_table_%s" % TAG)
        raise AssertionError("no error")
    except psycopg2.errors.UndefinedTable as e:
        expect(e.pgcode, "42P01", "pgcode")
    c.rollback()
    try:
        cur.execute("SELECT 1 / %s", (0,))
        raise AssertionError("no error")
    except psycopg2.errors.DivisionByZero as e:
        expect(e.pgcode, "22012", "pgcode")
    c.rollback()
    try:
        cur.execute("SELECT %s::int", ("x",))
        raise AssertionError("no error")
    except psycopg2.errors.InvalidTextRepresentation as e:
        expect(e.pgcode, "22P02", "pgcode")
    c.rollback()
    c.close()


def t_notices():
    c = connect()
    c.autocommit = True
    cur = c.cursor()
    cur.execute("DROP TABLE IF EXISTS drv_no_such_table_%s" % TAG)
    if not any("does not exist, skipping" in n for n in c.notices):
        raise AssertionError("no notice for DROP TABLE IF EXISTS: %r" % c.notices)
    c.close()


def t_do_raise_notice():
    c = connect()
    c.autocommit = True
    cur = c.cursor()
    cur.execute("DO $$ BEGIN RAISE NOTICE 'drv notice %', 42; END $$")
    if not any("drv notice 42" in n for n in c.notices):
        raise AssertionError("notices: %r" % c.notices)
    c.close()


def t_jsonb_operators():
    c = connect()
    cur = c.cursor()
    doc = psycopg2.extras.Json({"a": {"b": [1, 2]}, "s": "x", "n": None})
    cur.execute("""SELECT %(d)s::jsonb -> 'a', %(d)s::jsonb ->> 's', %(d)s::jsonb #>> '{a,b,1}',
                          %(d)s::jsonb @> '{"s": "x"}', %(d)s::jsonb ? 'n', %(d)s::jsonb - 'a'""", {"d": doc})
    expect(cur.fetchone(), ({"b": [1, 2]}, "x", "2", True, True, {"s": "x", "n": None}), "-> ->> #>> @> ? -")
    c.rollback()
    c.close()


def t_autocommit_and_status():
    c = connect()
    c.autocommit = True
    cur = c.cursor()
    cur.execute("INSERT INTO " + T + "_items VALUES (2000, 'ac', 5) RETURNING id, name")
    expect(cur.fetchone(), (2000, "ac"), "RETURNING")
    expect(cur.statusmessage, "INSERT 0 1", "statusmessage")
    c2 = connect()
    cur2 = c2.cursor()
    cur2.execute("SELECT qty FROM " + T + "_items WHERE id = 2000")
    expect(cur2.fetchone(), (5,), "seen by another connection")
    c2.close()
    cur.execute("DELETE FROM " + T + "_items WHERE id = 2000")
    expect(cur.statusmessage, "DELETE 1", "statusmessage")
    c.close()


def main():
    check("psycopg2.setup", setup)
    for name, fn in [("connect", t_connect), ("param_types", t_param_types),
                     ("executemany", t_executemany), ("copy", t_copy),
                     ("named_cursor_itersize", t_named_cursor_itersize),
                     ("named_cursor_fetchmany", t_named_cursor_fetchmany),
                     ("scrollable_cursor", t_scrollable_cursor),
                     ("withhold_cursor", t_withhold_cursor), ("rollback_savepoint", t_rollback),
                     ("isolation_level", t_isolation_level), ("error_codes", t_error_codes),
                     ("notices", t_notices), ("do_raise_notice", t_do_raise_notice),
                     ("jsonb_operators", t_jsonb_operators), ("autocommit", t_autocommit_and_status)]:
        check("psycopg2." + name, fn)
    check("psycopg2.teardown", teardown)


if __name__ == "__main__":
    main()
    sys.exit(3 if results["fail"] else 0)
