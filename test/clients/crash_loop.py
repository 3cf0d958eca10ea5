"""Crash-loop durability test.

A client commits numbered transactions (each inserts two rows: n and -n) while the server is
killed with SIGKILL at random moments. After each restart, every transaction whose COMMIT was
acknowledged must be there, and no transaction may be half there (n without -n or vice versa).
Every other round the pairs come from a PL/pgSQL procedure that COMMITs after each pair inside
one CALL: none of its transactions may be half there either.
Each row also takes a value of a sequence (bigserial), which sequences store ahead of what they
hand out: after a restart the sequence must continue above every value in the table.

usage: crash_loop.py TUSK_BINARY ITERATIONS
"""
import os
import random
import shutil
import signal
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
import pgwire  # noqa: E402
from testserver import free_port, start_server as start  # noqa: E402


def main():
    tusk, iterations = sys.argv[1], int(sys.argv[2])
    data = tempfile.mkdtemp(prefix="tusk-crash-")
    port = free_port()
    acked = set()
    next_n = 1
    failures = 0
    try:
        proc = start(tusk, data, port)
        c = pgwire.Connection(port=port)
        c.query("CREATE TABLE crash (n bigint PRIMARY KEY, s bigserial)")
        c.query("CREATE PROCEDURE crash_pairs(first bigint) LANGUAGE plpgsql AS $$ BEGIN "
                "FOR i IN first..first + 100000000 LOOP INSERT INTO crash VALUES (i); INSERT INTO crash VALUES (-i); "
                "COMMIT; END LOOP; END $$")
        c.close()
        for it in range(iterations):
            stop = threading.Event()
            state = {"n": next_n}

            def writer():
                try:
                    conn = pgwire.Connection(port=port)
                    while not stop.is_set():
                        n = state["n"]
                        conn.query("BEGIN; INSERT INTO crash VALUES (%d); INSERT INTO crash VALUES (%d); COMMIT" % (n, -n))
                        acked.add(n)
                        state["n"] = n + 1
                except (OSError, ConnectionError, pgwire.PgError):
                    pass

            def procedure_writer():
                try:
                    conn = pgwire.Connection(port=port)
                    conn.query("CALL crash_pairs(%d)" % state["n"])
                except (OSError, ConnectionError, pgwire.PgError):
                    pass

            t = threading.Thread(target=procedure_writer if it % 2 else writer)
            t.start()
            time.sleep(random.uniform(0.05, 0.6))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            stop.set()
            t.join()
            proc = start(tusk, data, port)
            c = pgwire.Connection(port=port)
            rows, _ = c.query("SELECT n, s FROM crash")
            # past every pair written, acknowledged or not (the procedure's are not)
            next_n = max([state["n"]] + [abs(int(r[0])) for r in rows]) + 1
            nextval = int(c.query("SELECT nextval('crash_s_seq')")[0][0][0])
            c.close()
            present = {int(r[0]) for r in rows}
            max_s = max((int(r[1]) for r in rows), default=0)
            missing = [n for n in acked if n not in present or -n not in present]
            half = [n for n in present if -n not in present]
            status = "ok" if not missing and not half and nextval > max_s else "FAIL"
            if status != "ok":
                failures += 1
            print("crash %2d: %5d acknowledged, %5d present, missing %d, half-done %d, next serial %d after %d: %s" %
                  (it + 1, len(acked), len(present) // 2, len(missing), len(half), nextval, max_s, status))
        proc.terminate()
        proc.wait()
    finally:
        shutil.rmtree(data, ignore_errors=True)
    print("crash-loop: %d passed, %d failed" % (iterations - failures, failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
