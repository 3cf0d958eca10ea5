"""LISTEN / NOTIFY as psycopg2 users see it: when notifications arrive (at the notifier's
commit, outside the listener's transaction block, while the listener is idle), what they
carry, and what never arrives (rolled back, other databases, unlistened channels). Every
check holds on PostgreSQL 15 too: run it with HOST PORT of a PostgreSQL server to see.

usage: listen_notify_test.py PORT [HOST]
"""
import select
import sys
import time

import psycopg2
import psycopg2.extensions

PORT = int(sys.argv[1])
HOST = sys.argv[2] if len(sys.argv) > 2 else "127.0.0.1"
results = []


def check(name, fn):
    try:
        fn()
        results.append((name, True, ""))
    except Exception as e:  # noqa: BLE001 - report every failure
        results.append((name, False, repr(e)))


def connect(dbname="postgres", autocommit=True):
    c = psycopg2.connect(host=HOST, port=PORT, user="postgres", dbname=dbname)
    c.autocommit = autocommit
    return c


def run(c, sql, *args):
    with c.cursor() as cur:
        cur.execute(sql, args or None)
        return cur.fetchall() if cur.description else None


def received(c, wait=0.3):
    """The notifications that reached c within `wait` seconds, as (channel, payload, pid)."""
    end = time.time() + wait
    while time.time() < end:
        select.select([c], [], [], max(0.0, end - time.time()))
        c.poll()
    got = [(n.channel, n.payload, n.pid) for n in c.notifies]
    c.notifies.clear()
    return got


def pid(c):
    return run(c, "SELECT pg_backend_pid()")[0][0]


def test_delivered_at_commit():
    listener, notifier = connect(), connect(autocommit=False)
    run(listener, "LISTEN ln_chan")
    run(notifier, "NOTIFY ln_chan, 'one'")
    assert received(listener) == [], "delivered before the commit"
    notifier.commit()
    assert received(listener) == [("ln_chan", "one", pid(notifier))]
    run(notifier, "SELECT pg_notify('ln_chan', 'two')")
    notifier.rollback()
    assert received(listener) == [], "a rolled-back NOTIFY was delivered"


def test_idle_listener_is_woken():
    # the listener sends nothing: the notification must come to it on its own
    listener, notifier = connect(), connect()
    run(listener, "LISTEN ln_idle")
    time.sleep(0.1)
    run(notifier, "NOTIFY ln_idle")
    assert received(listener, 1.0) == [("ln_idle", "", pid(notifier))]


def test_order_and_duplicates():
    listener, notifier = connect(), connect(autocommit=False)
    run(listener, "LISTEN ln_dup")
    for payload in ["a", "b", "a", "c", "b"]:
        run(notifier, "SELECT pg_notify('ln_dup', %s)", payload)
    run(notifier, "NOTIFY ln_dup")
    run(notifier, "NOTIFY ln_dup")
    notifier.commit()
    assert [p for _, p, _ in received(listener)] == ["a", "b", "c", ""]


def test_not_inside_a_transaction_block():
    listener, notifier = connect(autocommit=False), connect()
    run(listener, "LISTEN ln_block")
    listener.commit()
    run(listener, "SELECT 1")  # opens a transaction block
    run(notifier, "NOTIFY ln_block, 'later'")
    assert received(listener) == [], "delivered inside the listener's transaction block"
    listener.commit()
    run(listener, "SELECT 1")
    listener.commit()
    assert [p for _, p, _ in received(listener)] == ["later"]


def test_listen_and_unlisten_are_transactional():
    listener, notifier = connect(autocommit=False), connect()
    run(listener, "LISTEN ln_rolled")
    listener.rollback()
    run(notifier, "NOTIFY ln_rolled")
    assert received(listener) == []
    assert run(listener, "SELECT pg_listening_channels()") == []
    listener.rollback()
    listener.autocommit = True
    run(listener, "LISTEN ln_a")
    run(listener, 'LISTEN "Ln_B"')
    assert sorted(r[0] for r in run(listener, "SELECT pg_listening_channels()")) == ["Ln_B", "ln_a"]
    run(listener, "UNLISTEN ln_a")
    run(notifier, "NOTIFY ln_a")
    run(notifier, "SELECT pg_notify('Ln_B', 'b')")
    run(notifier, "SELECT pg_notify('ln_b', 'lower')")
    assert [(c, p) for c, p, _ in received(listener)] == [("Ln_B", "b")]
    run(listener, "UNLISTEN *")
    run(notifier, "SELECT pg_notify('Ln_B', 'b')")
    assert received(listener) == []
    assert run(listener, "SELECT pg_listening_channels()") == []


def test_own_notifications_and_savepoints():
    c = connect(autocommit=False)
    run(c, "LISTEN ln_self")
    run(c, "NOTIFY ln_self, 'kept'")
    run(c, "SAVEPOINT s")
    run(c, "NOTIFY ln_self, 'undone'")
    run(c, "ROLLBACK TO SAVEPOINT s")
    c.commit()
    assert [(ch, p) for ch, p, _ in received(c)] == [("ln_self", "kept")]


def test_other_databases_do_not_hear():
    admin = connect()
    run(admin, "DROP DATABASE IF EXISTS ln_other")
    run(admin, "CREATE DATABASE ln_other")
    try:
        here, there = connect(), connect("ln_other")
        run(here, "LISTEN ln_db")
        run(there, "NOTIFY ln_db, 'elsewhere'")
        assert received(here) == []
        there.close()
    finally:
        run(admin, "DROP DATABASE ln_other")


def test_errors():
    c = connect()
    for sql, state in [("SELECT pg_notify('', 'x')", "22023"), ("SELECT pg_notify(NULL, 'x')", "22023"),
                       ("SELECT pg_notify(repeat('c', 64), 'x')", "22023"),
                       ("SELECT pg_notify('ln_err', repeat('p', 8000))", "22023")]:
        try:
            run(c, sql)
            raise AssertionError(sql + " succeeded")
        except psycopg2.Error as e:
            assert e.pgcode == state, (sql, e.pgcode, str(e))
    run(c, "SELECT pg_notify(repeat('c', 63), repeat('p', 7999))")
    run(c, "SELECT pg_notify('ln_err', NULL)")


for name in [n for n in list(globals()) if n.startswith("test_")]:
    check(name[5:], globals()[name])
for name, ok, why in results:
    print(("ok " if ok else "FAIL ") + "listen_notify." + name + ("" if ok else ": " + why))
passed = sum(1 for r in results if r[1])
print("listen_notify: %d passed, %d failed" % (passed, len(results) - passed))
sys.exit(0 if passed == len(results) else 1)
