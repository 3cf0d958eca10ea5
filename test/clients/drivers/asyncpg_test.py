"""asyncpg (Debian's python3-asyncpg) as its users use it. asyncpg speaks only the extended
protocol with binary results, introspects types it does not know (enums, domains) through
pg_type, and copies records in COPY's binary format.
    /usr/bin/python3 asyncpg_test.py PORT"""
import asyncio
import datetime
import decimal
import json
import sys
import uuid

import asyncpg

from harness import DB, HOST, PORT, TAG, USER, check, expect, results

T = "drv_apg_%s" % TAG


def connect():
    return asyncpg.connect(host=HOST, port=PORT, user=USER, database=DB, timeout=10)


def run(coro_fn):
    """check() runs plain functions: each check gets its own event loop and connection."""
    def fn():
        async def main():
            conn = await connect()
            try:
                await coro_fn(conn)
            finally:
                await conn.close()
        asyncio.run(main())
    return fn


async def setup(conn):
    await conn.execute("DROP TABLE IF EXISTS %s_rec, %s_mood_t, %s_items" % (T, T, T))
    await conn.execute("DROP TYPE IF EXISTS %s_mood" % T)
    await conn.execute("CREATE TYPE %s_mood AS ENUM ('sad', 'ok', 'happy')" % T)
    await conn.execute("CREATE TABLE %s_mood_t (id int, m %s_mood)" % (T, T))
    await conn.execute("""CREATE TABLE %s_rec (id int PRIMARY KEY, name text, tags text[], nums int[],
                          at timestamptz, amount numeric(10,2), doc jsonb, u uuid, raw bytea, ok boolean)""" % T)
    await conn.execute("CREATE TABLE %s_items (id int PRIMARY KEY, name text)" % T)


async def teardown(conn):
    await conn.execute("DROP TABLE IF EXISTS %s_rec, %s_mood_t, %s_items" % (T, T, T))
    await conn.execute("DROP TYPE IF EXISTS %s_mood" % T)


async def t_connect(conn):
    expect(await conn.fetchval("SELECT 1"), 1, "select 1")
    v = conn.get_server_version()
    if v.major != 15:
        raise AssertionError("server version %r" % (v,))
    expect(await conn.fetchval("SELECT current_user"), USER, "current_user")


async def t_arrays(conn):
    row = await conn.fetchrow("SELECT $1::int[] AS a, $2::text[] AS b, $3::int8[] AS c, $4::float8[] AS d",
                              [1, 2, None, -4], ["x", "y z", None, "\u00e9", ""], [2 ** 40], [0.5, -1.25])
    expect(row["a"], [1, 2, None, -4], "int[]")
    expect(row["b"], ["x", "y z", None, "\u00e9", ""], "text[]")
    expect(row["c"], [2 ** 40], "int8[]")
    expect(row["d"], [0.5, -1.25], "float8[]")
    expect(await conn.fetchval("SELECT $1::int[]", []), [], "empty int[]")
    expect(await conn.fetchval("SELECT ARRAY[[1,2],[3,4]]"), [[1, 2], [3, 4]], "2-D int[] result")
    expect(await conn.fetchval("SELECT $1::int[][]", [[1, 2], [3, 4]]), [[1, 2], [3, 4]], "2-D int[] param")
    expect(await conn.fetchval("SELECT array_length($1::text[], 1)", ["a", "b", "c"]), 3, "array_length")
    expect(await conn.fetchval("SELECT 3 = ANY($1::int[])", [1, 2, 3]), True, "= ANY($1)")
    expect(await conn.fetchval("SELECT array_agg(g ORDER BY g) FROM generate_series(1, 5) g"),
           [1, 2, 3, 4, 5], "array_agg result")


async def t_enum(conn):
    await conn.execute("INSERT INTO %s_mood_t VALUES ($1, $2), ($3, $4)" % T, 1, "happy", 2, "sad")
    expect(await conn.fetchval("SELECT m FROM %s_mood_t WHERE id = $1" % T, 1), "happy", "enum result")
    expect(await conn.fetchval("SELECT id FROM %s_mood_t WHERE m = $1" % T, "sad"), 2, "enum parameter")
    expect(await conn.fetchval("SELECT $1::%s_mood[]" % T, ["ok", "sad"]), ["ok", "sad"], "enum[] parameter")
    expect(await conn.fetchval("SELECT count(*) FROM %s_mood_t WHERE m > 'sad'" % T), 1, "enum order")


async def t_scalar_types(conn):
    u = uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")
    at = datetime.datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=datetime.timezone.utc)
    amount = decimal.Decimal("-12345678.90")
    doc = {"a": [1, 2.5, None], "b": {"c": "d\u00e9"}}
    row = await conn.fetchrow("""SELECT $1::uuid AS u, $2::jsonb AS j, $3::timestamptz AS t, $4::numeric AS n,
                                 $5::bytea AS b, $6::date AS d, $7::interval AS i, $8::bool AS bo,
                                 $9::int8 AS big, $10::float4 AS f4, $11::json AS js""",
                              u, json.dumps(doc), at, amount, b"\x00\xff", datetime.date(2000, 1, 1),
                              datetime.timedelta(days=1, seconds=5), True, -2 ** 62, 1.5, '{"x": 1}')
    expect(row["u"], u, "uuid")
    expect(json.loads(row["j"]), doc, "jsonb")
    expect(row["t"], at, "timestamptz")
    expect(row["n"], amount, "numeric")
    expect(row["b"], b"\x00\xff", "bytea")
    expect(row["d"], datetime.date(2000, 1, 1), "date")
    expect(row["i"], datetime.timedelta(days=1, seconds=5), "interval")
    expect(row["bo"], True, "bool")
    expect(row["big"], -2 ** 62, "int8")
    expect(row["f4"], 1.5, "float4")
    expect(json.loads(row["js"]), {"x": 1}, "json")
    expect((await conn.fetchval("SELECT 'NaN'::numeric")).is_nan(), True, "numeric NaN")
    expect(await conn.fetchval("SELECT 123456789012345678901234567890.123456789::numeric"),
           decimal.Decimal("123456789012345678901234567890.123456789"), "wide numeric")
    expect(await conn.fetchval("SELECT $1::int IS NULL", None), True, "NULL parameter")


async def t_json_codec(conn):
    # set_type_codec looks the type up in pg_type
    await conn.set_type_codec("jsonb", encoder=json.dumps, decoder=json.loads, schema="pg_catalog")
    expect(await conn.fetchval("SELECT $1::jsonb", {"k": [1, {"z": True}]}), {"k": [1, {"z": True}]}, "jsonb codec")
    await conn.set_type_codec("json", encoder=json.dumps, decoder=json.loads, schema="pg_catalog")
    expect(await conn.fetchval("SELECT $1::json", [1, "a"]), [1, "a"], "json codec")


async def t_prepared(conn):
    stmt = await conn.prepare("SELECT $1::int * 2 AS twice, $2::text || '!' AS bang")
    expect([a.name for a in stmt.get_attributes()], ["twice", "bang"], "attributes")
    expect([p.name for p in stmt.get_parameters()], ["int4", "text"], "parameter types")
    for i in range(12):
        expect(tuple(await stmt.fetchrow(i, "s%d" % i)), (i * 2, "s%d!" % i), "run %d" % i)
    # the statement cache: the same query text over and over
    for i in range(8):
        expect(await conn.fetchval("SELECT $1::int + 100", i), i + 100, "cached run %d" % i)
    rows = await stmt.fetch(3, "x")
    expect(len(rows), 1, "fetch")


async def t_copy_records(conn):
    at = datetime.datetime(2024, 1, 1, 12, tzinfo=datetime.timezone.utc)
    records = [(i, "n%d" % i, ["t%d" % i, None], [i, i + 1], at + datetime.timedelta(hours=i),
                decimal.Decimal("%d.25" % i), json.dumps({"i": i}), uuid.UUID(int=i), bytes([i % 256]), i % 2 == 0)
               for i in range(1, 501)]
    res = await conn.copy_records_to_table(T + "_rec", records=records)
    expect(res, "COPY 500", "status")
    row = await conn.fetchrow("SELECT count(*) AS c, sum(amount) AS s, max(at) AS m FROM %s_rec" % T)
    expect((row["c"], row["s"], row["m"]), (500, decimal.Decimal("125375.00"), at + datetime.timedelta(hours=500)),
           "count, sum, max")
    r = await conn.fetchrow("SELECT * FROM %s_rec WHERE id = 7" % T)
    expect((r["name"], r["tags"], r["nums"], json.loads(r["doc"]), r["u"], r["raw"], r["ok"]),
           ("n7", ["t7", None], [7, 8], {"i": 7}, uuid.UUID(int=7), b"\x07", False), "row 7")
    # a subset of the columns
    res = await conn.copy_records_to_table(T + "_items", records=[(1, "a"), (2, None)], columns=["id", "name"])
    expect(res, "COPY 2", "status of column subset")
    # and out again, in text
    out = []

    async def sink(data):
        out.append(data)
    res = await conn.copy_from_query("SELECT id, name FROM %s_items ORDER BY id" % T, output=sink)
    expect(res, "COPY 2", "copy_from_query status")
    expect(b"".join(out), b"1\ta\n2\t\\N\n", "copy_from_query")
    await conn.execute("DELETE FROM %s_items" % T)


async def t_cursor(conn):
    # iteration: Execute on a named portal with a row limit, PortalSuspended between batches
    async with conn.transaction():
        n = s = 0
        async for r in conn.cursor("SELECT g FROM generate_series(1, 1000) g WHERE g > $1", 0, prefetch=50):
            n += 1
            s += r["g"]
        expect((n, s), (1000, 500500), "iterated rows")
        cur = await conn.cursor("SELECT g FROM generate_series(1, 100) g")
        expect([r[0] for r in await cur.fetch(5)], [1, 2, 3, 4, 5], "cursor.fetch(5)")
        expect((await cur.fetchrow())[0], 6, "cursor.fetchrow")
        expect(len(await cur.fetch(1000)), 94, "rest")


async def t_cursor_forward(conn):
    # cursor.forward(n) sends the SQL statement MOVE FORWARD n <portal name>
    async with conn.transaction():
        cur = await conn.cursor("SELECT g FROM generate_series(1, 100) g")
        expect([r[0] for r in await cur.fetch(5)], [1, 2, 3, 4, 5], "cursor.fetch(5)")
        expect(await cur.forward(10), 10, "cursor.forward(10)")
        expect((await cur.fetchrow())[0], 16, "cursor.fetchrow after forward")


async def t_executemany(conn):
    await conn.executemany("INSERT INTO %s_items (id, name) VALUES ($1, $2)" % T,
                           [(i, "name%d" % i) for i in range(100)])
    expect(await conn.fetchval("SELECT count(*) FROM %s_items" % T), 100, "count")
    expect(await conn.fetchval("SELECT name FROM %s_items WHERE id = 42" % T), "name42", "row 42")
    await conn.execute("DELETE FROM %s_items" % T)


async def t_transaction(conn):
    try:
        async with conn.transaction():
            await conn.execute("INSERT INTO %s_items VALUES (1, 'a')" % T)
            async with conn.transaction():  # a savepoint
                await conn.execute("INSERT INTO %s_items VALUES (2, 'b')" % T)
                raise RuntimeError("roll back the savepoint")
    except RuntimeError:
        pass
    expect(await conn.fetchval("SELECT count(*) FROM %s_items" % T), 0, "after outer rollback")
    async with conn.transaction(isolation="serializable"):
        expect(await conn.fetchval("SHOW transaction_isolation"), "serializable", "isolation")
        await conn.execute("INSERT INTO %s_items VALUES (1, 'a')" % T)
        try:
            async with conn.transaction():
                await conn.execute("INSERT INTO %s_items VALUES (2, 'b')" % T)
                raise RuntimeError()
        except RuntimeError:
            pass
    expect([r["id"] for r in await conn.fetch("SELECT id FROM %s_items" % T)], [1], "after savepoint rollback")
    await conn.execute("DELETE FROM %s_items" % T)


async def t_errors(conn):
    await conn.execute("INSERT INTO %s_items VALUES (500, 'x')" % T)
    try:
        await conn.execute("INSERT INTO %s_items VALUES ($1, 'y')" % T, 500)
        raise AssertionError("no error")
    except asyncpg.UniqueViolationError as e:
        expect(e.sqlstate, "23505", "sqlstate")
        expect(e.constraint_name, T + "_items_pkey", "constraint_name")
    try:
        await conn.fetch("SELECT * FROM drv_no_such_%s" % TAG)
        raise AssertionError("no error")
    except asyncpg.UndefinedTableError as e:
        expect(e.sqlstate, "42P01", "sqlstate")
    try:
        await conn.fetchval("SELECT $1::int / 0", 1)
        raise AssertionError("no error")
    except asyncpg.DivisionByZeroError as e:
        expect(e.sqlstate, "22012", "sqlstate")
    expect(await conn.fetchval("SELECT 2"), 2, "connection usable after errors")
    await conn.execute("DELETE FROM %s_items" % T)


async def t_pool(conn):
    pool = await asyncpg.create_pool(host=HOST, port=PORT, user=USER, database=DB, min_size=2, max_size=4)
    try:
        vals = await asyncio.gather(*[pool.fetchval("SELECT $1::int * $1::int", i) for i in range(20)])
        expect(vals, [i * i for i in range(20)], "pooled results")
    finally:
        await pool.close()


def main():
    check("asyncpg.setup", run(setup))
    for name, fn in [("connect", t_connect), ("arrays_binary", t_arrays), ("enum", t_enum),
                     ("scalar_types", t_scalar_types), ("jsonb_type_codec", t_json_codec),
                     ("prepared_reuse", t_prepared), ("copy_records_to_table", t_copy_records),
                     ("cursor_in_transaction", t_cursor), ("cursor_forward", t_cursor_forward),
                     ("executemany", t_executemany),
                     ("transaction_savepoint", t_transaction), ("error_codes", t_errors), ("pool", t_pool)]:
        check("asyncpg." + name, run(fn))
    check("asyncpg.teardown", run(teardown))


if __name__ == "__main__":
    main()
    sys.exit(3 if results["fail"] else 0)
