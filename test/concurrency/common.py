"""Helpers for the concurrency tests: start a throwaway Tusk server and connect to it."""
import os
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "clients"))
import pgwire  # noqa: E402,F401

RETRYABLE = {"40001", "40P01"}  # serialization failure, deadlock: the client retries


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    """A Tusk server on a fresh data directory, or an existing server when port is given."""

    def __init__(self, tusk=None, port=None):
        self.proc = None
        if port:
            self.port = port
            return
        self.data = tempfile.mkdtemp(prefix="tusk-concurrency-")
        self.port = free_port()
        self.proc = subprocess.Popen([tusk, "serve", "--data", self.data, "--port", str(self.port)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(400):
            try:
                self.connect().close()
                return
            except OSError:
                time.sleep(0.025)
        raise SystemExit("server did not start")

    def connect(self):
        return pgwire.Connection(port=self.port, timeout=300)

    def stop(self):
        if self.proc:
            self.proc.terminate()
            self.proc.wait()
            subprocess.run(["rm", "-rf", self.data])
