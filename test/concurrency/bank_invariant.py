#!/usr/bin/env python3
"""Money moves between accounts under concurrency and the total never changes.

Clients transfer random amounts between random accounts in REPEATABLE READ transactions,
retrying on 40001/40P01; auditors repeatedly read every balance in one snapshot and check the
total. A lost update or a torn read would show as a wrong total.

    bank_invariant.py TUSK_BINARY [--accounts N] [--clients N] [--transfers N] [--level L]

Prints "bank: N passed, M failed" (one case).
"""
import argparse
import random
import threading
import time

from common import RETRYABLE, Server


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tusk")
    ap.add_argument("--accounts", type=int, default=1000)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--transfers", type=int, default=300, help="per client")
    ap.add_argument("--level", default="REPEATABLE READ")
    ap.add_argument("--port", type=int, help="use a running server instead of starting one")
    args = ap.parse_args()
    server = Server(args.tusk, args.port)
    admin = server.connect()
    admin.query("DROP TABLE IF EXISTS accounts")
    admin.query("CREATE TABLE accounts (id int PRIMARY KEY, balance bigint NOT NULL)")
    admin.query("INSERT INTO accounts SELECT g, 1000 FROM generate_series(1, %d) g" % args.accounts)
    total = 1000 * args.accounts
    errors, retries, audits = [], [0], [0]
    stop = threading.Event()

    def client(seed):
        rng = random.Random(seed)
        conn = server.connect()
        try:
            for _ in range(args.transfers):
                a, b = rng.sample(range(1, args.accounts + 1), 2)
                amount = rng.randint(1, 100)
                attempts = [0]

                def body():
                    attempts[0] += 1
                    conn.query("BEGIN ISOLATION LEVEL " + args.level)
                    ra, _ = conn.query("SELECT balance FROM accounts WHERE id = %d" % a)
                    bal = int(ra[0][0])
                    move = min(amount, bal)  # never overdraw: the decision depends on what we read
                    conn.query("UPDATE accounts SET balance = %d WHERE id = %d" % (bal - move, a))
                    conn.query("UPDATE accounts SET balance = balance + %d WHERE id = %d" % (move, b))
                    conn.query("COMMIT")
                while True:
                    try:
                        body()
                        break
                    except Exception as e:  # noqa: BLE001
                        state = getattr(e, "sqlstate", None)
                        try:
                            conn.query("ROLLBACK")
                        except Exception:  # noqa: BLE001
                            pass
                        if state not in RETRYABLE:
                            raise
                retries[0] += attempts[0] - 1
        except Exception as e:  # noqa: BLE001
            errors.append("client %d: %s" % (seed, e))
        conn.close()

    def auditor():
        conn = server.connect()
        while not stop.is_set():
            conn.query("BEGIN ISOLATION LEVEL REPEATABLE READ")
            rows, _ = conn.query("SELECT sum(balance), min(balance) FROM accounts")
            conn.query("COMMIT")
            audits[0] += 1
            s, lo = int(rows[0][0]), int(rows[0][1])
            if s != total or lo < 0:
                errors.append("audit saw total %d (want %d), min balance %d" % (s, total, lo))
        conn.close()

    t0 = time.time()
    clients = [threading.Thread(target=client, args=(k,)) for k in range(args.clients)]
    auditors = [threading.Thread(target=auditor) for _ in range(2)]
    for t in clients + auditors:
        t.start()
    for t in clients:
        t.join()
    stop.set()
    for t in auditors:
        t.join()
    elapsed = time.time() - t0
    final = int(admin.query("SELECT sum(balance) FROM accounts")[0][0][0])
    if final != total:
        errors.append("final total %d, want %d" % (final, total))
    admin.close()
    server.stop()
    n = args.clients * args.transfers
    print("bank: %s, %d accounts, %d clients, %d transfers (%d retried), %d audits, final total %d, %.1f s"
          % (args.level, args.accounts, args.clients, n, retries[0], audits[0], final, elapsed))
    for e in errors[:5]:
        print("  " + e)
    ok = not errors
    print("bank: %d passed, %d failed" % (1 if ok else 0, 0 if ok else 1))


if __name__ == "__main__":
    main()
