"""Differential fuzzing of jsonpath: random paths (accessors, filters, arithmetic, methods, lax
and strict) over random jsonb documents, run on Tusk and on PostgreSQL 15. The path's canonical
text, jsonb_path_query_array (silent and not), @? and @@ must agree: values as text, errors by
SQLSTATE. The same documents check containment too: @> and <@ against a part of the document
(some members and elements, a value now and then replaced) and against another document.

usage: jsonpath_fuzz.py TUSK_PORT PG_PORT [COUNT] [SEED]
Prints each difference and "jsonpath fuzz: N passed, M failed" last.
"""
import json
import random
import sys

from pg_compare import Comparison, sql_literal

KEYS = ["a", "b", "c", "x y", "size", "type"]
STRINGS = ["", "a", "abc", "ab\ncd", "B", "1.5", "2017-03-10", "12:34:56", "2017-03-10 12:34:56+01"]


class Gen:
    def __init__(self, rng):
        self.r = rng

    def doc(self, depth=0):
        r = self.r
        k = r.random()
        if depth >= 3 or k < 0.4:
            return r.choice([None, True, False, 0, 1, -2, 2.5, 10, 1e3, r.choice(STRINGS)])
        if k < 0.7:
            return [self.doc(depth + 1) for _ in range(r.randint(0, 4))]
        return {r.choice(KEYS): self.doc(depth + 1) for _ in range(r.randint(0, 4))}

    def cut(self, doc):
        """Part of doc: each member or element kept with odds 2 in 3, cut in turn; sometimes a
        value replaced by a new one (so that some answers are false)."""
        r = self.r
        if r.random() < 0.1:
            return self.doc(2)
        if isinstance(doc, dict):
            return {k: self.cut(v) for k, v in doc.items() if r.random() < 0.67}
        if isinstance(doc, list):
            kept = [self.cut(v) for v in doc if r.random() < 0.67]
            r.shuffle(kept)
            return kept
        return doc

    def key(self):
        k = self.r.choice(KEYS)
        return "." + (json.dumps(k) if " " in k or self.r.random() < 0.2 else k)

    def accessor(self, depth):
        r = self.r
        k = r.randint(0, 11)
        if k <= 3:
            return self.key()
        if k == 4:
            return "[*]"
        if k == 5:
            return "[%s]" % r.choice(["0", "1", "-1", "last", "last - 1", "0 to 1", "1 to last", "0, 2", "1.7", "$.a"])
        if k == 6:
            return ".*"
        if k == 7:
            return r.choice([".**", ".**{1}", ".**{0 to 1}", ".**{last}", ".**{1 to last}"])
        if k == 8:
            return "." + r.choice(["type()", "size()", "abs()", "floor()", "ceiling()", "double()", "keyvalue()", "datetime()"])
        if k <= 10 and depth < 2:
            return " ? (%s)" % self.pred(depth + 1, "@")
        return self.key()

    def path(self, depth, root="$"):
        p = root
        for _ in range(self.r.randint(0, 3)):
            p += self.accessor(depth)
        return p

    def value(self, depth, root):
        r = self.r
        k = r.randint(0, 7)
        if k <= 3 or depth >= 2:
            return self.path(depth, root)
        if k == 4:
            return r.choice(["1", "-1", "2.5", '"abc"', "null", "true", "$v", '"2017-03-10".datetime()'])
        if k == 5:
            return "%s %s %s" % (self.value(depth + 1, root), r.choice(["+", "-", "*", "/", "%"]), self.value(depth + 1, root))
        if k == 6:
            return "-%s" % self.value(depth + 1, root)
        return "(%s)" % self.value(depth + 1, root)

    def pred(self, depth, root):
        r = self.r
        k = r.randint(0, 9)
        if k <= 4 or depth >= 3:
            return "%s %s %s" % (self.value(depth, root), r.choice(["==", "!=", "<", ">", "<=", ">=", "<>"]), self.value(depth, root))
        if k == 5:
            return "%s %s %s" % (self.pred(depth + 1, root), r.choice(["&&", "||"]), self.pred(depth + 1, root))
        if k == 6:
            return "!(%s)" % self.pred(depth + 1, root)
        if k == 7:
            return "exists(%s)" % self.path(depth + 1, root)
        if k == 8:
            return '%s like_regex "%s"%s' % (self.path(depth, root), r.choice(["^a", "b", "c$", "^$", "A"]), r.choice(["", ' flag "i"', ' flag "q"']))
        return '%s starts with "%s"' % (self.path(depth, root), r.choice(["a", "", "ab"]))

    def jsonpath(self):
        mode = self.r.choice(["", "", "strict ", "lax "])
        if self.r.random() < 0.3:
            return mode + self.pred(0, "$")
        return mode + self.path(0)


def main():
    tusk_port, pg_port = int(sys.argv[1]), int(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    rng = random.Random(seed)
    cmp = Comparison(tusk_port, pg_port, show=40)
    gen = Gen(rng)
    for _ in range(count):
        value = gen.doc()
        doc = sql_literal(json.dumps(value))
        part, other = sql_literal(json.dumps(gen.cut(value))), sql_literal(json.dumps(gen.doc()))
        path = sql_literal(gen.jsonpath())
        vars_ = sql_literal(json.dumps({"v": gen.doc(2)}))
        for q in ["SELECT %s::jsonpath::text" % path,
                  "SELECT jsonb_path_query_array(%s, %s, %s, true)" % (doc, path, vars_),
                  "SELECT jsonb_path_query_array(%s, %s, %s)" % (doc, path, vars_),
                  "SELECT %s::jsonb @? %s, %s::jsonb @@ %s" % (doc, path, doc, path),
                  "SELECT %s::jsonb @> %s::jsonb, %s::jsonb <@ %s::jsonb, %s::jsonb @> %s::jsonb"
                  % (doc, part, part, doc, doc, other)]:
            _, b = cmp.check(q)
            if b[0] == "error" and q.endswith("::text"):
                break
    cmp.finish("jsonpath fuzz")


if __name__ == "__main__":
    main()
