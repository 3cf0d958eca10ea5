"""The two servers a suite file runs on: a fresh Tusk per file, and PostgreSQL 15 (the
oracle), plus the psql invocation both share."""
import os
import resource
import signal
import socket
import subprocess
import time

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
# A private cluster, so that the project's own oracle (scripts/pg-oracle.sh defaults) is left alone.
PG_DIR = os.environ.get("PG_SUITE_ORACLE_DIR", "/tmp/tusk-pgsuite-oracle")
PG_PORT = os.environ.get("PG_SUITE_ORACLE_PORT", "54316")
LOST = ("server closed the connection unexpectedly", "connection to server was lost",
        "no connection to the server")
# A sanitizer report, or the supervisor telling that the server process died of a signal.
SANITIZER = ("ERROR: AddressSanitizer", "runtime error:", "ERROR: LeakSanitizer", "was terminated by signal")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def psql_env(srcdir, builddir):
    """The environment pg_regress gives psql, except DateStyle and IntervalStyle, which stay
    ISO and postgres: Tusk supports only those (docs/compatibility.md), and with the suite's
    "Postgres, MDY" every date would differ for that one reason."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PG", "LC_")) and k not in ("LANG", "LANGUAGE")}
    env.update(PGTZ="America/Los_Angeles", LC_MESSAGES="C", PGAPPNAME="pg_regress",
               PG_ABS_SRCDIR=srcdir, PG_ABS_BUILDDIR=builddir,
               PG_LIBDIR="/usr/lib/postgresql/15/lib", PG_DLSUFFIX=".so")
    return env


def psql(port, sql_file, out_file, log_file, env, timeout):
    """Runs one file as pg_regress does, but echoing queries (-e) instead of all input (-a)
    and logging them (-L) so that blocks.py can split the transcript. Returns
    (exit status, timed out)."""
    cmd = ["psql", "-X", "-e", "-q", "-v", "VERBOSITY=verbose", "-v", "HIDE_TABLEAM=on",
           "-v", "HIDE_TOAST_COMPRESSION=on", "-L", log_file,
           "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", "regression"]
    with open(sql_file, "rb") as i, open(out_file, "wb") as o:
        p = subprocess.Popen(cmd, stdin=i, stdout=o, stderr=subprocess.STDOUT, env=env,
                             preexec_fn=_limit_memory)
        try:
            return p.wait(timeout=timeout), False
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
            return None, True


def _limit_memory():
    # psql keeps a whole result in memory: a server that streams rows without end would
    # otherwise take the machine's memory before the timeout.
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


class Tusk:
    """`tusk serve` on a new data directory and a free port; its output goes to log_path."""

    def __init__(self, binary, data_dir, log_path):
        self.port = free_port()
        self.log_path = log_path
        self.log = open(log_path, "wb")
        self.proc = subprocess.Popen(
            [binary, "serve", "--data", data_dir, "--port", str(self.port), "--listen", "127.0.0.1"],
            stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.time() + 60  # sanitizer builds start slowly
        while time.time() < deadline and self.proc.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
            except OSError:
                time.sleep(0.05)
                continue
            # the suite's files run in database "regression", as under pg_regress
            subprocess.run(["psql", "-X", "-q", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                            "-d", "postgres", "-c", "CREATE DATABASE regression"], capture_output=True, timeout=60)
            return
        raise RuntimeError(f"tusk did not start; see {log_path}")

    def died(self):
        """The exit status if the server has exited on its own (None while it runs)."""
        return self.proc.poll()

    def stop(self, hard=False):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL if hard else signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()

    def sanitizer_report(self):
        """The first lines of an ASan/UBSan report in the server log, or None."""
        with open(self.log_path, errors="replace") as f:
            lines = f.readlines()
        for n, line in enumerate(lines):
            if any(s in line for s in SANITIZER):
                return "".join(lines[n:n + 12])
        return None


def _as_postgres(cmd, **kw):
    return subprocess.run(["runuser", "-u", "postgres", "--"] + cmd if os.geteuid() == 0 else cmd, **kw)


def pg_oracle_start():
    """Starts (or reuses) the private PostgreSQL 15 cluster with scripts/pg-oracle.sh."""
    env = dict(os.environ, PG_ORACLE_DIR=PG_DIR, PG_ORACLE_PORT=PG_PORT)
    subprocess.run([os.path.join(REPO, "scripts", "pg-oracle.sh"), "start"], env=env,
                   check=True, stdout=subprocess.DEVNULL)
    return int(PG_PORT)


def pg_fresh_database(port):
    """Drops and recreates database "regression" and every role but postgres: roles are
    cluster-wide, and a file must not see what the previous one left."""
    def run(sql, db="postgres"):
        return subprocess.run(["psql", "-X", "-q", "-At", "-h", "127.0.0.1", "-p", str(port),
                               "-U", "postgres", "-d", db, "-c", sql],
                              capture_output=True, text=True)
    run("DROP DATABASE IF EXISTS regression WITH (FORCE)")
    roles = run("SELECT rolname FROM pg_roles WHERE rolname <> 'postgres' AND rolname !~ '^pg_'").stdout
    for role in roles.split():
        run(f'DROP ROLE IF EXISTS "{role}"')
    run("CREATE DATABASE regression")
