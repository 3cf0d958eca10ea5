#!/usr/bin/env python3
"""Tenant isolation under row-level security: randomized, with concurrent clients.

Tables items and notes carry a tenant_id and the application's policy

    USING / WITH CHECK (tenant_id = current_setting('app.current_tenant_id', true)::uuid)

Clients connect as postgres and become regress_app (SET ROLE or SET SESSION AUTHORIZATION),
which the policy binds (postgres owns the tables, so it bypasses the policy). Each of --clients
clients owns a disjoint share of the --tenants tenants and keeps an exact model of their rows
(no other client writes them). For --seconds each client picks one of its tenants (sometimes
another client's, then it only reads, and tries writes that must be refused), sets it by SET,
SET LOCAL or set_config (session or transaction-local, in autocommit or in a transaction that
commits or rolls back), and runs random statements: SELECT with and without WHERE (subqueries
on notes, FOR UPDATE / FOR SHARE), aggregates, joins (inner, outer, self, CTE), the
security_invoker view item_notes, the SQL function tenant_item_count(), prepared statements
(one prepared as the superuser before SET ROLE), INSERT / UPDATE / DELETE with and without
RETURNING, INSERT ... SELECT, upserts (ON CONFLICT (tenant_id, title) DO UPDATE / DO NOTHING),
UPDATE ... FROM, DELETE ... USING, writable CTEs, and writes with another tenant's id (INSERT,
upsert, UPDATE ... SET tenant_id = other), which must fail with 42501.

Checked after every statement: no row of another tenant in any result or RETURNING; for the
client's own tenants the result is exactly what the model says, and after every write all the
tenant's rows equal the model. Also: a session that never set the tenant sees no rows and
changes nothing; after RESET the setting is '' and, like '42', fails the uuid cast (22P02);
SET LOCAL and set_config(..., true) end with their transaction and a SET inside a rolled back
transaction is undone; now and then the superuser's view of a tenant equals its model. At the
end the superuser checks that every row belongs to one of the tenants and that each tenant's
rows equal its owner's model. Serialization failures and deadlocks (40001, 40P01) end the
transaction and the client goes on.

A broken connection (a server crash: `tusk serve` restarts the server process) is reported as
an unexpected error; the clients reconnect, read their tenants' rows again and go on.

    tenant_isolation.py TUSK_BINARY [--seconds N] [--clients N] [--tenants N] [--seed N]
                        [--port P] [--verbose]

--port runs against a server already running (PostgreSQL 15 from scripts/pg-oracle.sh passes
every check: a way to check the test itself); --verbose prints every failure, not the first four
of each check. The seed fixes each client's choices, not the interleaving.

Prints "ok CHECK" or "FAIL CHECK: ..." per check, then "tenant_isolation: N passed, M failed";
exits non-zero on a failure.
"""
import argparse
import collections
import copy
import os
import random
import signal
import subprocess
import sys
import threading
import time
import traceback
import uuid

from common import RETRYABLE, Server, pgwire

SETTING = "app.current_tenant_id"
TITLES = ["t%02d" % i for i in range(40)]
ROLE = "regress_app"

CHECKS = collections.OrderedDict([
    ("setup", "setup: schema, policies, role, grants, seed"),
    ("never_set", "a session that never set the tenant sees and changes nothing"),
    ("reset", "the empty setting (RESET, SET LOCAL '') fails the uuid cast with 22P02"),
    ("invalid", "an invalid tenant id ('42', 'not-a-uuid') fails the uuid cast with 22P02"),
    ("foreign_rows", "no row of another tenant returned (results and RETURNING)"),
    ("model", "results and the tenant's rows after each write equal the model"),
    ("refused", "writes with another tenant's id refused with 42501"),
    ("sqlstate", "other expected errors (23505) with PostgreSQL's SQLSTATE"),
    ("setting", "SET / SET LOCAL / set_config last as long as PostgreSQL's"),
    ("errors", "no unexpected errors"),
    ("superuser_live", "the superuser sees each tenant's rows as its owner's model during the run"),
    ("final_tenants", "at the end every row belongs to one of the tenants"),
    ("final_model", "at the end each tenant's rows equal its owner's model"),
])


class Report:
    """Counts per check and the failures' descriptions; shared by the threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts = {k: 0 for k in CHECKS}
        self.fails = {k: [] for k in CHECKS}

    def ok(self, key, n=1):
        with self.lock:
            self.counts[key] += n

    def fail(self, key, msg):
        with self.lock:
            self.counts[key] += 1
            self.fails[key].append(msg)

    def print(self, verbose=False):
        passed = failed = 0
        for key, name in CHECKS.items():
            if self.fails[key]:
                failed += 1
                print("FAIL %s: %d of %d checks; first: %s" % (name, len(self.fails[key]), self.counts[key], self.fails[key][0]))
                for m in self.fails[key][1:None if verbose else 4]:
                    print("    also: " + m)
            elif self.counts[key] == 0:
                failed += 1
                print("FAIL %s: never checked" % name)
            else:
                passed += 1
                print("ok %s (%d checks)" % (name, self.counts[key]))
        return passed, failed


class Retry(Exception):
    """40001 / 40P01: the transaction is over, the client goes on."""


class Failed(Exception):
    """A check failed (reported); the episode ends and the models are read again."""


class Lost(Exception):
    """The connection broke (reported): the server crashed, or stopped."""


def connect_retrying(server, seconds=60):
    """A connection, waiting for a server that restarts after a crash."""
    end = time.time() + seconds
    while True:
        try:
            return server.connect()
        except (OSError, ConnectionError, pgwire.PgError):
            if time.time() > end:
                raise
            time.sleep(0.1)


def q(s):
    return "'" + s.replace("'", "''") + "'"


def short(t):
    return t[:8] if t else repr(t)


def read_tenant(conn, tenant):
    """A tenant's rows as the superuser sees them, in the models' form."""
    items, _ = conn.query("SELECT id, title, qty FROM items WHERE tenant_id = %s" % q(tenant))
    notes, _ = conn.query("SELECT id, item_id, body FROM notes WHERE tenant_id = %s" % q(tenant))
    return {"items": {int(r[0]): (r[1], int(r[2])) for r in items},
            "notes": {int(r[0]): (int(r[1]), r[2]) for r in notes}}


def diff(got, want):
    g, w = collections.Counter(got), collections.Counter(want)
    extra, missing = list((g - w).elements()), list((w - g).elements())
    return "unexpected %s, missing %s (got %d rows, want %d)" % (extra[:4], missing[:4], len(got), len(want))


class Client(threading.Thread):
    def __init__(self, k, ctx, own, seed):
        super().__init__(daemon=True)
        self.k, self.ctx, self.own = k, ctx, own
        self.report = ctx["report"]
        self.tenants = ctx["tenants"]
        self.models = {t: copy.deepcopy(ctx["seed_models"][t]) for t in own}
        self.rng = random.Random(seed)
        self.stats = collections.Counter()
        self.conn = self.admin = None
        self.session = None      # the session's value of the setting; None: never set
        self.in_tx = self.tx_aborted = self.tx_session_set = self.tx_defined = self.read_only = False
        self.session_before_tx = None
        self.resync = self.broken = False
        self.context = ""
        self.trail = []          # the episode's statements, for failure reports

    # -- plumbing -------------------------------------------------------------------------------

    def fail(self, key, sql, msg):
        trail = " | ".join(self.trail[-6:-1])
        self.report.fail(key, "client %d, %s: %s: %s%s" % (self.k, self.context, sql, msg,
                                                             " [after: %s]" % trail if trail else ""))
        self.resync = True

    def stmt(self, sql, want_error=None, key="errors", params=None, prepared=None):
        """Runs one statement. Returns (rows, tag), or None when it failed with want_error (an
        open transaction is then aborted). Anything else is reported and raises Failed."""
        self.stats["statements"] += 1
        self.trail.append(sql)
        try:
            if prepared:
                rows, tags = self.conn.execute_prepared(prepared, params or ())
            elif params is not None or self.rng.random() < 0.25:
                rows, tags = self.conn.execute(sql, params or ())   # extended protocol
            else:
                rows, tags = self.conn.query(sql)
        except (OSError, ConnectionError) as e:
            self.lost(sql, e)
        except pgwire.PgError as e:
            if self.in_tx:
                self.tx_aborted = True
            if e.sqlstate in RETRYABLE:
                self.stats["retried"] += 1
                raise Retry()
            if want_error and e.sqlstate == want_error:
                self.report.ok(key)
                self.stats["refused" if want_error == "42501" else "expected errors"] += 1
                return None
            if want_error:
                self.fail(key, sql, "failed with %s (%s), want %s" % (e.sqlstate, e.fields.get("M"), want_error))
            else:
                self.fail("errors", sql, "%s: %s" % (e.sqlstate, e.fields.get("M")))
            raise Failed()
        if want_error:
            self.fail(key, sql, "succeeded (%s, rows %s), want %s" % (tags, rows[:3], want_error))
            raise Failed()
        self.report.ok("errors")
        return rows, (tags[-1] if tags else "")

    def lost(self, sql, e):
        self.fail("errors", sql, "the connection broke (%s): did the server crash?" % e)
        self.stats["connections lost"] += 1
        raise Lost()

    def control(self, sql):
        """BEGIN / COMMIT / SET and the like: must succeed (a 40001 at COMMIT raises Retry)."""
        self.trail.append(sql)
        try:
            return self.conn.query(sql)
        except (OSError, ConnectionError) as e:
            self.lost(sql, e)
        except pgwire.PgError as e:
            if e.sqlstate in RETRYABLE:
                self.stats["retried"] += 1
                raise Retry()
            self.fail("errors", sql, "%s: %s" % (e.sqlstate, e.fields.get("M")))
            raise Failed()

    def check_tenant(self, sql, rows, cols, tenant, nullable=()):
        """Rule 1: every tenant_id in the result is the acting tenant's (NULL only where an outer
        join may put one)."""
        bad = [r for r in rows for c in cols if r[c] != tenant and not (r[c] is None and c in nullable)]
        if bad:
            self.fail("foreign_rows", sql, "rows of other tenants (acting as %s): %s" % (tenant, bad[:3]))
            raise Failed()
        self.report.ok("foreign_rows")

    def expect(self, sql, got, want, ordered=False, key="model"):
        if (got != want) if ordered else (sorted(got, key=repr) != sorted(want, key=repr)):
            self.fail(key, sql, diff(got, want) if not ordered else "got %s, want %s" % (got[:6], want[:6]))
            raise Failed()
        self.report.ok(key)

    def expect_tag(self, sql, tag, want):
        if tag != want:
            self.fail("model", sql, "tag %r, want %r" % (tag, want))
            raise Failed()
        self.report.ok("model")

    def connect(self):
        """A new session as regress_app; the setting never set. One statement is prepared as the
        superuser before the role changes: executed after, it must obey the policy."""
        if self.conn:
            self.conn.close()
        self.broken = True  # until the session is set up
        self.conn = connect_retrying(self.ctx["server"])
        self.session = None
        how = self.rng.choice(["SET ROLE " + ROLE, "SET SESSION AUTHORIZATION " + ROLE])
        self.context = "connect (%s)" % how
        try:
            self.conn.prepare("ti_items_su", "SELECT id, tenant_id, title, qty FROM items")
            self.conn.query(how)
            self.conn.prepare("ti_items", "SELECT id, tenant_id, title, qty FROM items WHERE qty < $1")
            self.conn.prepare("ti_count", "SELECT count(*), tenant_item_count() FROM items")
            self.conn.prepare("ti_view", "SELECT tenant_id, title, body FROM item_notes")
            self.conn.prepare("ti_upsert", "INSERT INTO items (tenant_id, title, qty) VALUES ($1, $2, $3)"
                              " ON CONFLICT (tenant_id, title) DO UPDATE SET qty = items.qty + excluded.qty"
                              " RETURNING id, tenant_id, title, qty")
        except (OSError, ConnectionError) as e:
            self.lost(how + " and PREPARE", e)
        except pgwire.PgError as e:
            self.fail("errors", how + " and PREPARE", "%s: %s" % (e.sqlstate, e.fields.get("M")))
            raise Failed()
        rows, _ = self.stmt("SELECT current_user")
        if rows != [[ROLE]]:
            self.fail("setting", how, "current_user is %s" % rows)
            raise Failed()
        self.broken = False

    def resync_models(self):
        """After a failure the model may be stale: read the client's tenants as the superuser."""
        try:
            for t in self.own:
                self.models[t] = read_tenant(self.admin, t)
        except (OSError, ConnectionError) as e:
            self.lost("(superuser) reading the client's tenants", e)
        self.resync = False

    # -- the run -----------------------------------------------------------------------------------

    def run(self):
        try:
            self.broken = True  # the loop connects
            first = [self.never_set_checks, lambda: self.bad_setting_episode("reset"),
                     lambda: self.bad_setting_episode("42")]
            while time.time() < self.ctx["deadline"]:
                self.trail = []
                try:
                    if self.broken:
                        self.reconnect()
                    if first:
                        first.pop(0)()
                    else:
                        self.stats["episodes"] += 1
                        self.episode()
                except (Failed, Retry):
                    try:
                        self.recover()
                    except Lost:
                        self.broken = True
                except Lost:
                    self.broken = True
        except Exception:  # noqa: BLE001
            self.report.fail("errors", "client %d, %s: %s" % (self.k, self.context, traceback.format_exc().strip().splitlines()[-1]))
            self.stats["clients ended by an exception"] += 1
        finally:
            for c in (self.conn, self.admin):
                if c:
                    c.close()

    def reconnect(self):
        """After a broken connection (the server restarted after a crash): new sessions, and the
        models read again, as what the statement in flight did is unknown."""
        self.in_tx = self.read_only = False
        if self.admin:
            self.admin.close()
        self.admin = connect_retrying(self.ctx["server"])
        self.connect()
        self.resync_models()

    def recover(self):
        if self.in_tx:
            self.end_tx(False)
        if self.resync:
            self.resync_models()

    def begin(self, foreign):
        how = self.rng.choice(["BEGIN", "BEGIN", "BEGIN ISOLATION LEVEL REPEATABLE READ",
                               "START TRANSACTION ISOLATION LEVEL SERIALIZABLE",
                               "BEGIN READ ONLY" if foreign else "BEGIN READ WRITE"])
        self.control(how)
        self.in_tx, self.tx_aborted, self.tx_session_set = True, False, False
        self.read_only = how == "BEGIN READ ONLY"
        self.context += ", " + how

    def end_tx(self, commit):
        """COMMIT (True returned when it did) or ROLLBACK. A SET in the transaction then lasts
        or is undone; SET LOCAL and set_config(..., true) end either way. A setting ever set
        reads '' afterwards rather than NULL, as in PostgreSQL."""
        self.in_tx = self.read_only = False
        committed = False
        try:
            if commit:
                _, tags = self.conn.query("COMMIT")
                committed = tags == ["COMMIT"]
                if not committed:
                    self.fail("errors", "COMMIT", "tag %s" % tags)
            else:
                self.conn.query("ROLLBACK")
        except (OSError, ConnectionError) as e:
            self.lost("COMMIT" if commit else "ROLLBACK", e)
        except pgwire.PgError as e:
            if e.sqlstate in RETRYABLE:
                self.stats["retried"] += 1
            else:
                self.fail("errors", "COMMIT" if commit else "ROLLBACK", "%s: %s" % (e.sqlstate, e.fields.get("M")))
        self.stats["commits" if committed else "rollbacks"] += 1
        if self.tx_session_set and committed:
            pass  # self.session already holds the value the transaction set
        elif self.tx_session_set:
            self.session = self.session_before_tx
        if self.session is None and self.tx_defined:
            self.session = ""
        return committed

    def check_session_setting(self):
        """The setting as the session should have it now, and what a read sees with it."""
        sql = "SELECT current_setting(%s, true)" % q(SETTING)
        rows, _ = self.stmt(sql)
        if rows != [[self.session]]:
            self.fail("setting", sql, "got %s, want %r" % (rows, self.session))
            raise Failed()
        self.report.ok("setting")
        sql = "SELECT id, tenant_id FROM items"
        if self.session is None:
            rows, _ = self.stmt(sql)
            self.expect(sql, rows, [], key="never_set")
        elif self.valid(self.session):
            rows, _ = self.stmt(sql)
            self.check_tenant(sql, rows, [1], self.session)
        else:
            self.stmt(sql, want_error="22P02", key="reset" if self.session == "" else "invalid")

    @staticmethod
    def valid(s):
        try:
            uuid.UUID(s)
            return len(s) == 36
        except (ValueError, TypeError):
            return False

    def set_session(self, tenant, how):
        if how == "set":
            self.control("SET %s = %s" % (SETTING, q(tenant)))
        elif how == "set_to":
            self.control("SET SESSION %s TO %s" % (SETTING, q(tenant)))
        else:
            sql = "SELECT set_config(%s, %s, false)" % (q(SETTING), q(tenant))
            rows, _ = self.stmt(sql)
            if rows != [[tenant]]:
                self.fail("setting", sql, "returned %s" % rows)
                raise Failed()
            self.report.ok("setting")
        self.session = tenant
        if self.in_tx:
            self.tx_session_set = True

    def set_in_tx(self, tenant, how):
        self.tx_defined = True
        if how == "local":
            self.control("SET LOCAL %s = %s" % (SETTING, q(tenant)))
        elif how == "local_config":
            sql = "SELECT set_config(%s, %s, true)" % (q(SETTING), q(tenant))
            rows, _ = self.stmt(sql)
            if rows != [[tenant]]:
                self.fail("setting", sql, "returned %s" % rows)
                raise Failed()
            self.report.ok("setting")
        else:  # a session-level SET inside the transaction: undone by ROLLBACK
            self.session_before_tx = self.session
            self.set_session(tenant, self.rng.choice(["set", "set_config"]))
        if self.rng.random() < 0.2:
            sql = "SELECT current_setting(%s)" % q(SETTING)
            rows, _ = self.stmt(sql)
            if rows != [[tenant]]:
                self.fail("setting", sql, "got %s, want %s" % (rows, tenant))
                raise Failed()
            self.report.ok("setting")

    def episode(self):
        rng = self.rng
        r = rng.random()
        if r < 0.01:
            return self.never_set_checks()
        if r < 0.025:
            return self.bad_setting_episode(rng.choice(["reset", "42", "local_empty", "config"]))
        others = [t for t in self.tenants if t not in self.models]
        foreign = others and (not self.own or rng.random() < 0.12)
        tenant = rng.choice(others) if foreign else rng.choice(self.own)
        how = rng.choice(["set", "set_to", "set_config", "local", "local_config", "set_in_tx"])
        self.tx_defined = False
        if foreign:
            self.stats["foreign episodes"] += 1
        if how in ("set", "set_to", "set_config"):
            self.context = "tenant %s (%s)" % (short(tenant), how)
            self.set_session(tenant, how)
            if rng.random() < 0.3:
                self.begin(foreign)
        else:
            if how == "local" and rng.random() < 0.3:
                # a session value for another tenant first: the local one overrides it, and it is
                # back after the transaction
                other = rng.choice(self.tenants)
                self.set_session(other, "set")
            self.context = "tenant %s (%s)" % (short(tenant), how)
            self.begin(foreign)
            self.set_in_tx(tenant, how)
        in_tx = self.in_tx
        work = None if foreign else (copy.deepcopy(self.models[tenant]) if in_tx else self.models[tenant])
        outcome = Failed
        try:
            for _ in range(rng.randint(1, 8)):
                self.op(tenant, work)
                if self.tx_aborted:
                    break  # an expected error ended the transaction
            outcome = None
        finally:
            if self.in_tx:
                committed = self.end_tx(outcome is None and not self.tx_aborted and rng.random() < 0.85)
                if committed and work is not None:
                    self.models[tenant] = work
        if self.resync:
            self.resync_models()
        if not foreign and not in_tx and rng.random() < 0.05:
            self.superuser_check(tenant)
        if in_tx and rng.random() < 0.4 or rng.random() < 0.05:
            self.check_session_setting()

    def superuser_check(self, tenant):
        try:
            got = read_tenant(self.admin, tenant)
        except (OSError, ConnectionError) as e:
            self.lost("(superuser) reading tenant %s" % tenant, e)
        if got != self.models[tenant]:
            self.fail("superuser_live", "(superuser) tenant %s" % tenant, "items %s; notes %s" % (
                diff(sorted(got["items"].items()), sorted(self.models[tenant]["items"].items())),
                diff(sorted(got["notes"].items()), sorted(self.models[tenant]["notes"].items()))))
            raise Failed()
        self.report.ok("superuser_live")

    # -- the setting unset or invalid ---------------------------------------------------------------

    def never_set_checks(self):
        """A new session: current_setting(..., true) is NULL, the policy's condition NULL: no
        rows seen, none inserted, none changed."""
        self.connect()
        t = self.rng.choice(self.own or self.tenants)
        self.context = "new session, tenant never set"
        sql = "SELECT current_setting(%s, true) IS NULL" % q(SETTING)
        rows, _ = self.stmt(sql)
        self.expect(sql, rows, [["t"]], key="never_set")
        for sql, want in [("SELECT count(*) FROM items", [["0"]]), ("SELECT tenant_item_count()", [["0"]]),
                          ("SELECT count(*) FROM item_notes", [["0"]]), ("SELECT count(*) FROM notes", [["0"]]),
                          ("SELECT id, tenant_id FROM items WHERE tenant_id = %s" % q(t), [])]:
            if self.rng.random() < 0.6:
                rows, _ = self.stmt(sql)
                self.expect(sql, rows, want, key="never_set")
        rows, _ = self.stmt("EXECUTE ti_items_su", prepared="ti_items_su")
        self.expect("EXECUTE ti_items_su (prepared as the superuser)", rows, [], key="never_set")
        for sql, tag in [("UPDATE items SET qty = qty + 1", "UPDATE 0"), ("DELETE FROM notes", "DELETE 0"),
                         ("UPDATE items SET qty = 0 WHERE tenant_id = %s" % q(t), "UPDATE 0")]:
            if self.rng.random() < 0.6:
                _, got = self.stmt(sql)
                self.expect(sql, [got], [tag], key="never_set")
        sql = "INSERT INTO items (tenant_id, title, qty) VALUES (%s, 'never', 1)" % q(t)
        self.stmt(sql, want_error="42501", key="never_set")

    BAD = ["SELECT count(*) FROM items", "SELECT id, tenant_id FROM items", "SELECT tenant_item_count()",
           "SELECT tenant_id, title, body FROM item_notes", "UPDATE items SET qty = qty + 1", "DELETE FROM items",
           "INSERT INTO items (tenant_id, title, qty) VALUES (%(t)s, 'bad', 1)",
           "INSERT INTO items (tenant_id, title, qty) VALUES (%(t)s, 't00', 1) ON CONFLICT (tenant_id, title) DO NOTHING",
           "INSERT INTO notes (tenant_id, item_id, body) VALUES (%(t)s, 1, 'bad')"]

    def bad_setting_episode(self, kind):
        """The setting empty or not a uuid: every statement on items / notes fails with 22P02."""
        rng = self.rng
        t = q(rng.choice(self.tenants))
        self.context = "setting %s" % kind
        self.tx_defined = False
        if kind == "local_empty":
            self.begin(False)
            self.tx_defined = True
            self.control("SET LOCAL %s = ''" % SETTING)
            key = "reset"
        else:
            if self.session is None or rng.random() < 0.5:
                self.set_session(rng.choice(self.tenants), "set")
            if kind == "reset":
                self.control("RESET " + SETTING)
                self.session, key = "", "reset"
            elif kind == "42":
                self.control("SET %s = '42'" % SETTING)
                self.session, key = "42", "invalid"
            else:
                self.set_session("not-a-uuid", "set_config")
                key = "invalid"
            sql = "SELECT current_setting(%s, true)" % q(SETTING)
            rows, _ = self.stmt(sql)
            self.expect(sql, rows, [[self.session]], key="setting")
        try:
            for sql in rng.sample(self.BAD, 1 if self.in_tx else 3):
                self.stmt(sql % {"t": t}, want_error="22P02", key=key)
        finally:
            if self.in_tx:
                self.end_tx(False)

    # -- statements ----------------------------------------------------------------------------------

    def op(self, tenant, m):
        rng = self.rng
        reads = [self.op_select, self.op_count, self.op_join, self.op_prepared_read]
        if self.read_only:
            return rng.choice(reads)(tenant, m)
        if m is None:
            return rng.choice(reads + [self.op_foreign_write])(tenant, None)
        ops = reads + [self.op_insert, self.op_foreign_write, self.op_update, self.op_delete,
                       self.op_upsert, self.op_note, self.op_note]
        weights = [3, 2, 3, 1, 2, 3, 3, 2, 2, 2, 2]
        n = len(m["items"])
        if n < 4:
            weights[ops.index(self.op_delete)] = 0
            weights[ops.index(self.op_insert)] = 4
        if n > 25:
            weights[ops.index(self.op_delete)] = 5
        return rng.choices(ops, weights)[0](tenant, m)

    def other_tenant(self, tenant):
        return self.rng.choice([t for t in self.tenants if t != tenant])

    def some_item_id(self, m):
        """An item id: one of the tenant's (if any), another tenant's, or none at all."""
        r = self.rng.random()
        if m and m["items"] and r < 0.5:
            return self.rng.choice(list(m["items"]))
        if r < 0.85:
            return self.rng.choice(self.ctx["all_seed_items"])
        return self.rng.randint(1, 10 ** 9)

    def item_pred(self, tenant, m):
        """A WHERE clause on items (unqualified columns, or items.*) and its meaning on the model:
        f(id, title, qty)."""
        rng = self.rng
        r = rng.randrange(14)
        if r == 0:
            return "", lambda i, t, n: True
        if r == 1:
            x = rng.randint(0, 110)
            return " WHERE qty < %d" % x, lambda i, t, n: n < x
        if r == 2:
            x = rng.choice(TITLES)
            return " WHERE title = '%s'" % x, lambda i, t, n: t == x
        if r == 3:
            x = "t%d" % rng.randrange(4)
            return " WHERE title LIKE '%s%%'" % x, lambda i, t, n: t.startswith(x)
        if r == 4:
            x = self.some_item_id(m)
            return " WHERE id = %d" % x, lambda i, t, n: i == x
        if r == 5:
            xs = [self.some_item_id(m) for _ in range(3)]
            return " WHERE id IN (%s)" % ", ".join(map(str, xs)), lambda i, t, n: i in xs
        if r == 6:
            return " WHERE tenant_id = %s" % q(self.other_tenant(tenant)), lambda i, t, n: False
        if r == 7:
            return " WHERE tenant_id <> %s" % q(tenant), lambda i, t, n: False
        if r == 8:
            x = rng.randint(0, 110)
            return " WHERE tenant_id = %s AND qty >= %d" % (q(tenant), x), lambda i, t, n: n >= x
        if r == 9:
            return " WHERE qty % 2 = 0", lambda i, t, n: n % 2 == 0
        noted = {it for it, _ in m["notes"].values()} if m else set()
        if r == 10:
            return " WHERE id IN (SELECT item_id FROM notes)", lambda i, t, n: i in noted
        if r == 11:
            return (" WHERE EXISTS (SELECT 1 FROM notes n WHERE n.item_id = items.id AND n.tenant_id = items.tenant_id)",
                    lambda i, t, n: i in noted)
        if r == 12:
            x = rng.randint(0, 110)
            return (" WHERE tenant_id IN (%s, %s) AND qty < %d" % (q(tenant), q(self.other_tenant(tenant)), x),
                    lambda i, t, n: n < x)
        return " WHERE tenant_id = current_setting(%s)::uuid" % q(SETTING), lambda i, t, n: True

    @staticmethod
    def items_of(m, f=lambda i, t, n: True):
        return [(i, t, n) for i, (t, n) in m["items"].items() if f(i, t, n)]

    def verify_full(self, tenant, m):
        """After a write: all the tenant's rows, as the tenant sees them, equal the model."""
        sql = "SELECT id, tenant_id, title, qty FROM items" + self.rng.choice(["", " ORDER BY id DESC"])
        rows, _ = self.stmt(sql)
        self.check_tenant(sql, rows, [1], tenant)
        self.expect(sql, [(int(r[0]), r[2], int(r[3])) for r in rows], self.items_of(m))
        sql = "SELECT id, tenant_id, item_id, body FROM notes"
        rows, _ = self.stmt(sql)
        self.check_tenant(sql, rows, [1], tenant)
        self.expect(sql, [(int(r[0]), int(r[2]), r[3]) for r in rows], [(i, it, b) for i, (it, b) in m["notes"].items()])
        self.stats["writes"] += 1

    def op_select(self, tenant, m):
        rng = self.rng
        pred, f = self.item_pred(tenant, m)
        order = rng.choice(["", " ORDER BY id", " ORDER BY title DESC"])
        lock = "" if self.read_only else rng.choice(["", "", "", " FOR UPDATE", " FOR SHARE"])
        sql = "SELECT id, tenant_id, title, qty FROM items" + pred + order + lock
        rows, _ = self.stmt(sql)
        self.check_tenant(sql, rows, [1], tenant)
        if m is not None:
            got = [(int(r[0]), r[2], int(r[3])) for r in rows]
            want = self.items_of(m, f)
            if order == " ORDER BY id":
                self.expect(sql, got, sorted(want), ordered=True)
            elif order:
                self.expect(sql, [g[1] for g in got], sorted([w[1] for w in want], reverse=True), ordered=True)
            else:
                self.expect(sql, got, want)

    def op_count(self, tenant, m):
        rng = self.rng
        r = rng.randrange(9)
        n = len(m["items"]) if m else None
        total = sum(x for _, x in m["items"].values()) if m else None
        if r == 0:
            sql, want = "SELECT count(*) FROM items", [[str(n)]]
        elif r == 1:
            sql, want = "SELECT tenant_item_count()", [[str(n)]]
        elif r == 2:
            sql = "SELECT count(*), tenant_item_count(), coalesce(sum(qty), 0) FROM items"
            rows, _ = self.stmt(sql)
            if rows[0][0] != rows[0][1]:
                self.fail("model", sql, "count(*) and tenant_item_count() differ: %s" % rows)
                raise Failed()
            want = [[str(n), str(n), str(total)]]
        elif r == 3:
            sql = "SELECT tenant_id, count(*), sum(qty) FROM items GROUP BY tenant_id"
            rows, _ = self.stmt(sql)
            self.check_tenant(sql, rows, [0], tenant)
            want = ([[tenant, str(n), str(total)]] if n else []) if m else None
        elif r == 4:
            sql, want = "SELECT count(*) FROM notes", [[str(len(m["notes"]))]] if m else None
        elif r == 5:
            sql, want = "SELECT tenant_item_count() FROM generate_series(1, 3)", [[str(n)]] * 3
            if not m:
                rows, _ = self.stmt(sql)
                if len(rows) != 3 or len({r[0] for r in rows}) != 1:
                    self.fail("model", sql, "got %s" % rows)
                    raise Failed()
                return
        elif r == 6:
            sql = "SELECT tenant_id, count(*) FROM items WHERE tenant_id = %s GROUP BY tenant_id" % q(tenant)
            rows, _ = self.stmt(sql)
            self.check_tenant(sql, rows, [0], tenant)
            want = ([[tenant, str(n)]] if n else []) if m else None
        elif r == 7:  # exact whoever acts
            sql, want = "SELECT count(*) FROM items WHERE tenant_id = %s" % q(self.other_tenant(tenant)), [["0"]]
        else:
            sql, want = "SELECT count(*) FROM items WHERE tenant_id = current_setting(%s)::uuid" % q(SETTING), [[str(n)]]
        if r not in (2, 3, 6):
            rows, _ = self.stmt(sql)
        if m is not None or r == 7:
            self.expect(sql, rows, want, ordered=True)

    def op_join(self, tenant, m):
        rng = self.rng
        r = rng.randrange(10)
        items = m["items"] if m else {}
        notes = m["notes"] if m else {}
        pairs = [(it, ni) for ni, (it, _) in notes.items() if it in items]
        nullable, want = (), None
        if r == 0:
            sql = "SELECT i.tenant_id, n.tenant_id, i.id, n.id FROM items i JOIN notes n ON n.item_id = i.id"
            cols, conv, want = [0, 1], lambda row: (int(row[2]), int(row[3])), pairs
        elif r == 1:
            sql = "SELECT n.tenant_id, i.tenant_id, n.id, i.id FROM notes n LEFT JOIN items i ON i.id = n.item_id"
            cols, nullable = [0, 1], (1,)
            conv = lambda row: (int(row[2]), row[3] and int(row[3]))  # noqa: E731
            want = [(ni, it if it in items else None) for ni, (it, _) in notes.items()]
        elif r == 2:
            x = rng.choice(TITLES)
            where = rng.choice(["", " WHERE title = '%s'" % x])
            sql = "SELECT tenant_id, title, body FROM item_notes" + where
            cols, conv = [0], lambda row: (row[1], row[2])
            want = [(items[it][0], b) for _, (it, b) in notes.items() if it in items and (not where or items[it][0] == x)]
        elif r == 3:
            sql = "SELECT i.tenant_id, i.id, (SELECT count(*) FROM notes n WHERE n.item_id = i.id) FROM items i"
            cols, conv = [0], lambda row: (int(row[1]), int(row[2]))
            want = [(i, sum(1 for it, _ in notes.values() if it == i)) for i in items]
        elif r == 4:
            sql = "SELECT count(*) FROM items i, notes n WHERE n.tenant_id <> i.tenant_id"
            rows, _ = self.stmt(sql)
            self.expect(sql, rows, [["0"]], key="foreign_rows")
            return
        elif r == 5:
            x = rng.randint(0, 110)
            sql = ("WITH h AS (SELECT id, tenant_id FROM items WHERE qty >= %d) SELECT h.tenant_id, n.tenant_id, h.id, n.id"
                   " FROM h LEFT JOIN notes n ON n.item_id = h.id" % x)
            cols, nullable = [0, 1], (1,)
            conv = lambda row: (int(row[2]), row[3] and int(row[3]))  # noqa: E731
            want = []
            for i, (_, n) in items.items():
                if n >= x:
                    mine = [ni for ni, (it, _) in notes.items() if it == i]
                    want += [(i, ni) for ni in mine] or [(i, None)]
        elif r == 6:
            sql = "SELECT i.tenant_id, n.tenant_id, i.id, n.id FROM items i FULL JOIN notes n ON n.item_id = i.id"
            cols, nullable = [0, 1], (0, 1)
            conv = lambda row: (row[2] and int(row[2]), row[3] and int(row[3]))  # noqa: E731
            matched = {it for it, _ in pairs}
            want = pairs + [(i, None) for i in items if i not in matched] + \
                [(None, ni) for ni, (it, _) in notes.items() if it not in items]
        elif r == 7:
            sql = "SELECT a.tenant_id, b.tenant_id, a.id, b.id FROM items a JOIN items b ON a.title = b.title"
            cols, conv, want = [0, 1], lambda row: (int(row[2]), int(row[3])), [(i, i) for i in items]
        elif r == 8:
            sql = "SELECT tenant_id, title, body FROM item_notes WHERE tenant_id = %s" % q(self.other_tenant(tenant))
            rows, _ = self.stmt(sql)
            self.expect(sql, rows, [], key="foreign_rows")
            return
        else:
            sql = "SELECT v.tenant_id, i.tenant_id, v.title FROM item_notes v JOIN items i ON i.title = v.title"
            cols, conv = [0, 1], lambda row: row[2]
            want = [items[it][0] for _, (it, _) in notes.items() if it in items]
        rows, _ = self.stmt(sql)
        self.check_tenant(sql, rows, cols, tenant, nullable)
        if m is not None:
            self.expect(sql, [conv(row) for row in rows], want)

    def op_prepared_read(self, tenant, m):
        r = self.rng.randrange(4)
        if r == 0:
            rows, _ = self.stmt("EXECUTE ti_items_su", prepared="ti_items_su")
            self.check_tenant("EXECUTE ti_items_su (prepared as the superuser)", rows, [1], tenant)
            if m is not None:
                self.expect("EXECUTE ti_items_su", [(int(r[0]), r[2], int(r[3])) for r in rows], self.items_of(m))
        elif r == 1:
            x = self.rng.randint(0, 110)
            rows, _ = self.stmt("EXECUTE ti_items(%d)" % x, prepared="ti_items", params=[x])
            self.check_tenant("EXECUTE ti_items", rows, [1], tenant)
            if m is not None:
                self.expect("EXECUTE ti_items(%d)" % x, [(int(r[0]), r[2], int(r[3])) for r in rows],
                            self.items_of(m, lambda i, t, n: n < x))
        elif r == 2:
            rows, _ = self.stmt("EXECUTE ti_count", prepared="ti_count")
            want = [[str(len(m["items"]))] * 2] if m else [[rows[0][0]] * 2]
            self.expect("EXECUTE ti_count", rows, want, ordered=True)
        else:
            rows, _ = self.stmt("EXECUTE ti_view", prepared="ti_view")
            self.check_tenant("EXECUTE ti_view", rows, [0], tenant)
            if m is not None:
                items = m["items"]
                self.expect("EXECUTE ti_view", [(r[1], r[2]) for r in rows],
                            [(items[it][0], b) for it, b in m["notes"].values() if it in items])

    def op_insert(self, tenant, m):
        rng = self.rng
        k = rng.choice([1, 1, 1, 2, 3])
        titles = rng.sample(TITLES, k)
        qtys = [rng.randint(0, 100) for _ in titles]
        existing = {t for t, _ in m["items"].values()}
        form = rng.randrange(3)
        ret = " RETURNING id, tenant_id, title, qty"
        if form == 0:
            sql = "INSERT INTO items (tenant_id, title, qty) VALUES " + ", ".join(
                "(%s, '%s', %d)" % (q(tenant), t, n) for t, n in zip(titles, qtys)) + ret
        elif form == 1:
            sql = "INSERT INTO items (title, qty, tenant_id) VALUES " + ", ".join(
                "('%s', %d, current_setting(%s)::uuid)" % (t, n, q(SETTING)) for t, n in zip(titles, qtys)) + ret
        else:
            titles, qtys = titles[:1], qtys[:1]
            sql = "INSERT INTO items (tenant_id, title, qty) SELECT %s::uuid, '%s', %d" % (q(tenant), titles[0], qtys[0]) + ret
        dup = any(t in existing for t in titles)
        res = self.stmt(sql, want_error="23505" if dup else None, key="sqlstate")
        if res is None:
            if not self.in_tx:
                self.verify_full(tenant, m)
            return
        rows, _ = res
        self.check_tenant(sql, rows, [1], tenant)
        self.expect(sql, [(r[2], int(r[3])) for r in rows], list(zip(titles, qtys)))
        for r in rows:
            if int(r[0]) in m["items"]:
                self.fail("model", sql, "new row with an existing id %s" % r[0])
                raise Failed()
            m["items"][int(r[0])] = (r[2], int(r[3]))
        self.verify_full(tenant, m)

    def op_foreign_write(self, tenant, m):
        """A write with another tenant's id: refused (42501) whatever the rows, and nothing changes."""
        rng = self.rng
        o = self.other_tenant(tenant)
        title = rng.choice(self.ctx["seed_titles"][o])
        x = self.some_item_id(m)
        forms = list(range(8)) + (list(range(8, 14)) if m is not None else [])
        form = rng.choice(forms)
        want = "42501"
        if form == 0:
            sql = "INSERT INTO items (tenant_id, title, qty) VALUES (%s, '%s', 1)%s" % (q(o), title, rng.choice(["", " RETURNING id, tenant_id"]))
        elif form == 1:
            sql = ("INSERT INTO items (tenant_id, title, qty) VALUES (%s, '%s', 1) ON CONFLICT (tenant_id, title)"
                   " DO UPDATE SET qty = items.qty + 1000 RETURNING id, tenant_id" % (q(o), title))
        elif form == 2:
            sql = ("INSERT INTO items (tenant_id, title, qty) VALUES (%s, '%s', 1) ON CONFLICT (tenant_id, title)"
                   " DO NOTHING RETURNING id, tenant_id" % (q(o), title))
        elif form == 3:
            sql = "INSERT INTO items (tenant_id, title, qty) VALUES (%s, '%s', 1) ON CONFLICT DO NOTHING" % (q(o), title)
        elif form == 4:
            sql = "INSERT INTO notes (tenant_id, item_id, body) VALUES (%s, %d, 'forged') RETURNING id, tenant_id" % (q(o), x)
        elif form == 5:
            self.stmt("EXECUTE ti_upsert(%s, %s, 1)" % (o, title), want_error=want, key="refused",
                      prepared="ti_upsert", params=[o, title, 1])
            return self.after_refusal(tenant, m)
        elif form == 6:
            sql = ("WITH w AS (INSERT INTO items (tenant_id, title, qty) VALUES (%s, '%s', 1) RETURNING id, tenant_id)"
                   " SELECT tenant_id, id FROM w" % (q(o), title))
        elif form == 7:
            sql = "INSERT INTO items (tenant_id, title, qty) VALUES (%s, 'forged', 1), (%s, 'forged', 2)" % (q(o), q(self.other_tenant(tenant)))
        elif form == 8:
            free = [t for t in TITLES if t not in {t for t, _ in m["items"].values()}]
            sql = "INSERT INTO items (tenant_id, title, qty) VALUES (%s, '%s', 1), (%s, '%s', 1)" % (
                q(tenant), free[0] if free else "t00", q(o), title)
            if not free:
                want = "23505"
        elif form in (9, 10):
            pred, f = self.item_pred(tenant, m)
            if form == 9:
                sql = "UPDATE items SET tenant_id = %s%s RETURNING id, tenant_id" % (q(o), pred)
            else:
                sql = "INSERT INTO notes (tenant_id, item_id, body) SELECT %s, id, 'forged' FROM items%s" % (q(o), pred)
            if not self.items_of(m, f):
                want = None
                _, tag = self.stmt(sql)
                self.expect_tag(sql, tag, "UPDATE 0" if form == 9 else "INSERT 0 0")
        elif form == 11:
            sql = "UPDATE notes SET tenant_id = %s WHERE item_id = %d" % (q(o), x)
            if not any(it == x for it, _ in m["notes"].values()):
                want = None
                _, tag = self.stmt(sql)
                self.expect_tag(sql, tag, "UPDATE 0")
        elif form == 12:
            sql = "UPDATE items SET tenant_id = %s, qty = qty + 1 FROM notes WHERE notes.item_id = items.id" % q(o)
            if not any(it in m["items"] for it, _ in m["notes"].values()):
                want = None
                _, tag = self.stmt(sql)
                self.expect_tag(sql, tag, "UPDATE 0")
        else:
            # an upsert of the tenant's own row that would move it to another tenant: refused when
            # the title exists (the update happens), an ordinary insert when not
            t = rng.choice(TITLES)
            sql = ("INSERT INTO items (tenant_id, title, qty) VALUES (%s, '%s', 5) ON CONFLICT (tenant_id, title)"
                   " DO UPDATE SET tenant_id = %s RETURNING id, tenant_id, title, qty" % (q(tenant), t, q(o)))
            if t not in {tt for tt, _ in m["items"].values()}:
                rows, _ = self.stmt(sql)
                self.check_tenant(sql, rows, [1], tenant)
                self.expect(sql, [(r[2], r[3]) for r in rows], [(t, "5")])
                m["items"][int(rows[0][0])] = (t, 5)
                return self.verify_full(tenant, m)
        if want:
            self.stmt(sql, want_error=want, key="refused" if want == "42501" else "sqlstate")
        self.after_refusal(tenant, m)

    def after_refusal(self, tenant, m):
        if m is not None and not self.in_tx:
            self.verify_full(tenant, m)

    def op_update(self, tenant, m):
        rng = self.rng
        pred, f = self.item_pred(tenant, m)
        match = self.items_of(m, f)
        d = rng.randint(1, 5)
        form = rng.randrange(6)
        if form == 0:
            sql = "UPDATE items SET qty = qty + %d%s RETURNING id, tenant_id, title, qty" % (d, pred)
            rows, _ = self.stmt(sql)
            self.check_tenant(sql, rows, [1], tenant)
            want = [(i, t, n + d) for i, t, n in match]
            self.expect(sql, [(int(r[0]), r[2], int(r[3])) for r in rows], want)
        elif form == 1:
            x = rng.randint(0, 100)
            sql = "UPDATE items SET qty = %d%s" % (x, pred)
            _, tag = self.stmt(sql)
            self.expect_tag(sql, tag, "UPDATE %d" % len(match))
            want = [(i, t, x) for i, t, _ in match]
        elif form == 2:
            sql = "WITH u AS (UPDATE items SET qty = qty + %d%s RETURNING id, tenant_id, qty) SELECT tenant_id, id, qty FROM u" % (d, pred)
            rows, _ = self.stmt(sql)
            self.check_tenant(sql, rows, [0], tenant)
            want = [(i, t, n + d) for i, t, n in match]
            self.expect(sql, [(int(r[1]), int(r[2])) for r in rows], [(i, n) for i, _, n in want])
        elif form == 3:
            x = self.some_item_id(m)
            newt = rng.choice(TITLES)
            sql = "UPDATE items SET title = '%s' WHERE id = %d RETURNING id, tenant_id, title, qty" % (newt, x)
            if x in m["items"] and any(t == newt and i != x for i, (t, _) in m["items"].items()):
                if self.stmt(sql, want_error="23505", key="sqlstate") is None and not self.in_tx:
                    self.verify_full(tenant, m)
                return
            rows, _ = self.stmt(sql)
            self.check_tenant(sql, rows, [1], tenant)
            want = [(x, newt, m["items"][x][1])] if x in m["items"] else []
            self.expect(sql, [(int(r[0]), r[2], int(r[3])) for r in rows], want)
        elif form == 4:
            body = rng.choice(["", " AND notes.body LIKE 'b%'"])
            sql = ("UPDATE items SET qty = qty + 1 FROM notes WHERE notes.item_id = items.id%s"
                   " RETURNING items.id, items.tenant_id, notes.tenant_id, items.qty" % body)
            rows, _ = self.stmt(sql)
            self.check_tenant(sql, rows, [1, 2], tenant)
            ids = {it for it, b in m["notes"].values() if it in m["items"] and (not body or b.startswith("b"))}
            want = [(i, t, n + 1) for i, t, n in self.items_of(m) if i in ids]
            self.expect(sql, [(int(r[0]), int(r[3])) for r in rows], [(i, n) for i, _, n in want])
        else:
            sql = "UPDATE items SET tenant_id = %s, qty = qty + %d%s RETURNING id, tenant_id, title, qty" % (q(tenant), d, pred)
            rows, _ = self.stmt(sql)
            self.check_tenant(sql, rows, [1], tenant)
            want = [(i, t, n + d) for i, t, n in match]
            self.expect(sql, [(int(r[0]), r[2], int(r[3])) for r in rows], want)
        for i, t, n in want:
            m["items"][i] = (t, n)
        self.verify_full(tenant, m)

    def op_delete(self, tenant, m):
        rng = self.rng
        pred, f = self.item_pred(tenant, m)
        match = self.items_of(m, f)
        if len(match) > 3:
            x = self.some_item_id(m)
            pred, f = " WHERE id = %d" % x, (lambda i, t, n: i == x)
            match = self.items_of(m, f)
        form = rng.randrange(3)
        if form == 0:
            sql = "DELETE FROM items%s RETURNING id, tenant_id, title, qty" % pred
            rows, _ = self.stmt(sql)
            self.check_tenant(sql, rows, [1], tenant)
            self.expect(sql, [(int(r[0]), r[2], int(r[3])) for r in rows], match)
        elif form == 1:
            sql = "DELETE FROM items" + pred
            _, tag = self.stmt(sql)
            self.expect_tag(sql, tag, "DELETE %d" % len(match))
        else:
            sql = "WITH d AS (DELETE FROM items%s RETURNING id, tenant_id) SELECT tenant_id, id FROM d" % pred
            rows, _ = self.stmt(sql)
            self.check_tenant(sql, rows, [0], tenant)
            self.expect(sql, [int(r[1]) for r in rows], [i for i, _, _ in match])
        for i, _, _ in match:
            del m["items"][i]
        self.verify_full(tenant, m)

    def op_upsert(self, tenant, m):
        rng = self.rng
        titles = rng.sample(TITLES, rng.choice([1, 1, 2, 3]))
        qtys = [rng.randint(1, 20) for _ in titles]
        by_title = {t: (i, n) for i, (t, n) in m["items"].items()}
        form = rng.randrange(4)
        values = ", ".join("(%s, '%s', %d)" % (q(tenant), t, n) for t, n in zip(titles, qtys))
        ins = "INSERT INTO items (tenant_id, title, qty) VALUES " + values + " ON CONFLICT (tenant_id, title) "
        ret = " RETURNING id, tenant_id, title, qty"
        x = rng.randint(0, 110)
        if form == 3:
            titles, qtys = titles[:1], qtys[:1]
            sql = "EXECUTE ti_upsert(%s, %s, %d)" % (tenant, titles[0], qtys[0])
            rows, _ = self.stmt(sql, prepared="ti_upsert", params=[tenant, titles[0], qtys[0]])
        else:
            sql = ins + ["DO UPDATE SET qty = items.qty + excluded.qty",
                         "DO UPDATE SET qty = excluded.qty WHERE items.qty < %d" % x, "DO NOTHING"][form] + ret
            rows, _ = self.stmt(sql)
        self.check_tenant(sql, rows, [1], tenant)
        want = []
        for t, n in zip(titles, qtys):
            if t not in by_title:
                want.append((t, n))
            elif form in (0, 3):
                want.append((t, by_title[t][1] + n))
            elif form == 1 and by_title[t][1] < x:
                want.append((t, n))
        got = [(r[2], int(r[3])) for r in rows]
        self.expect(sql, got, want)
        for r in rows:
            i, t = int(r[0]), r[2]
            if t in by_title and by_title[t][0] != i:
                self.fail("model", sql, "upsert of %s returned id %d, the row is %d" % (t, i, by_title[t][0]))
                raise Failed()
            m["items"][i] = (t, int(r[3]))
        self.verify_full(tenant, m)

    def op_note(self, tenant, m):
        rng = self.rng
        notes, items = m["notes"], m["items"]
        form = rng.randrange(7)
        if len(notes) > 30:
            form = rng.choice([3, 4, 5, 6])
        if form == 0:
            x = rng.choice(list(items)) if items and rng.random() < 0.7 else self.some_item_id(m)
            body = "b%d" % rng.randrange(1000)
            sql = "INSERT INTO notes (tenant_id, item_id, body) VALUES (%s, %d, '%s') RETURNING id, tenant_id, item_id, body" % (q(tenant), x, body)
            rows, _ = self.stmt(sql)
            self.check_tenant(sql, rows, [1], tenant)
            self.expect(sql, [(int(r[2]), r[3]) for r in rows], [(x, body)])
            notes[int(rows[0][0])] = (x, body)
        elif form == 1:
            pred, f = self.item_pred(tenant, m)
            match = self.items_of(m, f)
            if len(match) > 4:
                x = self.some_item_id(m)
                pred, match = " WHERE id = %d" % x, self.items_of(m, lambda i, t, n: i == x)
            sql = "INSERT INTO notes (tenant_id, item_id, body) SELECT tenant_id, id, 'auto' FROM items%s RETURNING id, tenant_id, item_id, body" % pred
            rows, _ = self.stmt(sql)
            self.check_tenant(sql, rows, [1], tenant)
            self.expect(sql, [int(r[2]) for r in rows], [i for i, _, _ in match])
            for r in rows:
                notes[int(r[0])] = (int(r[2]), "auto")
        elif form == 2:
            x = rng.choice([it for it, _ in notes.values()]) if notes and rng.random() < 0.7 else self.some_item_id(m)
            body = "u%d" % rng.randrange(1000)
            sql = "UPDATE notes SET body = '%s' WHERE item_id = %d RETURNING id, tenant_id, body" % (body, x)
            rows, _ = self.stmt(sql)
            self.check_tenant(sql, rows, [1], tenant)
            want = [ni for ni, (it, _) in notes.items() if it == x]
            self.expect(sql, [(int(r[0]), r[2]) for r in rows], [(ni, body) for ni in want])
            for ni in want:
                notes[ni] = (x, body)
        elif form == 3:
            x = rng.choice(list(notes)) if notes and rng.random() < 0.7 else rng.choice(self.ctx["all_seed_notes"] or [1])
            sql = "DELETE FROM notes WHERE id = %d RETURNING id, tenant_id" % x
            rows, _ = self.stmt(sql)
            self.check_tenant(sql, rows, [1], tenant)
            self.expect(sql, [int(r[0]) for r in rows], [x] if x in notes else [])
            notes.pop(x, None)
        elif form == 4:
            x = rng.randint(0, 110)
            sql = ("DELETE FROM notes USING items WHERE items.id = notes.item_id AND items.qty < %d"
                   " RETURNING notes.id, notes.tenant_id, items.tenant_id" % x)
            rows, _ = self.stmt(sql)
            self.check_tenant(sql, rows, [1, 2], tenant)
            want = [ni for ni, (it, _) in notes.items() if it in items and items[it][1] < x]
            self.expect(sql, [int(r[0]) for r in rows], want)
            for ni in want:
                del notes[ni]
        elif form == 5:
            sql = "DELETE FROM notes WHERE item_id NOT IN (SELECT id FROM items) RETURNING id, tenant_id, item_id"
            rows, _ = self.stmt(sql)
            self.check_tenant(sql, rows, [1], tenant)
            want = [ni for ni, (it, _) in notes.items() if it not in items]
            self.expect(sql, [int(r[0]) for r in rows], want)
            for ni in want:
                del notes[ni]
        else:
            sql = "DELETE FROM notes WHERE body = 'auto'"
            _, tag = self.stmt(sql)
            want = [ni for ni, (_, b) in notes.items() if b == "auto"]
            self.expect_tag(sql, tag, "DELETE %d" % len(want))
            for ni in want:
                del notes[ni]
        self.verify_full(tenant, m)


SCHEMA = [
    "DROP VIEW IF EXISTS item_notes",
    "DROP FUNCTION IF EXISTS tenant_item_count()",
    "DROP TABLE IF EXISTS notes, items, tenants",
    "DROP ROLE IF EXISTS " + ROLE,
    "CREATE TABLE tenants (id uuid PRIMARY KEY, name text)",
    "CREATE TABLE items (id bigserial PRIMARY KEY, tenant_id uuid NOT NULL, title text, qty int, UNIQUE (tenant_id, title))",
    "CREATE TABLE notes (id bigserial PRIMARY KEY, tenant_id uuid NOT NULL, item_id bigint, body text)",
    "CREATE INDEX items_tenant_id_idx ON items (tenant_id)",
    "ALTER TABLE items ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE notes ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY tenant_isolation ON items FOR ALL"
    " USING (tenant_id = current_setting('app.current_tenant_id', true)::uuid)"
    " WITH CHECK (tenant_id = current_setting('app.current_tenant_id', true)::uuid)",
    "CREATE POLICY tenant_isolation ON notes FOR ALL"
    " USING (tenant_id = current_setting('app.current_tenant_id', true)::uuid)"
    " WITH CHECK (tenant_id = current_setting('app.current_tenant_id', true)::uuid)",
    "CREATE VIEW item_notes WITH (security_invoker = true) AS"
    " SELECT i.tenant_id, i.title, n.body FROM items i JOIN notes n ON n.item_id = i.id",
    "CREATE FUNCTION tenant_item_count() RETURNS bigint LANGUAGE sql STABLE AS 'SELECT count(*) FROM items'",
    "CREATE ROLE %s NOLOGIN" % ROLE,
    "GRANT SELECT, INSERT, UPDATE, DELETE ON items, notes, item_notes TO " + ROLE,
    "GRANT USAGE ON SEQUENCE items_id_seq, notes_id_seq TO " + ROLE,
]


def setup(admin, rng, ntenants, report):
    for sql in SCHEMA:
        admin.query(sql)
    tenants = [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(ntenants)]
    admin.query("INSERT INTO tenants VALUES " + ", ".join("(%s, 'tenant %d')" % (q(t), k) for k, t in enumerate(tenants)))
    admin.query("INSERT INTO items (tenant_id, title, qty) VALUES " + ", ".join(
        "(%s, '%s', %d)" % (q(t), title, rng.randint(0, 100)) for t in tenants for title in rng.sample(TITLES, rng.randint(3, 6))))
    rows, _ = admin.query("SELECT id, tenant_id FROM items")
    by_tenant = collections.defaultdict(list)
    for i, t in rows:
        by_tenant[t].append(int(i))
    all_items = [int(r[0]) for r in rows]
    notes = []
    for t in tenants:
        for _ in range(rng.randint(0, 4)):
            notes.append("(%s, %d, 'b%d')" % (q(t), rng.choice(by_tenant[t]), rng.randrange(1000)))
        if rng.random() < 0.3:  # a note on another tenant's item: joins must not reach it
            notes.append("(%s, %d, 'cross')" % (q(t), rng.choice(all_items)))
    admin.query("INSERT INTO notes (tenant_id, item_id, body) VALUES " + ", ".join(notes))
    models = {t: read_tenant(admin, t) for t in tenants}
    (row,), _ = admin.query("SELECT (SELECT count(*) FROM pg_policies WHERE tablename IN ('items', 'notes')),"
                            " (SELECT count(*) FROM pg_class WHERE relname IN ('items', 'notes') AND relrowsecurity),"
                            " (SELECT count(*) FROM items), (SELECT count(*) FROM notes)")
    want = ["2", "2", str(sum(len(m["items"]) for m in models.values())), str(len(notes))]
    if row != want:
        report.fail("setup", "policies, RLS tables, items, notes: %s, want %s" % (row, want))
    else:
        report.ok("setup")
    seed_notes = [int(r[0]) for r in admin.query("SELECT id FROM notes")[0]]
    return tenants, models, all_items, seed_notes


def final_checks(admin, tenants, clients, report):
    for table in ("items", "notes"):
        sql = "SELECT tenant_id, count(*) FROM %s WHERE tenant_id NOT IN (SELECT id FROM tenants) GROUP BY 1" % table
        rows, _ = admin.query(sql)
        if rows:
            report.fail("final_tenants", "%s: rows of unknown tenants %s" % (table, rows))
        else:
            report.ok("final_tenants")
    for c in clients:
        for t, m in c.models.items():
            got = read_tenant(admin, t)
            if got != m:
                report.fail("final_model", "tenant %s (client %d): items %s; notes %s" % (
                    t, c.k, diff(sorted(got["items"].items()), sorted(m["items"].items())),
                    diff(sorted(got["notes"].items()), sorted(m["notes"].items()))))
            else:
                report.ok("final_model")


def stop(server, report):
    """Stops the server started for the test (SIGTERM), killing it after a minute."""
    if server.proc:
        children = subprocess.run(["ps", "-o", "pid=", "--ppid", str(server.proc.pid)],
                                  capture_output=True, text=True).stdout.split()
        server.proc.terminate()
        try:
            server.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            report.fail("errors", "the server did not stop within 60 s of SIGTERM: killed")
            for pid in children:
                try:
                    os.kill(int(pid), signal.SIGKILL)
                except OSError:
                    pass
            server.proc.kill()
    server.stop()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tusk")
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--tenants", type=int, default=50)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--port", type=int, help="use a running server instead of starting one")
    ap.add_argument("--verbose", action="store_true", help="print every failure, not the first four of a check")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(10 ** 6)
    rng = random.Random(seed)
    report = Report()
    server = Server(args.tusk, args.port)
    t0 = time.time()
    clients = []
    try:
        admin = server.connect()
        tenants, models, all_items, seed_notes = setup(admin, rng, args.tenants, report)
        admin.close()
        ctx = {"server": server, "report": report, "tenants": tenants, "seed_models": models,
               "all_seed_items": all_items, "all_seed_notes": seed_notes,
               "seed_titles": {t: [v[0] for v in m["items"].values()] for t, m in models.items()},
               "deadline": time.time() + args.seconds}
        clients = [Client(k, ctx, tenants[k::args.clients], rng.randrange(2 ** 32)) for k in range(args.clients)]
        for c in clients:
            c.start()
        for c in clients:
            c.join(max(1, ctx["deadline"] + 60 - time.time()))
        stuck = [c for c in clients if c.is_alive()]
        for c in stuck:
            report.fail("errors", "client %d, %s: no answer 60 s after the end, to: %s" % (
                c.k, c.context, c.trail[-1] if c.trail else "?"))
        if not stuck:
            admin = connect_retrying(server)
            final_checks(admin, tenants, clients, report)
            admin.close()
    except Exception:  # noqa: BLE001
        report.fail("errors", "the test: %s" % traceback.format_exc().strip().splitlines()[-1])
    finally:
        stop(server, report)
    stats = collections.Counter()
    for c in clients:
        stats.update(c.stats)
    print("tenant_isolation: seed %d, %d tenants, %d clients, %.1f s: %s" % (
        seed, args.tenants, args.clients, time.time() - t0, ", ".join("%d %s" % (v, k) for k, v in sorted(stats.items()))))
    passed, failed = report.print(args.verbose)
    print("tenant_isolation: %d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
