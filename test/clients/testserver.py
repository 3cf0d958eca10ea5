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


def start_server(tusk, data, port, extra=()):
    """Starts `tusk serve` on the data directory and waits until it accepts connections."""
    proc = subprocess.Popen([tusk, "serve", "--data", data, "--port", str(port), *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(800):
        try:
            pgwire.Connection(port=port).close()
            return proc
        except OSError:
            time.sleep(0.025)
    proc.kill()
    raise RuntimeError("server did not start")
