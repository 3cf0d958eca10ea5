"""pg_dump and pg_restore of PostgreSQL 15 against Tusk.

Loads test/clients/dump/schema.sql into a Tusk server, then checks that
  - pg_dump --schema-only, pg_dump (plain, data included) and pg_dump -Fc run without error;
  - pg_restore --list reads the custom-format archive;
  - the plain dump loads into a real PostgreSQL 15 (scripts/pg-oracle.sh) without error;
  - PostgreSQL's own dump of what was loaded is the same text as Tusk's dump.
    python3 test/clients/pg_dump_test.py TUSK
Prints "pg_dump: N passed, M failed"."""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import testserver  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok {name}")
    else:
        failed += 1
        print(f"FAIL {name}\n{detail}")


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, timeout=120, **kw)


def normalized(dump):
    # \restrict keys are random per run; comments carry no content. A view's query is printed
    # in each server's own layout (docs/compatibility.md): compared by the view's name only
    # (a materialized view's WITH NO DATA line is dropped with it).
    out, in_view = [], False
    for l in dump.splitlines():
        if l.startswith(("\\restrict", "\\unrestrict", "--")):
            continue
        if in_view:
            in_view = not l.rstrip().endswith(";")
            continue
        if l.startswith(("CREATE VIEW ", "CREATE MATERIALIZED VIEW ")):
            in_view = True
        out.append(l)
    return "\n".join(out)


def main():
    tusk = sys.argv[1]
    data = tempfile.mkdtemp(prefix="tusk-dump-")
    port = testserver.free_port()
    server = testserver.start_server(tusk, data, port)
    try:
        conn = ["-h", "127.0.0.1", "-p", str(port), "-U", "postgres"]
        r = run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", *conn, "-d", "postgres", "-f",
                 os.path.join(ROOT, "test/clients/dump/schema.sql")])
        check("schema loads into Tusk", r.returncode == 0, r.stderr)
        schema = run(["pg_dump", *conn, "--schema-only", "postgres"])
        check("pg_dump --schema-only", schema.returncode == 0 and "CREATE TABLE public.users" in schema.stdout, schema.stderr)
        plain = run(["pg_dump", *conn, "postgres"])
        check("pg_dump (plain, with data)", plain.returncode == 0 and "COPY public.tasks" in plain.stdout, plain.stderr)
        archive = os.path.join(data, "dump.custom")
        fc = run(["pg_dump", *conn, "-Fc", "-f", archive, "postgres"])
        check("pg_dump -Fc", fc.returncode == 0, fc.stderr)
        listing = run(["pg_restore", "--list", archive])
        check("pg_restore --list", listing.returncode == 0 and "TABLE DATA public tasks" in listing.stdout, listing.stderr)

        # The dump loads into another Tusk database and dumps back the same (owners, OWNED BY,
        # defaults, data): restoring a tenant's dump into Tusk itself.
        run(["psql", "-X", "-q", *conn, "-d", "postgres", "-c", "CREATE DATABASE tusk_restored"])
        load = run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", *conn, "-d", "tusk_restored"], input=plain.stdout)
        check("the dump loads into another Tusk database", load.returncode == 0 and "ERROR" not in load.stderr, load.stderr)
        again = run(["pg_dump", *conn, "tusk_restored"])
        check("the restored database dumps the same", normalized(again.stdout) == normalized(plain.stdout),
              "\n".join(l for l in normalized(again.stdout).splitlines() if l not in normalized(plain.stdout).splitlines())[:3000])

        pg_port = run([os.path.join(ROOT, "scripts/pg-oracle.sh"), "start"]).stdout.split()[-1]
        pg = ["-h", "127.0.0.1", "-p", pg_port, "-U", "postgres"]
        run(["psql", "-X", "-q", *pg, "-d", "postgres", "-c", "DROP DATABASE IF EXISTS tusk_dump_test"])
        run(["psql", "-X", "-q", *pg, "-d", "postgres", "-c", "CREATE DATABASE tusk_dump_test"])
        load = run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", *pg, "-d", "tusk_dump_test"], input=plain.stdout)
        check("the dump loads into PostgreSQL 15", load.returncode == 0 and "ERROR" not in load.stderr, load.stderr)
        again = run(["pg_dump", *pg, "tusk_dump_test"])
        same = normalized(again.stdout) == normalized(plain.stdout)
        diff = ""
        if not same:
            with tempfile.NamedTemporaryFile("w", suffix=".pg", delete=False) as a, \
                 tempfile.NamedTemporaryFile("w", suffix=".tusk", delete=False) as b:
                a.write(normalized(again.stdout))
                b.write(normalized(plain.stdout))
            diff = run(["diff", a.name, b.name]).stdout[:3000]
        check("PostgreSQL's dump of the loaded database equals Tusk's dump", same, diff)
        run(["psql", "-X", "-q", *pg, "-d", "postgres", "-c", "DROP DATABASE IF EXISTS tusk_dump_test"])
    finally:
        server.kill()
        server.wait()
        run(["rm", "-rf", data])
    print(f"pg_dump: {passed} passed, {failed} failed")


if __name__ == "__main__":
    main()
