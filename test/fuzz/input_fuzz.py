"""Differential fuzzing of type input: random text, built from pieces that matter to the
parsers, is cast to a type on Tusk and on PostgreSQL 15; the values (as text) or the error
SQLSTATEs must agree. Covers interval input in both of PostgreSQL's forms (postgres style and
ISO 8601), date, timestamp and timestamptz input (TimeZone UTC on both), and json / jsonb
input (normalized output, escapes, number forms, duplicate keys, broken tokens).

usage: input_fuzz.py TUSK_PORT PG_PORT [COUNT] [SEED] [TYPE]
Prints each difference and "input fuzz: N passed, M failed" last.
"""
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "clients"))
import pgwire  # noqa: E402

# Postgres-style interval fields: numbers, clock times, year-month pairs, units, noise.
INTERVAL_WORDS = [
    "1", "5", "-3", "+2", "0.5", "1.25", "-.5", ".", "12:30", "1:2:3.5", "-1:00", "+01:30:00", "99:59", "1:60",
    "75:05.5", "5:", "1::", "1-2", "-1-11", "1-", "2147483647", "9999999999", "9223372036854775807", "day", "days",
    "hour", "h", "min", "m", "s", "sec", "ms", "us", "week", "mon", "month", "y", "year", "dec", "c", "mil", "ago",
    "@", ",", "microseconds", "milliseconds", "fortnight", "x", "-", "t", "pm", "P1D", "PT1.5H",
]
# ISO 8601 pieces, glued after a "P".
ISO_PIECES = [
    "1", "2", "-3", "0.5", "12", "00020607", "013000", "0002", "06", "07", "1.5", "1e3", "99999999999", "1e16",
    "-", "T", ":", "Y", "M", "W", "D", "H", "S", ".", "x", "P", "p", "t", "5:", " ",
]


def interval_text(rng):
    if rng.random() < 0.3:
        return "P" + "".join(rng.choice(ISO_PIECES) for _ in range(rng.randint(1, 7)))
    s = " ".join(rng.choice(INTERVAL_WORDS) for _ in range(rng.randint(1, 5)))
    return s.replace(" ", "") if rng.random() < 0.2 else s


# Date and time pieces: numbers of every width PostgreSQL tells apart, month and day names,
# separators, clock times, zones, eras and special words (nothing that depends on the clock).
DATETIME_PIECES = [
    "1", "01", "12", "13", "29", "31", "99", "100", "2024", "1999", "0001", "10000", "294276", "5874897",
    "20240115", "240115", "2024.015", "-", "/", ".", " ", " ", ",", "T", "12:30", "23:59:59.999999", "24:00",
    "25:00", "1:2:3", "+02", "-0530", "+14:00", " UTC", " Z", " America/New_York", " PST", " BC", " AD",
    "jan", "January", "feb", "Mon", "allballs", "epoch", "infinity", "-infinity", " am", " pm", "J2451545", "x",
]


def datetime_text(rng):
    return "".join(rng.choice(DATETIME_PIECES) for _ in range(rng.randint(1, 6))).strip()


# JSON text: well-formed values most of the time, with the number spellings, escapes, blanks
# and duplicate keys that normalization must get right, and some broken tokens.
JSON_SCALARS = ["0", "-0", "1.50", "1e2", "1E-2", "-0.0", "12345678901234567890.123", "1e400", ".5", "01", "1.",
                "true", "false", "null", "nul", "tru", '""', '"a"', '"\\u00e9"', '"\\ud83d\\ude00"', '"\\u0000"',
                '"\\n\\t\\"\\\\"', '"\\x"', '"tab\there"', "NaN", "Infinity", "-"]


def json_text(rng, depth=0):
    k = rng.random()
    blank = rng.choice(["", "", " ", "\n", "  \t"])
    if depth >= 3 or k < 0.45:
        return blank + rng.choice(JSON_SCALARS) + blank
    if k < 0.7:
        items = [json_text(rng, depth + 1) for _ in range(rng.randint(0, 4))]
        return blank + "[" + ",".join(items) + rng.choice(["]", "]", "]", ",]", ""]) + blank
    keys = ['"a"', '"b"', '"a"', '"aa"', '"\\u0061"', '""', "a"]
    pairs = ["%s%s:%s" % (rng.choice(keys), blank, json_text(rng, depth + 1)) for _ in range(rng.randint(0, 4))]
    return blank + "{" + ",".join(pairs) + rng.choice(["}", "}", "}", ",}"]) + blank


TYPES = [("interval", interval_text), ("date", datetime_text), ("timestamp", datetime_text),
         ("timestamptz", datetime_text), ("jsonb", json_text), ("json", json_text)]


def outcome(conn, type_name, text):
    try:
        rows, _ = conn.query("SELECT %s '%s'" % (type_name, text.replace("'", "''")))
        return rows[0][0]
    except pgwire.PgError as e:
        return "ERROR " + str(e.sqlstate)


def main():
    tusk = pgwire.Connection(port=int(sys.argv[1]))
    pg = pgwire.Connection(port=int(sys.argv[2]), database="postgres")
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    only = sys.argv[5] if len(sys.argv) > 5 else None
    types = [t for t in TYPES if only is None or t[0] == only]
    for c in (tusk, pg):
        c.query("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, MDY'")
    passed = failed = 0
    for _ in range(count):
        type_name, make = rng.choice(types)
        text = make(rng)
        a, b = outcome(tusk, type_name, text), outcome(pg, type_name, text)
        if a == b:
            passed += 1
            continue
        failed += 1
        if failed <= 50:
            print("DIFF: %s %r\n  tusk: %s\n  pg:   %s" % (type_name, text, a, b))
    print("input fuzz: %d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
