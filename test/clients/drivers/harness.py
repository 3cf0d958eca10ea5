"""The small shared part of the Python driver scripts: the connection settings from the command
line, and check(), which runs one check and prints `ok NAME` or `FAIL NAME: ERROR`."""
import os
import signal
import sys
import time
import traceback

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 5433
HOST = "127.0.0.1"
USER = "postgres"
DB = "postgres"
# Table names of this run: unique, so that runs and scripts never share a table.
TAG = "%d" % os.getpid()
VERBOSE = bool(os.environ.get("DRIVERS_VERBOSE"))
CHECK_TIMEOUT = int(os.environ.get("DRIVERS_CHECK_TIMEOUT", "30"))

results = {"ok": 0, "fail": 0}


def _one_line(e):
    s = "%s: %s" % (type(e).__name__, e)
    code = getattr(e, "pgcode", None) or getattr(e, "sqlstate", None)
    if code:
        s += " [SQLSTATE %s]" % code
    return " | ".join(x.strip() for x in s.splitlines() if x.strip())[:600]


def _run(name, fn, args):
    try:
        fn(*args)
        print("ok %s" % name, flush=True)
        return True
    except BaseException as e:  # noqa: B902 -- one check must never stop the others
        print("FAIL %s: %s" % (name, _one_line(e)), flush=True)
        if VERBOSE:
            traceback.print_exc()
        return False


def check(name, fn, *args, timeout=CHECK_TIMEOUT):
    """Runs fn(*args) in a child process: an exception, a failed assert or a hang (a server that
    never answers) is a failure of this check only. State passes between checks only through
    the database."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        ok = False
        try:
            ok = _run(name, fn, args)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(0 if ok else 1)
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            print("FAIL %s: timed out after %ds (no answer from the server?)" % (name, timeout), flush=True)
            results["fail"] += 1
            return False
        time.sleep(0.01)
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
        results["ok"] += 1
        return True
    if not (os.WIFEXITED(status) and os.WEXITSTATUS(status) == 1):
        print("FAIL %s: the check's process died (status %d)" % (name, status), flush=True)
    results["fail"] += 1
    return False


def expect(actual, wanted, what=""):
    if actual != wanted:
        raise AssertionError("%s: got %r, want %r" % (what or "value", actual, wanted))
