#!/usr/bin/env python3
"""Writes the seed corpora of the libFuzzer targets (test/fuzz/targets/) into this directory.

    python3 test/fuzz/corpus/make_seeds.py          # wire/, sql/, text_input/, binary_input/
    TUSK_FUZZ_DUMP_SEEDS=test/fuzz/corpus/codecs build-asan/fuzz_codecs -runs=0   # codecs/

wire: protocol sessions built with struct (simple and extended query, COPY in and out,
transactions, errors, the startup phase in raw mode); sql: statements of test/regress/sql/*.sql,
one per file; text_input / binary_input: literals and binary values of every type; plpgsql: the
PL/pgSQL bodies of test/regress/sql/{plpgsql,triggers,functions}.
"""
import hashlib
import os
import re
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))


def write(target, name, data):
    d = os.path.join(HERE, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


# ---- wire ---------------------------------------------------------------------------------
def msg(kind, body=b""):
    return kind.encode() + struct.pack("!i", len(body) + 4) + body


def cstr(s):
    return (s.encode() if isinstance(s, str) else s) + b"\0"


def Q(sql):
    return msg("Q", cstr(sql))


def P(name, sql, oids=()):
    return msg("P", cstr(name) + cstr(sql) + struct.pack("!h", len(oids)) + b"".join(struct.pack("!I", o) for o in oids))


def B(portal, stmt, params=(), formats=(), result_formats=()):
    body = cstr(portal) + cstr(stmt) + struct.pack("!h", len(formats)) + b"".join(struct.pack("!h", f) for f in formats)
    body += struct.pack("!h", len(params))
    for p in params:
        if p is None:
            body += struct.pack("!i", -1)
        else:
            p = p.encode() if isinstance(p, str) else p
            body += struct.pack("!i", len(p)) + p
    body += struct.pack("!h", len(result_formats)) + b"".join(struct.pack("!h", f) for f in result_formats)
    return msg("B", body)


def D(kind, name):
    return msg("D", kind.encode() + cstr(name))


def E(portal, max_rows=0):
    return msg("E", cstr(portal) + struct.pack("!i", max_rows))


def C(kind, name):
    return msg("C", kind.encode() + cstr(name))


S, H, X = msg("S"), msg("H"), msg("X")


def startup(params, version=196608):
    body = struct.pack("!i", version) + b"".join(cstr(k) + cstr(v) for k, v in params) + b"\0"
    return struct.pack("!i", len(body) + 4) + body


COOKED, RAW = b"\x00", b"\x0f"  # first byte: the target prefixes a startup packet / not

wire = {
    "simple-select": Q("SELECT 1") + X,
    "simple-multi": Q("SELECT * FROM a WHERE id = 1; INSERT INTO b (a_id, qty) VALUES (1, 5) RETURNING *; SELECT count(*) FROM b") + X,
    "simple-error": Q("SELECT 1/0") + Q("SELECT nosuchcol FROM a") + Q("") + X,
    "simple-ddl": Q("CREATE TABLE t (x int PRIMARY KEY, y text); INSERT INTO t VALUES (1, 'a'); SELECT * FROM t") + X,
    "extended-basic": P("", "SELECT $1::int + id, name FROM a WHERE name = $2", [23, 25]) + B("", "", ["1", "one"])
    + D("P", "") + E("", 0) + S + X,
    "extended-binary": P("s1", "SELECT id, price, ts, doc, tags FROM a WHERE id = $1", [23])
    + D("S", "s1") + B("p1", "s1", [struct.pack("!i", 1)], [1], [1]) + E("p1", 0) + S
    + B("p2", "s1", [struct.pack("!i", 2)], [1], [0]) + E("p2", 0) + S + X,
    "extended-suspend": P("", "SELECT * FROM generate_series(1, 5)") + B("", "") + E("", 2) + E("", 2) + E("", 0)
    + C("P", "") + C("S", "") + S + X,
    "extended-params": P("ins", "INSERT INTO b (a_id, qty, note) VALUES ($1, $2, $3) RETURNING id", [0, 0, 0])
    + B("", "ins", ["2", "7", None]) + E("") + B("", "ins", ["9", "1", "x"]) + E("") + S + X,
    "extended-error": P("", "SELEC 1") + B("", "") + E("") + S + P("", "SELECT $1") + H + B("", "", ["x"]) + E("") + S
    + Q("SELECT 2") + X,
    "extended-notypes": P("q", "SELECT $1, $2::numeric, $3::timestamptz, $4::jsonb, $5::int[]")
    + B("", "q", ["t", "1.5", "2024-01-01 00:00+00", '{"a": 1}', "{1,2}"]) + D("P", "") + E("") + S + X,
    "copy-in": Q("COPY s2.c (k, v) FROM STDIN") + msg("d", b"x\t{1,2}\ny\t\\N\n") + msg("c") + Q("SELECT * FROM s2.c") + X,
    "copy-in-csv": Q("COPY b (a_id, qty, note) FROM STDIN (FORMAT csv, HEADER)") + msg("d", b"a_id,qty,note\n1,4,\"q\"\"\"\n")
    + msg("c") + X,
    "copy-fail": Q("COPY s2.c FROM STDIN") + msg("d", b"z\t{3}\t2024-01-01\n") + msg("f", cstr("client gave up")) + Q("SELECT 1") + X,
    "copy-out": Q("COPY a TO STDOUT") + Q("COPY (SELECT id, name FROM a ORDER BY id) TO STDOUT (FORMAT csv, HEADER)") + X,
    "copy-stray": msg("d", b"stray") + msg("c") + msg("f", cstr("x")) + Q("SELECT 1") + X,
    "transaction": Q("BEGIN") + Q("SAVEPOINT s") + Q("SELECT 1/0") + Q("ROLLBACK TO s") + Q("UPDATE a SET name = 'x' WHERE id = 3")
    + Q("COMMIT") + X,
    "transaction-failed": Q("BEGIN ISOLATION LEVEL SERIALIZABLE") + Q("SELECT x") + Q("SELECT 1") + P("", "SELECT 1") + S
    + Q("ROLLBACK") + X,
    "settings": Q("SET timezone = 'America/New_York'; SET datestyle = 'ISO, DMY'; SHOW timezone; SELECT now()::text <> ''") + X,
    "no-terminate": Q("SELECT name FROM a ORDER BY name"),
    "truncated": Q("SELECT 1")[:-3],
    "bad-type": msg("?", b"x") + X,
    "bad-length": b"Q\x00\x00\x00\x02",
    "huge-length": b"Q\x0f\xff\xff\xff",
    "describe-missing": D("S", "nope") + D("P", "nope") + D("Z", "") + S + C("Z", "") + X,
    "flush-sync": H + S + S + X,
}
for name, data in wire.items():
    write("wire", name, COOKED + data)

raw = {
    "startup": startup([("user", "postgres"), ("database", "postgres")]) + Q("SELECT 1") + X,
    "ssl-then-startup": struct.pack("!ii", 8, 80877103) + startup([("user", "postgres"), ("application_name", "psql")]) + X,
    "gss-then-startup": struct.pack("!ii", 8, 80877104) + startup([("user", "postgres"), ("TimeZone", "UTC"), ("DateStyle", "ISO")]) + X,
    "cancel": struct.pack("!iiii", 16, 80877102, 1000, 1234),
    "bad-version": startup([("user", "postgres")], version=0x00020000),
    "no-user": startup([("database", "postgres")]),
    "unknown-role": startup([("user", "nobody")]),
    "bad-layout": struct.pack("!ii", 13, 196608) + b"user\0",
    "too-long": struct.pack("!i", 20000) + b"\0" * 16,
    "startup-options": startup([("user", "postgres"), ("options", "-c search_path=s2"), ("search_path", "s2"),
                                ("statement_timeout", "100"), ("client_encoding", "UTF8")]) + Q("SHOW search_path") + X,
    "sasl-stray": startup([("user", "postgres")]) + msg("p", cstr("SCRAM-SHA-256") + struct.pack("!i", 3) + b"n,,") + X,
}
for name, data in raw.items():
    write("wire", "raw-" + name, RAW + data)


# ---- sql ----------------------------------------------------------------------------------
def statements(text):
    """Splits a psql script into statements (quotes, dollar quotes, comments; drops \\ commands)."""
    out, cur, i, n = [], [], 0, len(text)
    while i < n:
        c = text[i]
        if c == "-" and text.startswith("--", i):
            j = text.find("\n", i)
            i = n if j < 0 else j + 1
            continue
        if c == "\\" and (not "".join(cur).strip()) and (i == 0 or text[i - 1] == "\n"):
            j = text.find("\n", i)
            i = n if j < 0 else j + 1
            continue
        if c == "'" or c == '"':
            j = i + 1
            while j < n:
                if text[j] == c:
                    if j + 1 < n and text[j + 1] == c:
                        j += 2
                        continue
                    break
                j += 1
            cur.append(text[i:j + 1])
            i = j + 1
            continue
        m = re.match(r"\$[A-Za-z_]*\$", text[i:i + 40]) if c == "$" else None
        if m:
            tag = m.group(0)
            j = text.find(tag, i + len(tag))
            j = n if j < 0 else j + len(tag)
            cur.append(text[i:j])
            i = j
            continue
        if c == ";":
            s = "".join(cur).strip()
            if s:
                out.append(s)
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    return out


seen = set()
stmts = []
sqldir = os.path.join(ROOT, "test", "regress", "sql")
for fn in sorted(os.listdir(sqldir)):
    if not fn.endswith(".sql"):
        continue
    with open(os.path.join(sqldir, fn), encoding="utf-8", errors="replace") as f:
        for s in statements(f.read()):
            key = re.sub(r"\s+", " ", s)
            if len(key) > 600 or key in seen:
                continue
            seen.add(key)
            stmts.append((fn[:-4], key))
# At most 12 per file, up to 400: spread over the areas the regression files cover.
per_file = {}
chosen = []
for fn, s in stmts:
    if per_file.get(fn, 0) >= 12:
        continue
    per_file[fn] = per_file.get(fn, 0) + 1
    chosen.append((fn, s))
for fn, s in chosen[:400]:
    write("sql", fn + "-" + hashlib.sha1(s.encode()).hexdigest()[:10], s)

# ---- text_input ---------------------------------------------------------------------------
BASES = ["bool", "bytea", "char", "name", "int8", "int2", "int4", "regproc", "text", "oid", "json", "float4",
         "float8", "unknown", "bpchar", "varchar", "date", "time", "timestamp", "timestamptz", "interval",
         "numeric", "regclass", "uuid", "jsonb", "regtype", "jsonpath"]
TYPES = BASES + ["enum"]  # then the array of each, at len(TYPES) + i
literals = {
    "bool": ["t", "  FALSE ", "yes", "of", "1"],
    "bytea": ["\\x00ff", "\\xDEADbeef", "abc\\\\d\\001", "\\x0"],
    "char": ["x", "", "é"],
    "name": ["pg_class"],
    "int8": ["9223372036854775807", "-9223372036854775808", " +12 ", "1_000", "0x1F"],
    "int2": ["32767", "-32769", "12a"],
    "int4": ["2147483647", "-0", "0b101", "0o17", "1e3"],
    "oid": ["4294967295", "-1"],
    "json": ['{"a": [1, 2.5e3, true, null, "\\u00e9"]}', '[', '"\\ud800"'],
    "float4": ["3.4028235e38", "1e-45", "NaN", "-Infinity", "1.5e"],
    "float8": ["1.7976931348623157e308", "4.9e-324", "inf", "  -0  ", "1e400"],
    "bpchar": ["ab  ", ""],
    "varchar": ["hello", "hello world"],
    "date": ["2024-02-29", "epoch", "infinity", "-infinity", "today", "J2451545", "5874897-12-31", "4714-11-24 BC",
             "January 8, 1999", "1999-Jan-08", "08-Jan-1999", "19990108", "1/8/1999", "2023-02-30"],
    "time": ["04:05:06.789", "allballs", "24:00:00", "04:05 PM", "040506", "23:59:59.9999999"],
    "timestamp": ["2024-01-01 00:00:00", "epoch", "infinity", "1999-01-08 04:05:06 BC", "294276-12-31 23:59:59.999999",
                  "2024-01-01T10:00:00.123456", "now", "tomorrow", "Jan 8 04:05:06 1999"],
    "timestamptz": ["2024-01-01 00:00:00+02", "2024-03-10 02:30 America/New_York", "1999-01-08 04:05:06 PST",
                    "2024-01-01 00:00:00 -03:30", "2024-01-01 00:00:00Z", "-infinity", "2024-01-01 00:00:00+14:59"],
    "interval": ["1 day 2 hours", "P1Y2M3DT4H5M6S", "-1 mon +2 days -3:04:05.6", "1 year ago", "123:04:05.67",
                 "@ 1 minute", "178000000 years", "P0002-06-07T01:30:00", "1.5 weeks", "5:"],
    "numeric": ["0", "-1.50", "1e1000", "NaN", "123456789012345678901234567890.000000000001", ".5", "1e-1000", "inf"],
    "regclass": ["a"],
    "uuid": ["a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "{A0EEBC99-9C0B4EF8-BB6D6BB9-BD380A11}", "a0eebc999c0b4ef8bb6d6bb9bd380a11"],
    "jsonb": ['{"b": 1, "a": [1, {"c": null}], "a": 2}', "1.000e2", '"\\u0000"', "[" * 10 + "]" * 10],
    "enum": ["sad", "happy", "with space", "nope"],
    "jsonpath": ['strict $.a[*] ? (@.b > 1 && @.c like_regex "^x" flag "i").size()', "$.**{2 to last}.keyvalue()",
                 "-$.a[last - 1 to last] + 1e3", '$"v" starts with "p"', "(@ == 1) is unknown", "$.a.", "1.type()"],
}
arrays = {
    "int4": ["{1,2,NULL}", "[0:2]={1,2,3}", "{}", '{"1", 2}', "{{1,2},{3,4}}", "{1,"],
    "text": ['{a,"b c","",NULL,"NULL","q\\"x"}', "{ a , b }"],
    "numeric": ["{1.5,NaN}"],
    "timestamptz": ['{"2024-01-01 00:00+00",infinity}'],
    "bool": ["{t,f}"],
    "enum": ["{sad,ok}"],
    "jsonb": ['{"{\\"a\\":1}","[]"}'],
    "bytea": ['{"\\\\x00ff"}'],
}
for tname, values in literals.items():
    for k, v in enumerate(values):
        flags = [0, 1, 2, 3][k % 4]
        write("text_input", f"{tname}-{k}", bytes([TYPES.index(tname), flags]) + v.encode())
for tname, values in arrays.items():
    for k, v in enumerate(values):
        write("text_input", f"{tname}-array-{k}", bytes([len(TYPES) + TYPES.index(tname), 0]) + v.encode())
for tname, mod in [("varchar", 4 | (3 << 4)), ("bpchar", 4 | 8 | (2 << 4)), ("numeric", 4 | (7 << 4)), ("timestamptz", 4 | (2 << 4)),
                   ("time", 4 | (0 << 4))]:
    write("text_input", f"{tname}-typmod", bytes([TYPES.index(tname), mod]) + literals[tname][1].encode())

# ---- binary_input -------------------------------------------------------------------------
BTYPES = BASES + ["enum", "int4[]"]


def numeric_bin(ndigits, weight, sign, dscale, digits):
    return struct.pack("!hhHh", ndigits, weight, sign, dscale) + b"".join(struct.pack("!h", d) for d in digits)


binary = {
    "bool": [b"\x01", b"\x00", b"\x02"],
    "bytea": [b"\x00\xff\x10"],
    "char": [b"x"],
    "int8": [struct.pack("!q", -(2 ** 63)), struct.pack("!q", 42)],
    "int2": [struct.pack("!h", -32768), b"\x01"],
    "int4": [struct.pack("!i", 2 ** 31 - 1), b"\x00\x00\x00\x00\x00"],
    "oid": [struct.pack("!I", 2 ** 32 - 1)],
    "text": ["héllo".encode(), b"\xff\xfe"],
    "json": [b'{"a": 1}'],
    "float4": [struct.pack("!f", 1.5), struct.pack("!I", 0x7FC00000), struct.pack("!I", 0x00000001)],
    "float8": [struct.pack("!d", -0.0), struct.pack("!Q", 0x7FF0000000000000), struct.pack("!Q", 0x7FF8000000000001)],
    "varchar": [b"abc"],
    "bpchar": [b"ab  "],
    "date": [struct.pack("!i", 0), struct.pack("!i", 2 ** 31 - 1), struct.pack("!i", -(2 ** 31)), struct.pack("!i", 2147483647 - 1)],
    "time": [struct.pack("!q", 86400000000), struct.pack("!q", -1), struct.pack("!q", 45296789000)],
    "timestamp": [struct.pack("!q", 0), struct.pack("!q", 2 ** 63 - 1), struct.pack("!q", -(2 ** 63)), struct.pack("!q", 9223371331200000000)],
    "timestamptz": [struct.pack("!q", 757382400000000), struct.pack("!q", -211813488000000000)],
    "interval": [struct.pack("!qii", 3600000000, 1, 2), struct.pack("!qii", -(2 ** 63), -(2 ** 31), -(2 ** 31))],
    "numeric": [numeric_bin(2, 0, 0, 2, [1, 5000]), numeric_bin(0, 0, 0xC000, 0, []), numeric_bin(1, 0, 0x4000, 0, [7]),
                numeric_bin(1, 32767, 0, 0, [1]), numeric_bin(3, -5, 0, 30, [9999, 10000, 1]), numeric_bin(1, 0, 0xD000, 0, [0])],
    "uuid": [bytes(range(16))],
    "jsonb": [b'\x01{"a": [1, 2]}', b"\x02{}", b""],
    "regclass": [struct.pack("!I", 1259)],
    "enum": [b"ok", b"nope"],
    "int4[]": [b"\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x17\x00\x00\x00\x01\x00\x00\x00\x01\x00\x00\x00\x04\x00\x00\x00\x05"],
}
for tname, values in binary.items():
    for k, v in enumerate(values):
        write("binary_input", f"{tname.replace('[]', '-array')}-{k}", bytes([BTYPES.index(tname), k % 4]) + v)

# ---- codecs (modes 2 and 3; modes 0 and 1 come from TUSK_FUZZ_DUMP_SEEDS) ------------------
for k, seed in enumerate([b"\x02\x03\x02\x01\x05\x01\x03\x01\x02\x00\x05abcde", b"\x02\x04" + bytes(range(60)),
                          b"\x03\x0b\x0c\x05\x01" + b"\x00" * 8 + b"\x01\x03abc" + b"\x01" + b"\x07" * 8 + b"\x01\x02xy",
                          b"\x03\x0b\x8b\x13\x11\x03\x12\x05\x01\x07\x11\x03\x02\x01\x09\x09",
                          b"\x03\x11\x11\x00" + bytes(range(1, 80)), b"\x03\x09\x0a\x0f" + b"\xff\x80" * 30]):
    write("codecs", f"gen-{k}", seed)


# ---- plpgsql ------------------------------------------------------------------------------
# The bodies of the regression files' PL/pgSQL functions and DO blocks, byte 0 the signature
# bits of targets/plpgsql.cpp as far as the CREATE statement tells them.
def plpgsql_seeds():
    out = []
    for sub in ("plpgsql", "triggers", "functions"):
        d = os.path.join(ROOT, "test", "regress", "sql", sub)
        if not os.path.isdir(d):
            continue
        for fn in sorted(os.listdir(d)):
            text = open(os.path.join(d, fn), encoding="utf-8", errors="replace").read()
            for m in re.finditer(r"(\$[a-z_]*\$)(.*?)\1", text, re.S):
                head = text[max(0, m.start() - 300):m.start()].lower().rsplit(";", 1)[-1]
                if "plpgsql" not in head + text[m.end():m.end() + 40].lower() and "do" not in head.split():
                    continue
                bits = 0
                if "returns trigger" in head:
                    bits |= 1
                if "returns setof" in head or "returns table" in head:
                    bits |= 2
                if "returns void" in head or head.strip().startswith("do") or "procedure" in head:
                    bits |= 4
                if re.search(r"\bout\b|\binout\b", head):
                    bits |= 8
                if "procedure" in head:
                    bits |= 16
                out.append(bytes([bits]) + m.group(2).encode())
    return out


for body in plpgsql_seeds():
    write("plpgsql", hashlib.sha1(body).hexdigest()[:10], body)
