"""Helpers for the concurrency tests: start a throwaway Tusk server and connect to it."""
import os
import subprocess
import sys
import tempfile
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
