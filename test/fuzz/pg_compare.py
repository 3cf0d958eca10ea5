"""What the differential fuzz scripts share: a statement run on Tusk and on PostgreSQL 15, its
outcome compared (rows as text, or the error's SQLSTATE), differences counted and shown."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "clients"))
import pgwire  # noqa: E402


def sql_literal(s):
    return "'" + s.replace("'", "''") + "'"


def outcome(conn, q):
    try:
        rows, _ = conn.query(q)
        return ("ok", [tuple(row) for row in rows])
    except pgwire.PgError as e:
        return ("error", e.sqlstate)


class Comparison:
    """Runs each statement on both servers; prints the first `show` differences."""

    def __init__(self, tusk_port, pg_port, show=20):
        self.tusk = pgwire.Connection(port=tusk_port)
        self.pg = pgwire.Connection(port=pg_port, database="postgres")
        self.show = show
        self.passed = self.failed = 0

    def check(self, q):
        """Both outcomes, (Tusk's, PostgreSQL's), after counting whether they agree."""
        a, b = outcome(self.tusk, q), outcome(self.pg, q)
        if a == b:
            self.passed += 1
        else:
            self.failed += 1
            if self.failed <= self.show:
                print("DIFF: %s\n  tusk: %s\n  pg:   %s" % (q, str(a)[:300], str(b)[:300]))
        return a, b

    def finish(self, name):
        print("%s: %d passed, %d failed" % (name, self.passed, self.failed))
        sys.exit(1 if self.failed else 0)
