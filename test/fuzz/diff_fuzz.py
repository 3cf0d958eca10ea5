"""Differential fuzzing: random SELECTs from a small grammar run on Tusk and on PostgreSQL 15;
results (as multisets of text rows) and error SQLSTATEs must agree.

usage: diff_fuzz.py TUSK_PORT PG_PORT [COUNT] [SEED]
Prints each difference (query, both outcomes) and "fuzz: N passed, M failed" last.
"""
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "clients"))
import pgwire  # noqa: E402

SCHEMA = [
    "DROP TABLE IF EXISTS fz_t1, fz_t2",
    "CREATE TABLE fz_t1 (a int, b int, c text, d numeric(8,2), e boolean, f date)",
    "CREATE TABLE fz_t2 (a int, x bigint, y text)",
]

INT_COLS = ["a", "b"]
TEXT_COLS = ["c"]


def data_statements(rng):
    rows1, rows2 = [], []
    words = ["'ant'", "'Bee'", "'cat'", "'dog'", "''", "'a b'", "NULL", "'zeta'"]
    for i in range(40):
        a = rng.choice([str(rng.randint(-5, 15)), "NULL"]) if rng.random() < 0.15 else str(rng.randint(-5, 15))
        b = str(rng.randint(-100, 100)) if rng.random() > 0.1 else "NULL"
        d = "%d.%02d" % (rng.randint(-50, 50), rng.randint(0, 99)) if rng.random() > 0.1 else "NULL"
        e = rng.choice(["true", "false", "NULL"])
        f = "'2024-%02d-%02d'" % (rng.randint(1, 12), rng.randint(1, 28)) if rng.random() > 0.1 else "NULL"
        rows1.append("(%s, %s, %s, %s, %s, %s)" % (a, b, rng.choice(words), d, e, f))
    for i in range(25):
        rows2.append("(%d, %s, %s)" % (rng.randint(-5, 15), rng.choice([str(rng.randint(-10**12, 10**12)), "NULL"]), rng.choice(words)))
    return ["INSERT INTO fz_t1 VALUES " + ", ".join(rows1), "INSERT INTO fz_t2 VALUES " + ", ".join(rows2)]


class Gen:
    def __init__(self, rng):
        self.r = rng

    def int_expr(self, cols, depth=0):
        r = self.r
        choices = ["col", "const"] + (["arith", "case", "coalesce", "abs", "func"] if depth < 2 else [])
        k = r.choice(choices)
        if k == "col":
            return r.choice(cols)
        if k == "const":
            return str(r.choice([0, 1, 2, 3, -1, 7, 10, 100]))
        if k == "arith":
            op = r.choice(["+", "-", "*", "/", "%"])
            return "(%s %s %s)" % (self.int_expr(cols, depth + 1), op, self.int_expr(cols, depth + 1))
        if k == "case":
            return "CASE WHEN %s THEN %s ELSE %s END" % (self.pred(cols, depth + 1), self.int_expr(cols, depth + 1), self.int_expr(cols, depth + 1))
        if k == "coalesce":
            return "COALESCE(%s, %s)" % (self.int_expr(cols, depth + 1), self.int_expr(cols, depth + 1))
        if k == "abs":
            return "abs(%s)" % self.int_expr(cols, depth + 1)
        return r.choice(["length(c)", "greatest(%s, %s)" % (self.int_expr(cols, depth + 1), self.int_expr(cols, depth + 1)),
                         "least(%s, 0)" % self.int_expr(cols, depth + 1), "NULLIF(%s, 1)" % self.int_expr(cols, depth + 1)])

    def text_expr(self, depth=0):
        r = self.r
        k = r.choice(["c", "c", "lit", "upper", "concat", "substr", "coalesce"] if depth < 2 else ["c", "lit"])
        if k == "c":
            return "c"
        if k == "lit":
            return r.choice(["'x'", "'Bee'", "''", "'dog'"])
        if k == "upper":
            return r.choice(["upper", "lower"]) + "(%s)" % self.text_expr(depth + 1)
        if k == "concat":
            return "(%s || %s)" % (self.text_expr(depth + 1), self.text_expr(depth + 1))
        if k == "substr":
            return "substr(%s, %d, %d)" % (self.text_expr(depth + 1), r.randint(1, 3), r.randint(0, 3))
        return "COALESCE(%s, 'none')" % self.text_expr(depth + 1)

    def pred(self, cols, depth=0):
        r = self.r
        k = r.choice(["cmp", "cmp", "null", "between", "in", "like", "bool"] + (["and", "or", "not"] if depth < 2 else []))
        if k == "cmp":
            return "%s %s %s" % (self.int_expr(cols, depth + 1), r.choice(["=", "<>", "<", "<=", ">", ">="]), self.int_expr(cols, depth + 1))
        if k == "null":
            return "%s IS %sNULL" % (r.choice(cols + ["c", "d", "e"]), r.choice(["", "NOT "]))
        if k == "between":
            return "%s %sBETWEEN %d AND %d" % (r.choice(cols), r.choice(["", "NOT "]), r.randint(-10, 5), r.randint(0, 20))
        if k == "in":
            return "%s %sIN (%s)" % (r.choice(cols), r.choice(["", "NOT "]), ", ".join(str(r.randint(-5, 15)) for _ in range(r.randint(1, 4))) + r.choice(["", ", NULL"]))
        if k == "like":
            return "c %s '%s'" % (r.choice(["LIKE", "ILIKE", "NOT LIKE"]), r.choice(["%a%", "b%", "_o_", "%", "D%"]))
        if k == "bool":
            return r.choice(["e", "NOT e", "e IS TRUE", "e IS NOT FALSE", "e IS UNKNOWN"])
        if k == "not":
            return "NOT (%s)" % self.pred(cols, depth + 1)
        return "(%s %s %s)" % (self.pred(cols, depth + 1), k.upper(), self.pred(cols, depth + 1))

    def query(self):
        r = self.r
        form = r.choice(["simple", "simple", "agg", "join", "sub", "setop", "window", "distinct", "numeric"])
        cols = INT_COLS
        if form == "simple":
            n = r.randint(1, 3)
            sel = ", ".join(r.choice([self.int_expr(cols), self.text_expr(), "d", "e", "f"]) for _ in range(n))
            q = "SELECT %s FROM fz_t1" % sel
            if r.random() < 0.7:
                q += " WHERE " + self.pred(cols)
            if r.random() < 0.3:
                # order by every output column so that LIMIT picks the same rows on both sides
                keys = ", ".join("%d %s NULLS %s" % (k + 1, r.choice(["ASC", "DESC"]), r.choice(["FIRST", "LAST"])) for k in range(n))
                q += " ORDER BY %s LIMIT %d" % (keys, r.randint(0, 10))
            return q, False
        if form == "agg":
            g = r.choice(["a", "e", "c", "b % 3", "f IS NULL"])
            aggs = ", ".join(r.choice(["count(*)", "count(b)", "sum(b)", "avg(b)", "min(c)", "max(d)", "sum(d)", "avg(d)",
                                       "count(DISTINCT a)", "bool_and(e)", "string_agg(c, ',' ORDER BY c)", "max(f)",
                                       "count(*) FILTER (WHERE b > 0)"]) for _ in range(r.randint(1, 3)))
            q = "SELECT %s, %s FROM fz_t1" % (g, aggs)
            if r.random() < 0.5:
                q += " WHERE " + self.pred(cols)
            q += " GROUP BY %s" % g
            if r.random() < 0.3:
                q += " HAVING count(*) > %d" % r.randint(0, 3)
            return q, False
        if form == "join":
            kind = r.choice(["JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN"])
            q = "SELECT fz_t1.a, fz_t1.c, fz_t2.x, fz_t2.y FROM fz_t1 %s fz_t2 ON fz_t1.a = fz_t2.a" % kind
            if r.random() < 0.5:
                q += " AND fz_t1.b > %d" % r.randint(-50, 50)
            if r.random() < 0.5:
                q += " WHERE " + r.choice(["fz_t2.x > 0", "fz_t1.c IS NOT NULL", "fz_t2.y LIKE '%a%'", "fz_t1.a < 5"])
            return q, False
        if form == "sub":
            k = r.choice(["in", "exists", "scalar", "any"])
            if k == "in":
                return "SELECT a, b FROM fz_t1 WHERE a %sIN (SELECT a FROM fz_t2 WHERE x > %d)" % (r.choice(["", "NOT "]), r.randint(-10**12, 10**12)), False
            if k == "exists":
                return "SELECT a, c FROM fz_t1 t WHERE %sEXISTS (SELECT 1 FROM fz_t2 s WHERE s.a = t.a AND s.y = t.c)" % r.choice(["", "NOT "]), False
            if k == "scalar":
                return "SELECT a, (SELECT max(x) FROM fz_t2 s WHERE s.a = t.a) FROM fz_t1 t", False
            return "SELECT a FROM fz_t1 WHERE b %s %s (SELECT a * 10 FROM fz_t2)" % (r.choice(["<", ">", "="]), r.choice(["ANY", "ALL"])), False
        if form == "setop":
            op = r.choice(["UNION", "UNION ALL", "INTERSECT", "INTERSECT ALL", "EXCEPT", "EXCEPT ALL"])
            return "SELECT a, c FROM fz_t1 WHERE %s %s SELECT a, y FROM fz_t2" % (self.pred(cols), op), False
        if form == "window":
            fn = r.choice(["row_number()", "rank()", "dense_rank()", "sum(b)", "count(*)", "lag(b)", "first_value(c)"])
            return "SELECT a, b, %s OVER (PARTITION BY a ORDER BY b, c, d, f, e) FROM fz_t1" % fn, False
        if form == "distinct":
            return "SELECT DISTINCT %s FROM fz_t1" % r.choice(["a", "c", "a, e", "b % 5", "upper(c)"]), False
        expr = r.choice(["d * 3", "d / 7", "round(d, 1)", "d + b", "trunc(d)", "d % 3", "ceil(d)", "abs(d)", "d * d"])
        return "SELECT %s FROM fz_t1 WHERE d IS NOT NULL AND %s" % (expr, self.pred(cols)), False


def outcome(conn, q):
    try:
        rows, _ = conn.query(q)
        return ("ok", sorted(tuple("\\N" if v is None else v for v in row) for row in rows))
    except pgwire.PgError as e:
        return ("error", e.sqlstate)


def main():
    tusk_port, pg_port = int(sys.argv[1]), int(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    rng = random.Random(seed)
    tusk = pgwire.Connection(port=tusk_port)
    pg = pgwire.Connection(port=pg_port, database="postgres")
    for stmt in SCHEMA + data_statements(rng):
        for c in (tusk, pg):
            c.query(stmt)
    gen = Gen(rng)
    passed = failed = 0
    for i in range(count):
        q, _ = gen.query()
        a, b = outcome(tusk, q), outcome(pg, q)
        if a == b:
            passed += 1
        else:
            failed += 1
            if failed <= 50:
                print("DIFF: %s\n  tusk: %s\n  pg:   %s" % (q, str(a)[:300], str(b)[:300]))
    print("fuzz: %d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
