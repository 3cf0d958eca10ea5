"""What the generators in scripts/ share: running a query on the local PostgreSQL 15
(scripts/pg-oracle.sh) and writing its answers as C++ string literals."""
import os, subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIELD, RECORD = "\x1e", "\x1d"  # separators no catalog text contains


def port():
    return subprocess.check_output([os.path.join(ROOT, "scripts/pg-oracle.sh"), "start"], text=True).split()[-1]


def query(sql, database="postgres"):
    """The rows of `sql` as lists of strings (NULL reads as the empty string)."""
    out = subprocess.check_output(["psql", "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-F", FIELD, "-R", RECORD,
                                   "-h", "127.0.0.1", "-p", port(), "-U", "postgres", "-d", database, "-c", sql], text=True)
    if out.endswith("\n"):
        out = out[:-1]  # psql ends its output with a newline
    return [r.split(FIELD) for r in out.split(RECORD) if r]


def c_string(s):
    out = '"'
    for ch in s:
        if ch in '"\\':
            out += "\\" + ch
        elif ch == "\n":
            out += "\\n"
        elif ch == "\x1f":
            out += "\\x1f\" \""  # a separator, then a new literal so no hex digit can follow
        elif ord(ch) < 32 or ord(ch) > 126:
            raise SystemExit(f"unexpected character {ch!r} in {s!r}")
        else:
            out += ch
    return out + '"'


def write(relpath, header, lines):
    path = os.path.join(ROOT, relpath)
    with open(path, "w") as f:
        f.write("\n".join(header + lines) + "\n")
    print(f"{path}: {len(lines)} rows")
