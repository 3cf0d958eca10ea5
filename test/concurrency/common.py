"""Helpers for the concurrency tests: start a throwaway Tusk server and connect to it."""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "clients"))
import pgwire  # noqa: E402,F401
from testserver import free_port, start_server  # noqa: E402,F401

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
