"""Differential fuzzing of text search: random multilingual text (ASCII, accents, German,
French, Russian, CJK, punctuation, URLs, e-mail addresses, numbers, hyphenated words, stop
words, tsquery operators) through to_tsvector, to_tsquery, plainto_tsquery, phraseto_tsquery,
websearch_to_tsquery (quotes, or, -word), @@, ts_rank and ts_rank_cd (weights, setweight, ||,
all normalizations, literal vectors with shared positions), ts_headline (random options,
fragments, HighlightAll, tags and URLs in the text, json and jsonb documents), ts_debug and
ts_lexize, in random configurations; ts_rewrite of random tsqueries (targets taken from the
query's own subtrees and subsets of its AND / OR operands, weights and prefixes, NOT, phrases;
both forms) and ts_stat of random tsvectors with random weight filters; run on Tusk and on
PostgreSQL 15. Results must agree as text, errors by SQLSTATE.

usage: fts_diff.py TUSK_PORT PG_PORT [COUNT] [SEED] [rewrite]
("rewrite": only the ts_rewrite and ts_stat statements)
Prints each difference and "fts diff: N passed, M failed" last; exits 1 on any failure.
"""
import json
import random
import sys

from pg_compare import Comparison, sql_literal as literal

WORDS = ["the", "a", "of", "and", "running", "runs", "cats", "Dog", "fox-hunting", "self-driving", "café", "naïve",
         "Häuser", "straße", "schöner", "mangeaient", "chevaux", "быстрые", "лисы", "прыгали", "東京", "中文", "検索",
         "http://x.org/a?b=1", "https://www.postgresql.org/docs/15/", "user@mail.com", "1.5", "-3e4", "v1.2.3",
         "42", "x1y2", "foo_bar", "a.b.c", "/usr/lib/libc.so", "<b>", "&amp;", "don't", "ÉCOLE", "über",
         "supernovae", "stars", "co-operation", "<i>", "</p>", "ff-bg", "self-driving", "fox", "fox", "dog", "dogs", "!", "&", "|", "(", ")", ":*", "'q'", "<->", "<2>", ":A"]
CONFIGS = ["simple", "english", "german", "french", "russian", "spanish", "dutch", "hindi"]
DICTIONARIES = ["simple", "english_stem", "german_stem", "french_stem", "russian_stem", "spanish_stem", "dutch_stem",
                "hindi_stem", "danish_stem"]
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
            "SELECT ts_rank(%s%s, %s, %d)::text" % (weights, vec, query, rng.randint(0, 63)),
            "SELECT ts_rank_cd(%s%s, %s, %d)::text" % (weights, vec, query, rng.randint(0, 63)),
            "SELECT ts_rank_cd(%s%s, %s, %d)::text" % (weights, literal(literal_vector(rng)), literal(literal_query(rng)),
                                                      rng.randint(0, 63)),
            "SELECT ts_headline(%s, %s, %s%s)" % (cfg, literal(text(rng, 60)), query, headline_options(rng)),
            "SELECT ts_headline(%s, %s::%s, %s%s)" % (cfg, literal(json_document(rng)), rng.choice(["json", "jsonb"]), query,
                                                    headline_options(rng)),
            "SELECT d::text FROM ts_debug(%s, %s) d" % (cfg, doc),
            "SELECT ts_lexize(%s, %s)" % (literal(rng.choice(DICTIONARIES)), literal(rng.choice(WORDS)))]


def json_document(rng):
    """A json object of a few strings (one an array of them), a number and a null."""
    strings = [json.dumps(text(rng, 15), ensure_ascii=rng.random() < 0.5) for _ in range(3)]
    return '{"b": %s, "a": [%s, 1, %s], "ccc": null, "dd": %s}' % tuple(strings[:1] + strings[1:] + [rng.choice(['2.50', '"x"'])])


def headline_options(rng):
    """Mostly valid option lists (so that the selection itself is compared), now and then a bad one."""
    if rng.random() < 0.2:
        return ""
    opts = []
    max_words = rng.randint(1, 12)
    if rng.random() < 0.7:
        opts.append("MaxWords=%d" % max_words)
        opts.append("MinWords=%d" % rng.randint(1, max_words + (1 if rng.random() < 0.05 else -1) if max_words > 1 else 1))
    if rng.random() < 0.5:
        opts.append("ShortWord=%d" % rng.randint(0, 5))
    if rng.random() < 0.5:
        opts.append("MaxFragments=%d" % rng.choice([0, 1, 2, 3, 10]))
    if rng.random() < 0.15:
        opts.append("HighlightAll=%s" % rng.choice(["true", "false", "1", "on"]))
    if rng.random() < 0.3:
        opts.append(rng.choice(["StartSel=<em>, StopSel=</em>", "StartSel='[ ', StopSel=\" ]\"", "FragmentDelimiter=' | '"]))
    rng.shuffle(opts)
    return ", " + literal(", ".join(opts))


def literal_vector(rng):
    """A tsvector written out: few lexemes, positions that collide, weights, some without any."""
    parts = []
    for w in rng.sample(["a", "ab", "abc", "b", "bc", "c", "d"], rng.randint(0, 6)):
        if rng.random() < 0.15:
            parts.append(w)
            continue
        pos = ["%d%s" % (rng.randint(1, 12), rng.choice(["", "", "A", "B", "C"])) for _ in range(rng.randint(1, 4))]
        parts.append(w + ":" + ",".join(pos))
    return " ".join(parts)


def literal_query(rng):
    q = rng.choice(["a", "ab:*", "b", "c:AB", "d", "a:*", "!b"])
    for _ in range(rng.randint(0, 3)):
        q = "(%s) %s %s" % (q, rng.choice(["&", "|", "<->", "<2>", "<0>", "& !"]),
                            rng.choice(["a", "ab:*", "b", "c:AB", "d", "a:*", "bc", "a"]))
    return q


REWRITE_WORDS = ["a", "b", "c", "d", "ab", "e"]


def random_tree(rng, depth):
    """A tsquery as a tree: ("w", word, suffix) or (op, children) with op "!", "&", "|" or "<N>"."""
    if depth <= 0 or rng.random() < 0.3:
        return ("w", rng.choice(REWRITE_WORDS), rng.choice(["", "", "", "", ":*", ":A", ":B", ":AB", ":C*"]))
    k = rng.random()
    if k < 0.12:
        return ("!", [random_tree(rng, depth - 1)])
    if k < 0.3:
        return (rng.choice(["<->", "<->", "<2>", "<0>"]), [random_tree(rng, depth - 1), random_tree(rng, depth - 1)])
    return (rng.choice("&|"), [random_tree(rng, depth - 1) for _ in range(rng.randint(2, 4))])


def render(t):
    if t[0] == "w":
        return t[1] + t[2]
    if t[0] == "!":
        return "!(" + render(t[1][0]) + ")"
    return "(" + (" %s " % t[0]).join(render(c) for c in t[1]) + ")"


def subtrees(t):
    out = [t]
    if t[0] != "w":
        for c in t[1]:
            out += subtrees(c)
    return out


def rewrite_target(rng, q):
    """Mostly something the query holds: a subtree, some operands of an AND / OR, shuffled."""
    k = rng.random()
    if k < 0.2:
        return render(random_tree(rng, 2))
    t = rng.choice(subtrees(q))
    if t[0] in "&|" and t[0] != "w" and len(t[1]) > 2 and k < 0.6:
        kids = rng.sample(t[1], rng.randint(2, len(t[1])))
        return render((t[0], kids))
    if t[0] in "&|" and t[0] != "w" and k < 0.7:
        return render((t[0], list(reversed(t[1]))))
    return render(t)


def rewrite_substitute(rng):
    return rng.choice(["", render(random_tree(rng, 2)), rng.choice(REWRITE_WORDS)])


def rewrite_statements(rng):
    q = random_tree(rng, rng.randint(1, 4))
    out = ["SELECT ts_rewrite(%s::tsquery, %s::tsquery, %s::tsquery)::text"
           % (literal(render(q)), literal(rewrite_target(rng, q)), literal(rewrite_substitute(rng)))]
    pairs = ", ".join("(%d, %s, %s)" % (n, literal(rewrite_target(rng, q)), literal(rewrite_substitute(rng)))
                      for n in range(rng.randint(1, 4)))
    select = "SELECT t::tsquery, s::tsquery FROM (VALUES %s) v(n, t, s) ORDER BY n" % pairs
    out.append("SELECT ts_rewrite(%s::tsquery, %s)::text" % (literal(render(q)), literal(select)))
    docs = ", ".join(rng.choice(["(NULL)", "(%s)" % literal(literal_vector(rng))]) for _ in range(rng.randint(0, 5)))
    stat = "SELECT v::tsvector FROM (VALUES %s) d(v)" % docs if docs else "SELECT NULL::tsvector WHERE false"
    weights = rng.choice(["", ", 'A'", ", 'bc'", ", 'xD'", ", ''", ", 'ABCD'"])
    out.append("SELECT s::text FROM ts_stat(%s%s) s" % (literal(stat), weights))
    return out


def main():
    tusk_port, pg_port = int(sys.argv[1]), int(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    rng = random.Random(seed)
    only_rewrite = len(sys.argv) > 5 and sys.argv[5] == "rewrite"
    cmp = Comparison(tusk_port, pg_port)
    for _ in range(count):
        for q in ([] if only_rewrite else statements(rng)) + rewrite_statements(rng):
            cmp.check(q)
    cmp.finish("fts diff")


if __name__ == "__main__":
    main()
