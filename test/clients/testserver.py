"""Starting throwaway Tusk servers for tests: a free port, and a server that accepts connections."""
import socket
import subprocess
import time

import pgwire


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def start_server(tusk, data, port, extra=(), log=None):
    """Starts `tusk serve` on the data directory and waits until it accepts connections.

    After a test kills a server with SIGKILL, its server process dies a moment after the
    supervisor: until then it holds the port and the data directory, and a new server exits at
    once. Such a server is started again. `log`: a file for the server's output."""
    def launch():
        return subprocess.Popen([tusk, "serve", "--data", data, "--port", str(port), *extra],
                                stdout=subprocess.DEVNULL, stderr=log or subprocess.DEVNULL)
    proc = launch()
    for _ in range(800):
        try:
            pgwire.Connection(port=port).close()
            return proc
        except OSError:
            if proc.poll() is not None:
                proc = launch()
            time.sleep(0.025)
    proc.kill()
    raise RuntimeError("server did not start")
