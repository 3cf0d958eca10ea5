"""Differential test of Tusk's default text-search parser (src/types/tsearch/default_parser.cpp)
against PostgreSQL 15's ts_parse('default', ...).

A small driver program links the parser alone (no server): it reads NUL-terminated UTF-8
inputs on stdin and prints, per input, one JSON line [[tokid, "token"], ...]. The script builds
it (--build-driver; one g++ job, the sources listed in DRIVER_SOURCES), generates random
inputs from a seed (ASCII and accented words, Cyrillic, CJK, combining and Indic marks,
digits, punctuation, hyphenated words, URLs, e-mail addresses, hosts with ports, file paths,
tags, comments, entities, signed/scientific numbers, versions, odd whitespace, long words),
adds every string literal of PostgreSQL's tsearch.sql regression test when --regress is given,
runs them through the driver and through PostgreSQL, and prints the first differences.

usage:
  ts_parser_diff.py --build-driver OUT [--src TUSK_SRC_DIR]
  ts_parser_diff.py DRIVER PG_PORT [--count N] [--seed S] [--regress TSEARCH_SQL]
                    [--host H] [--user U] [--database D] [--show K]

e.g.
  python3 test/fuzz/ts_parser_diff.py --build-driver /tmp/tsparser/driver
  python3 test/fuzz/ts_parser_diff.py /tmp/tsparser/driver 54315 --count 5000 --seed 1 \\
      --regress /work/pg-regress-src/postgresql-15-15.18/src/test/regress/sql/tsearch.sql

It also checks the driver's token type list (--types) against ts_token_type('default').
Prints "ts_parser_diff: N inputs, M differ" last; exits 1 on any difference, 0 otherwise.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "clients"))
import pgwire  # noqa: E402

DRIVER_SOURCES = ["types/tsearch/default_parser.cpp", "types/tsearch/ts_ctype.cpp", "common/utf8.cpp"]

DRIVER_CPP = r"""
#include <cstdio>
#include <iostream>
#include <iterator>
#include <string>
#include "types/tsearch/default_parser.hpp"

static void Json(const std::string& s, std::string& o) {
  o += '"';
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') { o += '\\'; o += static_cast<char>(c); }
    else if (c < 0x20) { char b[8]; snprintf(b, sizeof b, "\\u%04x", c); o += b; }
    else o += static_cast<char>(c);
  }
  o += '"';
}

int main(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "--types") {
    for (auto& t : tusk::DefaultTokenTypes()) printf("%d\t%s\t%s\n", t.id, t.alias, t.description);
    return 0;
  }
  std::string all((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  std::string out;
  for (size_t pos = 0; pos < all.size();) {
    size_t e = all.find('\0', pos);
    if (e == std::string::npos) e = all.size();
    out = "[";
    bool first = true;
    for (auto& t : tusk::ParseDefaultTokens(std::string_view(all).substr(pos, e - pos))) {
      if (!first) out += ',';
      first = false;
      out += '[' + std::to_string(t.type) + ',';
      Json(t.text, out);
      out += ']';
    }
    out += "]\n";
    fwrite(out.data(), 1, out.size(), stdout);
    pos = e + 1;
  }
  return 0;
}
"""


def build_driver(out, src):
    with tempfile.NamedTemporaryFile("w", suffix=".cpp", delete=False) as f:
        f.write(DRIVER_CPP)
        main = f.name
    cmd = ["g++", "-std=c++17", "-O1", "-I" + src, main] + [os.path.join(src, s) for s in DRIVER_SOURCES] + ["-o", out]
    print(" ".join(cmd))
    rc = subprocess.call(cmd)
    os.unlink(main)
    return rc


# ---------------------------------------------------------------------------------------------
# input generation

ASCII_WORDS = ["qwe", "foo", "Bar", "readline", "gist", "a", "x", "www", "com", "net", "org", "html",
               "script", "style", "http", "https", "ftp", "mailto", "e", "E", "xml", "D", "id", "uk", "co"]
ACCENTED = ["café", "naïve", "über", "straße", "niño", "smørrebrød", "Ærø", "façade", "crème", "ÉCOLE",
            "résumé", "año", "İstanbul", "ǅemal", "ﬁne"]
OTHER_SCRIPTS = ["привет", "Москва", "αβγ", "Ωmega", "中文", "日本語", "かな", "カタカナ", "한국어", "עברית",
                 "العربية", "हिन्दी", "किताब", "தமிழ்", "ไทย", "ქართული", "ᏣᎳᎩ", "𝔘𝔫𝔦", "𠀋𠂉"]
MARKS = ["\u0301", "\u0308", "\u0327", "\u093e", "\u093f", "\u0940", "\u0bbe", "\u0e31", "\u20dd",
         "\u0903", "\u0982", "\u17b6", "\ua8b5", "\u200d", "\u200b", "\ufe0f", "\U000e0100", "\u05b7"]
DIGITS = ["0", "1", "7", "42", "345", "2024", "007", "٣", "５", "١٢", "²", "½", "Ⅻ"]
PUNCT = list(".,;:!?'\"()[]{}@#$%^&*_=+~`|\\/<>-") + ["--", "...", "//", "://", "..", "./", "../", "~/",
                                                     "¿", "«", "»", "—", "–", "…", "€", "©", "°", "·", "・", "。", "、"]
SPACES = [" ", " ", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u3000", "\u2003", "\u2028", "\x0b", "\x0c", "\x85"]
EMOJI = ["😀", "👍🏽", "🇫🇷", "❤️", "\ufffd", "\ufeff", "\u00ad", "\x01", "\x7f", "\u0080"]
TLDS = ["com", "net", "org", "co.uk", "ru", "x", "io", "info", "c0m", "werc.ewr", "a1", "example.com"]


def word(r):
    k = r.random()
    if k < 0.35:
        return r.choice(ASCII_WORDS)
    if k < 0.5:
        return r.choice(ACCENTED)
    if k < 0.62:
        return r.choice(OTHER_SCRIPTS)
    if k < 0.7:
        return r.choice(ASCII_WORDS + ACCENTED) + r.choice(MARKS) + r.choice(["", "x", "é", "1"])
    if k < 0.8:
        return r.choice(ASCII_WORDS + ACCENTED) + r.choice(DIGITS) + r.choice(["", "b", "ü", "2x"])
    if k < 0.88:
        return r.choice(DIGITS) + r.choice(ASCII_WORDS + ACCENTED + OTHER_SCRIPTS)
    if k < 0.96:
        return "".join(r.choice("abcxyzQWE_1-é") for _ in range(r.randint(1, 8)))
    # a very long word
    return r.choice(ASCII_WORDS + ACCENTED + OTHER_SCRIPTS) * r.randint(20, 400)


def number(r):
    sign = r.choice(["", "", "-", "+"])
    k = r.randint(0, 9)
    i = str(r.randint(0, 99999))
    if k == 0:
        return sign + i
    if k == 1:
        return sign + i + "." + str(r.randint(0, 999))
    if k == 2:
        return sign + i + r.choice("eE") + r.choice(["", "+", "-"]) + str(r.randint(0, 30))
    if k == 3:
        return sign + i + "." + str(r.randint(0, 99)) + r.choice("eE") + r.choice(["", "+", "-"]) + str(r.randint(0, 30))
    if k == 4:
        return sign + ".".join(str(r.randint(0, 20)) for _ in range(r.randint(2, 5)))
    if k == 5:
        return sign + "." + str(r.randint(0, 999))
    if k == 6:
        return sign + i + r.choice([".", "e", "E", "e+", ".e5", "..1", ".x"])
    if k == 7:
        return sign + i + r.choice(["abc", "_x", "-y", "@x.com", "/x", ".com", "é"])
    if k == 8:
        return sign + "0x" + "".join(r.choice("0123456789abcdefABCDEF") for _ in range(r.randint(1, 6)))
    return sign + r.choice(DIGITS) + r.choice([".", "-", ""]) + r.choice(DIGITS)


def host(r):
    parts = [r.choice(["www", "aew", "mail", "5aew", "a-b", "a_b", "x1", "1x", "sub", "ex-ample", "q", "0"])]
    for _ in range(r.randint(0, 2)):
        parts.append(r.choice(["werc", "stack", "harewood", "a", "b1", "k-2", "c_d", "9"]))
    h = ".".join(parts) + "." + r.choice(TLDS)
    if r.random() < 0.25:
        h += ":" + r.choice(["80", "8100", "", "x", "65535"])
    return h


def path(r, url=False):
    segs = []
    for _ in range(r.randint(0, 4)):
        segs.append(r.choice(["usr", "local", "fff", "4325", "a.b", "gist.h", "x-y", "~user", "..", ".", "",
                              "press.aspx", "id", "a_b", "%20", "ünï", "q?x=1&y=2", "#frag", "a;b", "é"]))
    p = "/" + "/".join(segs)
    if url and r.random() < 0.5:
        p += r.choice(["?ad=qwe&dw", "?", "?a=%20%32", "#top", "?x=<y>", "?q=a b", "/", "?a=\"b\""])
    return p


def url(r):
    proto = r.choice(["http://", "https://", "ftp://", "file://", "", "", "mailto:", "http:/", "h1://"])
    return proto + host(r) + (path(r, True) if r.random() < 0.8 else "")


def email(r):
    local = r.choice(["teodor", "qwe", "123_teodor", "123-teodor", "a.b", "x", "é", "a+b", "A1"])
    return local + "@" + r.choice([host(r), "123-stack.net", "efd.r", "x", "stack.net", "é.com", "a@b.com"])


def filepath(r):
    return r.choice(["", "/", "~/", "./", "../", "~", ".", "..", "a/", "rewt/"]) + r.choice([
        "usr/local/fff", "awdf/dwqe/4325", "ewr", "wqe-324/ewr", "gist.h", "gist.h.c", "gist.c.", "x_y.z",
        "a/b/c.d", "~x/y", "..", "a.b.c.d", "1/2/3", "é/x", "a-b/c_d", ""])


def tag(r):
    name = r.choice(["a", "b", "br", "p", "fr", "we", "script", "SCRIPT", "style", "Style", "myns:foo-bar_baz.blurfl",
                     "_x", ":y", "span", "i", "x1", "dé", "html"])
    k = r.randint(0, 11)
    if k == 0:
        return "<" + name + ">"
    if k == 1:
        return "</" + name + ">"
    if k == 2:
        return "<" + name + "/>"
    if k == 3:
        attr = r.choice(['href="qwe<qwe>"', "href='x\\'y'", 'a="b\\"c"', "x=1", "id=a-b_c#d/e:f.g&h?i%j~k",
                         'a="\\\\"', "a='\\\\\\x'", "é=1", "a=\"multi\nline\"", "a = b", "a=\"x"])
        return "<" + name + " " + attr + r.choice([">", " >", "", "/>"])
    if k == 4:
        return "<!--" + r.choice(["", " c ", "-", "--", "a-b", "x--y", "--->", "- ->"]) + r.choice(["-->", "->", "--->", ""])
    if k == 5:
        return r.choice(["<!DOCTYPE html>", "<!doctype x>", "<!D>", "<!x>", "<!->", "<?xml version=\"1.0\"?>",
                         "<?xZ>", "<?y>", "<>", "< a>", "<a", "</", "</1>", "<1>"])
    if k == 6:
        return "<script>" + r.choice(["var x = 1;", "a<b", "if (a && b)", "x</scrip", ""]) + r.choice(["</script>", "</SCRIPT >", ""])
    if k == 7:
        return "<style>" + r.choice(["p {x:1}", "a-b", ""]) + r.choice(["</style>", "</style", ""])
    if k == 8:
        return "<" + name + " " + name + ">"
    if k == 9:
        return "<" + name + "\t" + r.choice(["x", "y=\"1\"", ""]) + ">"
    if k == 10:
        return "</" + name + " >"
    return "<" + name + r.choice(["", "-", ".", ":", "_", "1", "é"]) + r.choice([">", " ", "/ >", "/"])


def entity(r):
    return r.choice(["&amp;", "&lt;", "&nm1;", "&#xa9;", "&#245;", "&#X1F;", "&#x;", "&#;", "&#12a;", "&a.b-c:d_e;",
                     "&:x;", "&_y;", "&é;", "&amp", "&#xG;", "&#xfFfF;", "&1;", "&a é;", "&", "&&", "&#", "&#x"])


def hyphenated(r):
    parts = [word(r) if r.random() < 0.6 else r.choice(ASCII_WORDS + DIGITS + ACCENTED) for _ in range(r.randint(2, 4))]
    sep = lambda: r.choice(["-", "-", "-", "--", "-_", "-"])  # noqa: E731
    s = parts[0]
    for p in parts[1:]:
        s += sep() + p
    return s


FRAGMENTS = [word, word, word, number, number, url, email, filepath, tag, entity, hyphenated, hyphenated,
             lambda r: r.choice(PUNCT), lambda r: r.choice(EMOJI), lambda r: r.choice(MARKS) + r.choice(ASCII_WORDS),
             host]

SOUP = ("abcXYZé中ü1234567890.-_@:/~&#;<>!?=\"'\\ +eEx%" + "".join(MARKS[:6]) + "\u00a0\t\n")


# Pieces of the parser's syntax, for inputs that hit its less common transitions.
PIECES = ["<", "</", "<!", "<!--", "-->", "<?x", ">", "/>", "'", '"', "\\", "=", "&", "&#", "&#x", ";", "#",
          "http://", "://", ":", ".", "..", "/", "~", "@", "_", "-", "--", "+", "e", "E", "x", "80", "1", "9",
          "a", "Q", "é", "中", "\u0301", "\u093e", " ", "\t", "\u00a0", "script", "style", "com", "?", "%",
          "D", "1.2", "a.b", "ab", "٣"]


def gen_input(r):
    k = r.random()
    if k < 0.12:  # character soup
        return "".join(r.choice(SOUP) for _ in range(r.randint(1, 30)))
    if k < 0.3:  # syntax-piece soup
        return "".join(r.choice(PIECES) for _ in range(r.randint(1, 25)))
    n = r.randint(1, 10)
    out = []
    for _ in range(n):
        out.append(r.choice(FRAGMENTS)(r))
        out.append(r.choice(SPACES) if r.random() < 0.6 else r.choice(["", "", r.choice(PUNCT)]))
    s = "".join(out)
    if r.random() < 0.3:
        s = s.rstrip()
    return s.replace("\0", "")


def regress_literals(path):
    """Every '...' literal of a regression SQL file (comments, psql meta-commands and COPY data
    left out)."""
    text = open(path, encoding="utf-8").read()
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("--", i):
            i = text.find("\n", i)
            i = n if i < 0 else i
        elif c == "\\" and (i == 0 or text[i - 1] == "\n"):
            line_end = text.find("\n", i)
            line = text[i:line_end]
            if line.startswith("\\copy") and "stdin" in line:
                line_end = text.find("\n\\.\n", i) + 3
            i = n if line_end < 0 else line_end
        elif c == "'":
            j, buf = i + 1, []
            while j < n:
                if text[j] == "'":
                    if j + 1 < n and text[j + 1] == "'":
                        buf.append("'")
                        j += 2
                        continue
                    break
                buf.append(text[j])
                j += 1
            out.append("".join(buf))
            i = j + 1
        else:
            i += 1
    seen, uniq = set(), []
    for s in out:
        if s not in seen and "\0" not in s:
            seen.add(s)
            uniq.append(s)
    return uniq


# ---------------------------------------------------------------------------------------------
# running both sides

PG_SQL = ("SELECT o.n, p.tokid, p.token FROM json_array_elements_text($1::json) WITH ORDINALITY AS o(t, n) "
          "CROSS JOIN LATERAL ts_parse('default', o.t) WITH ORDINALITY AS p(tokid, token, k) ORDER BY o.n, p.k")


def pg_tokens(conn, inputs, batch=400):
    res = []
    for b in range(0, len(inputs), batch):
        chunk = inputs[b:b + batch]
        toks = [[] for _ in chunk]
        rows, _ = conn.execute(PG_SQL, [json.dumps(chunk)])
        for n, tokid, token in rows:
            toks[int(n) - 1].append([int(tokid), token])
        res.extend(toks)
    return res


def driver_tokens(driver, inputs):
    data = b"".join(s.encode("utf-8") + b"\0" for s in inputs)
    out = subprocess.run([driver], input=data, stdout=subprocess.PIPE, check=True).stdout
    lines = out.decode("utf-8").split("\n")[:-1]
    if len(lines) != len(inputs):
        raise RuntimeError("driver printed %d results for %d inputs" % (len(lines), len(inputs)))
    return [json.loads(line) for line in lines]


def first_divergence(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i
    return min(len(a), len(b))


def short(v, limit=300):
    s = repr(v)
    return s if len(s) <= limit else s[:limit] + "..."


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("driver", nargs="?")
    ap.add_argument("pg_port", nargs="?", type=int)
    ap.add_argument("--build-driver", metavar="OUT")
    ap.add_argument("--src", default=os.path.join(HERE, "..", "..", "src"))
    ap.add_argument("--count", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--regress", metavar="TSEARCH_SQL")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--user", default="postgres")
    ap.add_argument("--database", default="postgres")
    ap.add_argument("--show", type=int, default=5, help="differences to print")
    args = ap.parse_args()

    if args.build_driver:
        return 1 if build_driver(args.build_driver, os.path.abspath(args.src)) else 0
    if not args.driver or args.pg_port is None:
        ap.error("DRIVER and PG_PORT are required (or --build-driver OUT)")

    conn = pgwire.Connection(host=args.host, port=args.pg_port, user=args.user, database=args.database)
    failed = 0

    pg_types = [[int(i), a, d] for i, a, d in conn.query("SELECT tokid, alias, description FROM ts_token_type('default')")[0]]
    ours = subprocess.run([args.driver, "--types"], stdout=subprocess.PIPE, check=True).stdout.decode()
    our_types = [[int(i), a, d] for i, a, d in (line.split("\t") for line in ours.splitlines())]
    if pg_types != our_types:
        failed += 1
        print("token types differ:\n  postgres: %s\n  tusk:     %s" % (pg_types, our_types))

    inputs = regress_literals(args.regress) if args.regress else []
    n_regress = len(inputs)
    r = random.Random(args.seed)
    inputs += [gen_input(r) for _ in range(args.count)]

    expected = pg_tokens(conn, inputs)
    got = driver_tokens(args.driver, inputs)
    shown = 0
    for idx, (inp, e, g) in enumerate(zip(inputs, expected, got)):
        if e == g:
            continue
        failed += 1
        if shown < args.show:
            shown += 1
            k = first_divergence(e, g)
            origin = "regress" if idx < n_regress else "random #%d" % (idx - n_regress)
            print("DIFF (%s) input %s" % (origin, short(inp)))
            print("  first divergence at token %d" % k)
            print("  postgres: %s" % short(e[k:k + 6]))
            print("  tusk:     %s" % short(g[k:k + 6]))
    conn.close()
    print("ts_parser_diff: %d inputs (%d from regress, %d random, seed %d), %d differ"
          % (len(inputs), n_regress, args.count, args.seed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
