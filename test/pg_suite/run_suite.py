#!/usr/bin/env python3
"""Runs PostgreSQL 15's own regression files on Tusk and counts crashes, hangs, internal
errors (XX000) and statements whose output equals PostgreSQL's. See README.md beside this file.

  test/pg_suite/run_suite.py [--tusk build/tusk] [--files a b ...|--smoke] [--jobs N]
                             [--timeout S] [--keep DIR] [--markdown PATH]

Each file runs on a fresh Tusk server after the suite's test_setup.sql. PostgreSQL's output
for the same file (fresh database, same setup) is computed once and cached.
"""
import argparse
import concurrent.futures
import glob
import hashlib
import os
import re
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import blocks  # noqa: E402
import servers  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
INTERNAL = re.compile(r"^(ERROR|FATAL|PANIC):  XX000: .*$", re.M)
BUILDDIR = "@abs_builddir@"  # stands for each run's own scratch directory in saved outputs


def read_list(path):
    with open(path) as f:
        return [line.split("#")[0].strip() for line in f if line.split("#")[0].strip()]


def find_src(arg):
    for d in [arg, os.environ.get("PG_REGRESS_SRC")] + sorted(glob.glob(
            os.path.join(servers.REPO, "..", "pg-regress-src", "*", "src", "test", "regress"))):
        if d and os.path.isfile(os.path.join(d, "parallel_schedule")):
            return os.path.abspath(d)
        if d and glob.glob(os.path.join(d, "*", "src", "test", "regress", "parallel_schedule")):
            return os.path.abspath(glob.glob(os.path.join(d, "*", "src", "test", "regress"))[0])
    sys.exit("PostgreSQL's regression suite not found: run scripts/fetch-pg-regress.sh "
             "or pass --src DIR (its src/test/regress)")


def run_file(port, src, name, outdir, timeout):
    """Runs test_setup.sql then NAME.sql through psql into outdir; returns (exit status,
    timed out). Paths of the scratch directory are replaced by @abs_builddir@."""
    build = os.path.join(outdir, "build")
    os.makedirs(os.path.join(build, "results"), exist_ok=True)
    os.chmod(os.path.join(build, "results"), 0o777)  # PostgreSQL writes COPY TO files there
    env = servers.psql_env(src, build)
    servers.psql(port, os.path.join(src, "sql", "test_setup.sql"), os.path.join(outdir, "setup.out"),
                 os.path.join(outdir, "setup.queries"), env, timeout)
    status = servers.psql(port, os.path.join(src, "sql", name + ".sql"), os.path.join(outdir, "out"),
                          os.path.join(outdir, "queries"), env, timeout)
    for f in ("setup.out", "setup.queries", "out", "queries"):
        path = os.path.join(outdir, f)
        if os.path.exists(path):
            with open(path, errors="replace") as fh:
                text = fh.read().replace(build, BUILDDIR)
            with open(path, "w") as fh:
                fh.write(text)
    shutil.rmtree(build, ignore_errors=True)
    return status


def pg_output(src, name, cache, timeout, state):
    """PostgreSQL's (transcript, queries) for NAME, from the cache or by running it."""
    key = hashlib.sha1(b"".join(open(os.path.join(src, "sql", f + ".sql"), "rb").read()
                                for f in ("test_setup", name))).hexdigest()[:12]
    base = os.path.join(cache, f"{name}.{key}")
    if not os.path.exists(base + ".queries"):
        if "port" not in state:
            state["port"] = servers.pg_oracle_start()
        servers.pg_fresh_database(state["port"])
        tmp = tempfile.mkdtemp(prefix="pgsuite-pg-")
        os.chmod(tmp, 0o755)
        run_file(state["port"], src, name, tmp, timeout)
        os.makedirs(cache, exist_ok=True)
        shutil.copy(os.path.join(tmp, "out"), base + ".out")
        shutil.copy(os.path.join(tmp, "queries"), base + ".queries")  # last: marks it complete
        shutil.rmtree(tmp)
    with open(base + ".out") as o, open(base + ".queries") as q:
        return o.read(), q.read()


def run_tusk(tusk, src, name, pg, timeout, keep):
    """One file on a fresh Tusk server; returns a result dict (see table())."""
    start = time.time()
    work = tempfile.mkdtemp(prefix="tusk-pgsuite-")
    outdir = os.path.join(keep, name) if keep else os.path.join(work, "out")
    shutil.rmtree(outdir, ignore_errors=True)
    os.makedirs(outdir)
    r = dict(file=name, statements=len(blocks.queries_from_log(pg[1])), crashes=0, hangs=0,
             xx000=0, same=0, problems=[])
    try:
        server = servers.Tusk(tusk, os.path.join(work, "data"), os.path.join(outdir, "server.log"))
    except RuntimeError as e:
        r.update(crashes=1, problems=[f"crash: {e}"])
        return finish(r, start, work)
    _, timed_out = run_file(server.port, src, name, outdir, timeout)
    exited = server.died()
    server.stop(hard=timed_out)
    text = open(os.path.join(outdir, "out"), errors="replace").read()
    queries = blocks.queries_from_log(open(os.path.join(outdir, "queries"), errors="replace").read())
    setup = open(os.path.join(outdir, "setup.out"), errors="replace").read()
    _, ours = blocks.split(text, queries)
    last = queries[-1] if queries else "(before the first statement)"
    lost = [s for s in servers.LOST if s in text + setup and s not in pg[0]]
    sanitizer = server.sanitizer_report()
    if timed_out:
        r["hangs"] = 1
        r["problems"].append(f"hang (> {timeout} s) at: {last}")
    elif exited is not None or lost:
        r["crashes"] = 1
        how = f"server exited with status {exited}" if exited is not None else lost[0]
        r["problems"].append(f"crash ({how}) at: {last}")
    if sanitizer:
        r["crashes"] = 1
        r["problems"].append("sanitizer report:\n" + sanitizer)
    for q, block in ours:
        for line in INTERNAL.finditer(block):
            r["xx000"] += 1
            r["problems"].append(f"XX000 at: {q}\n  {line.group(0)}")
    r["same"] = blocks.count_same(ours, blocks.split(pg[0], blocks.queries_from_log(pg[1]))[1])
    with open(os.path.join(outdir, "pg.out"), "w") as f:
        f.write(pg[0])
    with open(os.path.join(outdir, "problems.txt"), "w") as f:
        f.write("\n\n".join(r["problems"]) + "\n")
    return finish(r, start, work)


def finish(r, start, work):
    shutil.rmtree(work, ignore_errors=True)
    r["seconds"] = round(time.time() - start, 1)
    return r


COLUMNS = ["file", "statements", "crashes", "hangs", "xx000", "same", "seconds"]
HEADERS = ["file", "statements", "crashes", "hangs", "XX000", "same as PG", "seconds"]


def table(results):
    total = {c: sum(r[c] for r in results) for c in COLUMNS[1:]}
    total.update(file=f"total ({len(results)} files)", seconds=round(total["seconds"], 1))
    rows = [[str(r[c]) for c in COLUMNS] for r in results + [total]]
    return rows


def print_table(rows):
    widths = [max(len(x) for x in col) for col in zip(HEADERS, *rows)]
    for row in [HEADERS] + rows:
        print("  ".join(x.ljust(w) if i == 0 else x.rjust(w) for i, (x, w) in enumerate(zip(row, widths))))


def markdown(rows):
    lines = ["| " + " | ".join(HEADERS) + " |", "|---" + "|---:" * (len(HEADERS) - 1) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    lines[-1] = lines[-1].replace("| total", "| **total**")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tusk", default=os.path.join(servers.REPO, "build", "tusk"))
    ap.add_argument("--src", help="PostgreSQL's src/test/regress (default: $PG_REGRESS_SRC "
                    "or ../pg-regress-src, where scripts/fetch-pg-regress.sh puts it)")
    ap.add_argument("--files", nargs="+", help="file names without .sql (default: in_scope.txt)")
    ap.add_argument("--smoke", action="store_true", help="only the files of ci_subset.txt")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=120, help="seconds per file (default 120)")
    ap.add_argument("--keep", help="keep each file's outputs and server log in DIR/FILE/")
    ap.add_argument("--markdown", help="also write the table as markdown to PATH")
    ap.add_argument("--pg-cache", default=os.path.join(
        os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "tusk-pg-suite"),
        help="where PostgreSQL's outputs are cached (default ~/.cache/tusk-pg-suite)")
    a = ap.parse_args()
    src = find_src(a.src)
    tusk = os.path.abspath(a.tusk)
    names = a.files or read_list(os.path.join(HERE, "ci_subset.txt" if a.smoke else "in_scope.txt"))
    names = [n[:-4] if n.endswith(".sql") else n for n in names]
    if a.keep:
        os.makedirs(a.keep, exist_ok=True)

    state = {}  # PostgreSQL runs one file at a time: roles are shared by the whole cluster
    pg = {n: pg_output(src, n, a.pg_cache, a.timeout, state) for n in names}
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        futures = [pool.submit(run_tusk, tusk, src, n, pg[n], a.timeout, a.keep) for n in names]
        results = []
        for f in futures:
            results.append(f.result())
            r = results[-1]
            print(f"{r['file']}: {r['statements']} statements, {r['same']} same as PG, "
                  f"{r['crashes']} crashes, {r['hangs']} hangs, {r['xx000']} XX000 ({r['seconds']} s)",
                  file=sys.stderr, flush=True)

    rows = table(results)
    print_table(rows)
    for r in results:
        for p in r["problems"]:
            print(f"\n{r['file']}: {p.strip()[:2000]}")
    if a.markdown:
        with open(a.markdown, "w") as f:
            f.write(markdown(rows))
    bad = any(r["crashes"] or r["hangs"] or r["xx000"] for r in results)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
