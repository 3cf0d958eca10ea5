"""Helpers for the concurrency tests: start a throwaway Tusk server and connect to it."""
import os
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "clients"))
import pgwire  # noqa: E402,F401
from testserver import free_port, start_server  # noqa: E402,F401

PGBENCH = "/usr/lib/postgresql/15/bin/pgbench"
RETRYABLE = {"40001", "40P01"}  # serialization failure, deadlock: the client retries


class Server:
    """A Tusk server on a fresh data directory, or an existing server when port is given."""

    def __init__(self, tusk=None, port=None):
        self.proc = None
        if port:
            self.port = port
            return
        self.data = tempfile.mkdtemp(prefix="tusk-concurrency-")
        self.port = free_port()
        self.proc = start_server(tusk, self.data, self.port)

    def connect(self):
        return pgwire.Connection(port=self.port, timeout=300)

    def stop(self):
        if self.proc:
            self.proc.terminate()
            self.proc.wait()
            subprocess.run(["rm", "-rf", self.data])


def pgbench_committed(logs):
    """Transactions pgbench saw committed, from its -l logs (one line per transaction)."""
    n = 0
    for path in logs:
        with open(path) as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 3 and parts[2].isdigit():
                    n += 1
    return n


def tpcb_state(port):
    """TPC-B's four sums, which must agree (accounts, history's deltas, tellers, branches), and
    the number of history rows (one per committed transaction)."""
    conn = pgwire.Connection(port=port)
    (row,), _ = conn.query(
        "SELECT (SELECT sum(abalance) FROM pgbench_accounts), (SELECT coalesce(sum(delta), 0) FROM pgbench_history),"
        " (SELECT sum(tbalance) FROM pgbench_tellers), (SELECT sum(bbalance) FROM pgbench_branches),"
        " (SELECT count(*) FROM pgbench_history)")
    conn.close()
    return [int(v) for v in row[:4]], int(row[4])


def server_process(supervisor_pid):
    """The supervisor's child, once there is exactly one."""
    for _ in range(400):
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(supervisor_pid)], capture_output=True, text=True).stdout
        pids = [int(x) for x in out.split()]
        if len(pids) == 1:
            return pids[0]
        time.sleep(0.01)
    raise RuntimeError("no server process under the supervisor")


def connect_retrying(port):
    """A connection to a server that may be restarting (after a kill -9)."""
    for _ in range(600):
        try:
            return pgwire.Connection(port=port, timeout=60)
        except (OSError, ConnectionError, pgwire.PgError):
            time.sleep(0.02)
    raise RuntimeError("no connection")


class AckedInserter(threading.Thread):
    """Inserts rows numbered from start_id (sql_for(id) gives each INSERT) until stop is set,
    across server restarts; `acked` holds the ids whose INSERT was acknowledged. An INSERT
    refused with an error (40001 while partitions changed, a lock timeout) counts in
    `refused`, and the next one takes a new id."""

    def __init__(self, port, start_id, stop, sql_for):
        super().__init__(daemon=True)
        self.port, self.next_id, self.stop, self.sql_for = port, start_id, stop, sql_for
        self.acked, self.refused = set(), 0

    def run(self):
        c = None
        while not self.stop.is_set():
            try:
                c = c or connect_retrying(self.port)
                i = self.next_id
                self.next_id += 1
                c.query(self.sql_for(i))
                self.acked.add(i)
            except pgwire.PgError:
                self.refused += 1
            except (OSError, ConnectionError, RuntimeError):
                c = None
                time.sleep(0.01)


def doubled_and_lost(ids, acked):
    """Problems with the ids read back: any there twice, any acknowledged one missing."""
    seen = {}
    for i in ids:
        seen[int(i)] = seen.get(int(i), 0) + 1
    problems = []
    doubled = [i for i, n in seen.items() if n > 1]
    lost = [i for i in acked if i not in seen]
    if doubled:
        problems.append("%d rows twice (%s...)" % (len(doubled), doubled[:3]))
    if lost:
        problems.append("%d acknowledged rows lost (%s...)" % (len(lost), sorted(lost)[:3]))
    return problems, len(seen)
