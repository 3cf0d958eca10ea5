"""Differential fuzzing of text search: random multilingual text (ASCII, accents, German,
French, Russian, CJK, punctuation, URLs, e-mail addresses, numbers, hyphenated words, stop
words, tsquery operators) through to_tsvector, to_tsquery, plainto_tsquery, phraseto_tsquery,
websearch_to_tsquery (quotes, or, -word), @@ and ts_rank (weights, setweight, ||, all normalizations) in random configurations, run on
Tusk and on PostgreSQL 15. Results must agree as text, errors by SQLSTATE.

usage: fts_diff.py TUSK_PORT PG_PORT [COUNT] [SEED]
Prints each difference and "fts diff: N passed, M failed" last; exits 1 on any failure.
"""
import random
import sys

from pg_compare import Comparison, sql_literal as literal

WORDS = ["the", "a", "of", "and", "running", "runs", "cats", "Dog", "fox-hunting", "self-driving", "café", "naïve",
         "Häuser", "straße", "schöner", "mangeaient", "chevaux", "быстрые", "лисы", "прыгали", "東京", "中文", "検索",
         "http://x.org/a?b=1", "https://www.postgresql.org/docs/15/", "user@mail.com", "1.5", "-3e4", "v1.2.3",
         "42", "x1y2", "foo_bar", "a.b.c", "/usr/lib/libc.so", "<b>", "&amp;", "don't", "ÉCOLE", "über",
         "supernovae", "stars", "co-operation", "!", "&", "|", "(", ")", ":*", "'q'", "<->", "<2>", ":A"]
CONFIGS = ["simple", "english", "german", "french", "russian", "spanish", "dutch", "hindi"]
QUERY_BUILDERS = ["to_tsquery", "plainto_tsquery", "phraseto_tsquery", "websearch_to_tsquery"]


def text(rng, most):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, most)))


def operator_query(rng):
    words = [w for w in text(rng, 4).split() if w.isalnum()] or ["fox"]
    q = words[0]
    for w in words[1:]:
        q += rng.choice([" & ", " | ", " <-> ", " & !", " <2> "]) + w + rng.choice(["", "", ":*", ":AB"])
    return q


def web_query(rng):
    parts = []
    for _ in range(rng.randint(0, 5)):
        k = rng.random()
        if k < 0.15:
            parts.append('"' + text(rng, 3) + rng.choice(['"', '"', '']))
        elif k < 0.3:
            parts.append(rng.choice(["or", "OR", "-", "-" + rng.choice(WORDS)]))
        else:
            parts.append(rng.choice(WORDS))
    return " ".join(parts)


def statements(rng):
    cfg = literal(rng.choice(CONFIGS))
    doc, doc2 = literal(text(rng, 12)), literal(text(rng, 6))
    builder = rng.choice(QUERY_BUILDERS)
    qtext = literal(operator_query(rng) if builder == "to_tsquery" else web_query(rng) if builder == "websearch_to_tsquery"
                    else text(rng, 3))
    vec = "setweight(to_tsvector(%s, %s), %s) || to_tsvector(%s, %s)" % (cfg, doc2, literal(rng.choice("ABCD")), cfg, doc)
    query = "%s(%s, %s)" % (builder, cfg, qtext)
    weights = rng.choice(["", "'{0.1,0.2,0.4,1.0}', ", "'{0.3,-1,0.9,0.05}', "])
    return ["SELECT to_tsvector(%s, %s)::text" % (cfg, doc),
            "SELECT %s::text" % query,
            "SELECT (%s) @@ %s" % (vec, query),
            "SELECT ts_rank(%s%s, %s, %d)::text" % (weights, vec, query, rng.randint(0, 63))]


def main():
    tusk_port, pg_port = int(sys.argv[1]), int(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    rng = random.Random(seed)
    cmp = Comparison(tusk_port, pg_port)
    for _ in range(count):
        for q in statements(rng):
            cmp.check(q)
    cmp.finish("fts diff")


if __name__ == "__main__":
    main()
