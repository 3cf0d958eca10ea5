#!/usr/bin/env python3
"""Isolation test runner in the spirit of PostgreSQL's isolationtester.

A spec file names sessions, their steps and the interleavings (permutations) to run:

    setup { CREATE TABLE t (id int PRIMARY KEY, v int); INSERT INTO t VALUES (1, 10); }
    teardown { DROP TABLE t; }
    session s1
    setup { BEGIN ISOLATION LEVEL REPEATABLE READ; }
    step s1r { SELECT v FROM t WHERE id = 1; }
    step s1c { COMMIT; }
    session s2
    step s2w { UPDATE t SET v = 11 WHERE id = 1; }
    permutation s1r s2w s1c

Each session is a real connection. A step that has not finished after --wait seconds is
reported as blocked ("<waiting ...>") and the runner goes on with the next step; whenever a
step finishes later its result is printed after the step that released it. Without
`permutation` lines every interleaving that keeps each session's step order is run.

    isolation_test.py --port P [--wait S] SPEC...   prints the output of each spec
"""
import argparse
import os
import queue
import re
import sys
import threading

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "clients"))
import pgwire  # noqa: E402


DATABASE = "postgres"


class Spec:
    def __init__(self, text):
        self.setup, self.teardown, self.sessions, self.permutations = [], [], [], []
        tokens = re.findall(r'\{(?:[^{}]|\{[^{}]*\})*\}|"[^"]*"|#[^\n]*|[^\s{}"]+', text)
        i = 0
        session = None

        def block():
            nonlocal i
            i += 1
            return tokens[i - 1][1:-1].strip()

        while i < len(tokens):
            word = tokens[i]
            i += 1
            if word.startswith("#"):
                continue
            name = lambda: tokens[i].strip('"')  # noqa: E731
            if word == "setup":
                (session["setup"] if session else self.setup).append(block())
            elif word == "teardown":
                (session["teardown"] if session else self.teardown).append(block())
            elif word == "session":
                session = {"name": name(), "setup": [], "teardown": [], "steps": []}
                i += 1
                self.sessions.append(session)
            elif word == "step":
                step_name = name()
                i += 1
                session["steps"].append((step_name, block()))
            elif word == "permutation":
                perm = []
                while i < len(tokens) and tokens[i] not in ("permutation",) and not tokens[i].startswith("#"):
                    perm.append(tokens[i].strip('"'))
                    i += 1
                self.permutations.append(perm)
            else:
                raise SystemExit("spec: unexpected %r" % word)
        if not self.permutations:
            self.permutations = all_interleavings([[s for s, _ in x["steps"]] for x in self.sessions])


def all_interleavings(lists):
    if not any(lists):
        return [[]]
    out = []
    for k, lst in enumerate(lists):
        if lst:
            rest = lists[:k] + [lst[1:]] + lists[k + 1:]
            out += [[lst[0]] + tail for tail in all_interleavings(rest)]
    return out


def format_result(rows_tags_cols):
    rows, cols = rows_tags_cols
    if cols is None:
        return ""
    lines = ["|".join(cols), "-" * max(1, len("|".join(cols)))]
    for r in rows:
        lines.append("|".join("" if v is None else v for v in r))
    lines.append("(%d row%s)" % (len(rows), "" if len(rows) == 1 else "s"))
    return "\n".join(lines) + "\n"


def error_text(e):
    return "ERROR:  %s\n" % e.fields.get("M")


class Worker(threading.Thread):
    """Runs one session's statements on its own connection, one at a time."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.conn = pgwire.Connection(port=port, database=DATABASE, timeout=120)
        self.jobs, self.done = queue.Queue(), queue.Queue()
        self.start()

    def run(self):
        while True:
            sql = self.jobs.get()
            if sql is None:
                return
            try:
                self.done.put(("ok", query_with_columns(self.conn, sql)))
            except pgwire.PgError as e:
                self.done.put(("error", e))
            except Exception as e:  # connection lost: report it as the step's result
                self.done.put(("error", pgwire.PgError({"M": "connection failed: %s" % e})))


def query_with_columns(conn, sql):
    """Simple query returning (rows, column names of the last result set or None)."""
    rows, _ = conn.query(sql)
    return rows, conn.columns


def run_permutation(spec, perm, port, wait, out):
    admin = pgwire.Connection(port=port, database=DATABASE)
    for sql in spec.setup:
        admin.query(sql)
    owner = {}
    for s in spec.sessions:
        for name, sql in s["steps"]:
            owner[name] = (s["name"], sql)
    workers = {s["name"]: Worker(port) for s in spec.sessions}
    for s in spec.sessions:
        for sql in s["setup"]:
            workers[s["name"]].jobs.put(sql)
            kind, res = workers[s["name"]].done.get()
            if kind == "error":
                out.append("setup of %s failed: %s" % (s["name"], error_text(res)))
    out.append("\nstarting permutation: %s\n" % " ".join(perm))
    waiting = []  # (step name, session) blocked so far, in the order they blocked

    def collect(block_for):
        """Reports blocked steps that have finished, oldest first."""
        progressed = True
        while progressed:
            progressed = False
            for entry in list(waiting):
                name, sess = entry
                try:
                    kind, res = workers[sess].done.get(timeout=block_for)
                except queue.Empty:
                    continue
                waiting.remove(entry)
                out.append("step %s: <... completed>\n" % name)
                out.append(error_text(res) if kind == "error" else format_result(res))
                progressed = True

    for name in perm:
        if name not in owner:
            raise SystemExit("permutation names unknown step %r" % name)
        sess, sql = owner[name]
        if any(s == sess for _, s in waiting):
            raise SystemExit("step %s: session %s is still blocked" % (name, sess))
        workers[sess].jobs.put(sql)
        try:
            kind, res = workers[sess].done.get(timeout=wait)
        except queue.Empty:
            out.append("step %s: %s <waiting ...>\n" % (name, sql))
            waiting.append((name, sess))
            collect(0.05)
            continue
        out.append("step %s: %s\n" % (name, sql))
        out.append(error_text(res) if kind == "error" else format_result(res))
        collect(wait)
    collect(wait * 4)
    for name, sess in waiting:
        out.append("step %s: still waiting at the end of the permutation\n" % name)
    for s in spec.sessions:
        w = workers[s["name"]]
        if any(x == s["name"] for _, x in waiting):
            continue
        for sql in s["teardown"]:
            w.jobs.put(sql)
            w.done.get()
        w.jobs.put(None)
        try:
            w.conn.close()
        except Exception:
            pass
    for sql in spec.teardown:
        try:
            admin.query(sql)
        except pgwire.PgError as e:
            out.append("teardown failed: " + error_text(e))
    admin.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--wait", type=float, default=0.4, help="seconds after which a step counts as blocked")
    ap.add_argument("--database", default="postgres")
    ap.add_argument("specs", nargs="+")
    args = ap.parse_args()
    global DATABASE
    DATABASE = args.database
    for path in args.specs:
        with open(path) as f:
            spec = Spec(f.read())
        out = []
        for perm in spec.permutations:
            run_permutation(spec, perm, args.port, args.wait, out)
        sys.stdout.write("".join(out).lstrip("\n"))


if __name__ == "__main__":
    main()
