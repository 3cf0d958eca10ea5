#!/usr/bin/env python3
"""Side-by-side benchmark of Tusk and PostgreSQL 15 on this machine (see bench/README.md).

Starts a PostgreSQL 15 cluster with the settings in bench/README.md and a Tusk server, loads
the same data into both (the workload files of ../shared/bench, used as they are), runs each
workload on each engine alternately, and prints medians, the Tusk/PostgreSQL ratio and, for
OLTP workloads, the server CPU time per transaction.

    bench.py --tusk build/tusk [--only NAME] [--smoke] [--runs N] [--seconds S]
"""
import argparse
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "test", "clients"))
import pgwire  # noqa: E402
from testserver import free_port, start_server  # noqa: E402

PGBIN = "/usr/lib/postgresql/15/bin"
# Verbatim copies of the team's workload files (../shared/bench), so a fresh clone has them.
WORKLOADS_DIR = os.path.join(HERE, "workloads")
CLOCK_TICK = os.sysconf("SC_CLK_TCK")

# name -> (data set, how to run). Data sets are loaded once per engine.
OLTP = {
    "tpcb": ("tpcb", ["-M", "prepared"]),
    "select-only-prepared": ("tpcb", ["-S", "-M", "prepared"]),
    "select-only-simple": ("tpcb", ["-S", "-M", "simple"]),
    "tasks_keyset": ("tasks", ["-f", os.path.join(WORKLOADS_DIR, "tasks_keyset.pgbench"), "-M", "prepared"]),
    "tasks_report": ("tasks", ["-f", os.path.join(WORKLOADS_DIR, "tasks_report.pgbench"), "-M", "prepared"]),
    "queue": ("queue", ["-f", os.path.join(WORKLOADS_DIR, "queue.pgbench"), "-M", "prepared"]),
    "progress_triggers": ("progress", ["-f", os.path.join(WORKLOADS_DIR, "progress.pgbench"), "-M", "prepared"]),
    "jsonb": ("jsonb", ["-f", os.path.join(WORKLOADS_DIR, "jsonb.pgbench"), "-M", "prepared"]),
    "fts": ("fts", ["-f", os.path.join(WORKLOADS_DIR, "fts.pgbench"), "-M", "prepared"]),
    "trgm": ("trgm", ["-f", os.path.join(WORKLOADS_DIR, "trgm.pgbench"), "-M", "prepared"]),
    # seed 004's chat history in 24 monthly partitions, and the same rows in one plain table
    "partition": ("partition", ["-f", os.path.join(WORKLOADS_DIR, "partition.pgbench"), "-M", "prepared"]),
    "partition_plain": ("partition", ["-f", os.path.join(WORKLOADS_DIR, "partition_plain.pgbench"), "-M", "prepared"]),
    # single-row INSERTs routed into the 24 partitions (ours: the insert throughput target)
    "partition_insert": ("partition", ["-f", os.path.join(WORKLOADS_DIR, "partition_insert.pgbench"), "-M", "prepared"]),
    # seed 000's task list of one tenant: under its row-level security policy as the application's
    # role, and as the table's owner (no policy) with the tenant condition written out
    "rls": ("rls", ["-f", os.path.join(WORKLOADS_DIR, "rls.pgbench"), "-M", "prepared", "-U", "bench_app"]),
    "rls_owner": ("rls", ["-f", os.path.join(WORKLOADS_DIR, "rls_owner.pgbench"), "-M", "prepared"]),
}
# Data sets loaded into a database of their own (their tables share names with another set's).
DATABASES = {"progress": "progress", "rls": "rls"}
NOT_YET = {"vector": "the vector type and HNSW/IVFFlat"}
ALL = list(OLTP) + ["plpgsql_loop", "gin_build", "bulk", "embedded"] + list(NOT_YET)


def sh(cmd, env=None, check=True):
    r = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if check and r.returncode != 0:
        raise SystemExit("failed: %s\n%s" % (" ".join(cmd), r.stdout))
    return r.stdout


def as_postgres(cmd):
    return cmd if os.geteuid() != 0 else ["runuser", "-u", "postgres", "--"] + cmd


class Engine:
    def __init__(self, name, port):
        self.name, self.port = name, port
        self.env = dict(os.environ, PGHOST="127.0.0.1", PGPORT=str(port), PGUSER="postgres", PGDATABASE="postgres")

    def env_for(self, dataset):
        return dict(self.env, PGDATABASE=DATABASES.get(dataset, "postgres"))

    def psql_file(self, path, smoke, env=None):
        sql = open(path).read()
        if smoke:  # tiny sizes: same statements, fewer rows
            sql = re.sub(r"generate_series\(1, (\d+)\)",
                         lambda m: "generate_series(1, %d)" % (int(m.group(1)) // 100 if int(m.group(1)) >= 100000 else int(m.group(1))), sql)
            sql = sql.replace("% 100000", "% 1000")
        with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as f:
            f.write(sql)
        try:
            sh(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", f.name], env=env or self.env)
        finally:
            os.unlink(f.name)


class Postgres(Engine):
    def __init__(self, smoke):
        super().__init__("PostgreSQL", free_port())
        self.dir = tempfile.mkdtemp(prefix="tusk-bench-pg-")
        shutil.chown(self.dir, "postgres") if os.geteuid() == 0 else None
        sh(as_postgres([PGBIN + "/initdb", "-D", self.dir, "-U", "postgres", "-A", "trust", "--locale=C.UTF-8", "-E", "UTF8"]))
        with open(os.path.join(self.dir, "postgresql.conf"), "a") as f:
            f.write("port = %d\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '/tmp'\n"
                    "shared_buffers = %s\nfsync = on\nsynchronous_commit = on\nmax_connections = 1100\n"
                    % (self.port, "128MB" if smoke else "2GB"))
        sh(as_postgres([PGBIN + "/pg_ctl", "-D", self.dir, "-l", os.path.join(self.dir, "log"), "-w", "start"]))
        with open(os.path.join(self.dir, "postmaster.pid")) as f:
            self.pid = int(f.readline())

    def pids(self):
        return [self.pid] + children(self.pid)

    def stop(self):
        sh(as_postgres([PGBIN + "/pg_ctl", "-D", self.dir, "-m", "fast", "stop"]), check=False)
        shutil.rmtree(self.dir, ignore_errors=True)


class Tusk(Engine):
    def __init__(self, binary, smoke):
        super().__init__("Tusk", free_port())
        self.dir = tempfile.mkdtemp(prefix="tusk-bench-")
        # The same memory for cached data as PostgreSQL's shared_buffers.
        self.proc = start_server(binary, self.dir, self.port, ["--cache-size", "128MB" if smoke else "2GB"])
        self.pid = self.proc.pid

    def pids(self):
        # The supervisor and the server process it runs (tusk serve's child).
        return [self.pid] + children(self.pid)

    def stop(self):
        self.proc.terminate()
        self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


def children(pid):
    out = sh(["ps", "-o", "pid=", "--ppid", str(pid)], check=False)
    return [int(x) for x in out.split()]


def cpu_seconds(engine):
    """utime + stime of the server's processes, including exited children (cutime, cstime)."""
    total = 0
    for i, pid in enumerate(engine.pids()):
        try:
            fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
        if i == 0:
            total += int(fields[13]) + int(fields[14])
    return total / CLOCK_TICK


def rss_kib(engine):
    """Memory of the server's processes: proportional set size, so that shared memory mapped
    by every PostgreSQL backend is counted once, not once per process."""
    total = 0
    for pid in engine.pids():
        try:
            for line in open("/proc/%d/smaps_rollup" % pid):
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def load(engine, dataset, args):
    if dataset == "tpcb":
        scale = "1" if args.smoke else "10"
        sh([PGBIN + "/pgbench", "-i", "-q", "-s", scale], env=engine.env)
    elif dataset == "tasks":
        engine.psql_file(os.path.join(WORKLOADS_DIR, "tasks.setup.sql"), args.smoke)
    elif dataset == "queue":
        engine.psql_file(os.path.join(WORKLOADS_DIR, "queue.setup.sql"), args.smoke)
    elif dataset == "jsonb":
        engine.psql_file(os.path.join(WORKLOADS_DIR, "jsonb.setup.sql"), args.smoke)
    elif dataset in ("fts", "trgm", "partition"):
        engine.psql_file(os.path.join(WORKLOADS_DIR, dataset + ".setup.sql"), args.smoke)
    elif dataset in ("progress", "rls"):
        sh(["psql", "-X", "-q", "-c", "CREATE DATABASE " + DATABASES[dataset]], env=engine.env)
        engine.psql_file(os.path.join(WORKLOADS_DIR, dataset + ".setup.sql"), args.smoke, engine.env_for(dataset))


def run_pgbench(engine, dataset, how, args):
    cmd = [PGBIN + "/pgbench", "-n", "-c", "8", "-j", "2", "-T", str(args.seconds)] + how
    before = cpu_seconds(engine)
    out = sh(cmd, env=engine.env_for(dataset), check=False)
    used = cpu_seconds(engine) - before
    tps = re.search(r"tps = ([\d.]+) \(without", out)
    n = re.search(r"number of transactions actually processed: (\d+)", out)
    if not tps or not n:
        errors = [l for l in out.strip().splitlines() if "error" in l.lower()]
        return None, None, (errors[0] if errors else out.strip().splitlines()[-1]) if out.strip() else "no output"
    return float(tps.group(1)), used / max(1, int(n.group(1))) * 1e6, None


def wait_until_quiet(engines, limit=180):
    """Waits (at most `limit` seconds) until no server uses more than 5% of a core: a loop
    timed on a machine of two cores must not share it with either server's background work
    after a write-heavy workload (PostgreSQL's autovacuum and checkpoints, Tusk's compactions)."""
    for waited in range(limit):
        before = sum(cpu_seconds(e) for e in engines)
        time.sleep(1)
        if sum(cpu_seconds(e) for e in engines) - before < 0.05:
            if waited:
                print("(waited %d s for the servers' background work to end)" % waited, file=sys.stderr)
            return


def run_plpgsql_loop(engine):
    """Seconds for one call of progress.setup.sql's bench_loop: a PL/pgSQL loop of 1M iterations,
    timed at the client around the query alone, after one call that compiles it. One call is
    about 40 ms, where the machine's noise is a tenth of that: the median of 5 calls."""
    conn = pgwire.Connection(port=engine.port, database=DATABASES["progress"])
    try:
        conn.query("SELECT bench_loop(1000)")
        calls = []
        for _ in range(5):
            t0 = time.time()
            conn.query("SELECT bench_loop(1000000)")
            calls.append(time.time() - t0)
        return statistics.median(calls)
    finally:
        conn.close()


def run_gin_build(engine):
    """Seconds for CREATE INDEX ... USING gin (doc jsonb_path_ops) over gin_build.setup.sql's 1M
    documents, the index dropped first (outside the timing)."""
    sh(["psql", "-X", "-q", "-c", "DROP INDEX IF EXISTS docs1m_gin"], env=engine.env)
    t0 = time.time()
    sh(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c",
        "CREATE INDEX docs1m_gin ON docs1m USING gin (doc jsonb_path_ops)"], env=engine.env)
    return time.time() - t0


def run_bulk(engine, args):
    """Seconds for INSERT ... SELECT of the events rows, COPY TO and COPY FROM (round trip)."""
    lines = [l for l in open(os.path.join(WORKLOADS_DIR, "bulk.sql")) if not l.lstrip().startswith("--")]
    statements = [s.strip() for s in "".join(lines).split(";") if s.strip()]
    if args.smoke:
        statements = [s.replace("1000000", "10000") for s in statements]
    times = {}
    for stmt in statements:
        t0 = time.time()
        sh(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", stmt], env=engine.env)
        if stmt.upper().lstrip().startswith("INSERT"):
            times["insert_select"] = time.time() - t0
    path = tempfile.mktemp(suffix=".tsv")
    t0 = time.time()
    sh(["psql", "-X", "-q", "-c", "\\copy events TO '%s'" % path], env=engine.env)
    times["copy_to"] = time.time() - t0
    sh(["psql", "-X", "-q", "-c", "TRUNCATE events"], env=engine.env)
    t0 = time.time()
    sh(["psql", "-X", "-q", "-c", "\\copy events FROM '%s'" % path], env=engine.env)
    times["copy_from"] = time.time() - t0
    os.unlink(path)
    return times


def idle_connection_rss(engine, n):
    base = rss_kib(engine)
    conns = []
    try:
        for _ in range(n):
            conns.append(pgwire.Connection(port=engine.port))
        time.sleep(0.5)
        return (rss_kib(engine) - base) / n
    finally:
        for c in conns:
            c.close()


def run_embedded(tusk_binary, smoke):
    """bench/embedded: the embedded library against SQLite 3, in one process (no server)."""
    binary = os.path.join(os.path.dirname(tusk_binary), "embedded_bench")
    sizes = ["--inserts", "2000", "--synced-inserts", "200", "--rows", "20000", "--lookups", "20000"] if smoke else []
    out = subprocess.run([binary] + sizes, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError("embedded_bench failed: " + out.stderr.strip())
    return out.stdout


def fmt(x, unit=""):
    if x is None:
        return "-"
    return ("%.0f" % x if x >= 100 else "%.2f" % x) + unit


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tusk", default=os.path.join(ROOT, "build", "tusk"))
    ap.add_argument("--only", action="append", help="run only this workload (repeatable)")
    ap.add_argument("--smoke", action="store_true", help="tiny sizes, one short run each; asserts nothing")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seconds", type=int, default=15)
    args = ap.parse_args()
    if args.smoke:
        args.runs, args.seconds = 1, 2
    names = args.only or ALL
    for n in names:
        if n not in ALL:
            raise SystemExit("unknown workload %s (one of: %s)" % (n, ", ".join(ALL)))
    commit = sh(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], check=False).strip()
    print("# Tusk vs PostgreSQL 15 — %s, commit %s" % (datetime.date.today(), commit))
    print("machine: %s, %d cores, %.0f GiB, %s%s\n" % (platform.processor() or platform.machine(), os.cpu_count(),
          os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, platform.platform(), ", smoke mode" if args.smoke else ""))
    engines = [Postgres(args.smoke), Tusk(os.path.abspath(args.tusk), args.smoke)]
    rows, failed = [], []
    embedded = None
    try:
        loaded = set()
        for name in names:
            if name == "embedded":
                embedded = run_embedded(os.path.abspath(args.tusk), args.smoke)
                continue
            if name in NOT_YET:
                rows.append((name, "not yet supported (%s)" % NOT_YET[name]))
                continue
            if name == "plpgsql_loop":
                for e in engines:
                    if (e.name, "progress") not in loaded:
                        load(e, "progress", args)
                        loaded.add((e.name, "progress"))
                times = {e.name: [] for e in engines}
                for _ in range(args.runs):
                    for e in engines:
                        wait_until_quiet(engines)
                        times[e.name].append(run_plpgsql_loop(e))
                med = [statistics.median(times[e.name]) for e in engines]
                rows.append((name, "%.1f ms | %.1f ms | %.2f× (time PostgreSQL/Tusk)" % (med[0] * 1000, med[1] * 1000, med[0] / med[1])))
                continue
            if name == "gin_build":
                for e in engines:
                    e.psql_file(os.path.join(WORKLOADS_DIR, "gin_build.setup.sql"), args.smoke)
                times = {e.name: [] for e in engines}
                for _ in range(args.runs):
                    for e in engines:
                        times[e.name].append(run_gin_build(e))
                med = [statistics.median(times[e.name]) for e in engines]
                rows.append((name, "%.2f s | %.2f s | %.2f× (time PostgreSQL/Tusk)" % (med[0], med[1], med[0] / med[1])))
                continue
            if name == "bulk":
                results = {e.name: [] for e in engines}
                for _ in range(args.runs):
                    for e in engines:
                        results[e.name].append(run_bulk(e, args))
                for part in ("insert_select", "copy_to", "copy_from"):
                    med = [statistics.median(r[part] for r in results[e.name]) for e in engines]
                    rows.append(("bulk " + part, "%s s | %s s | %.2f× (time PostgreSQL/Tusk)" % (fmt(med[0]), fmt(med[1]), med[0] / med[1])))
                continue
            dataset, how = OLTP[name]
            for e in engines:
                if (e.name, dataset) not in loaded:
                    t0 = time.time()
                    load(e, dataset, args)
                    loaded.add((e.name, dataset))
                    if dataset == "tpcb":
                        rows.append(("load tpcb " + e.name, "%.1f s, server memory (PSS) %d MiB" % (time.time() - t0, rss_kib(e) // 1024)))
            tps = {e.name: [] for e in engines}
            cpu = {e.name: [] for e in engines}
            failure = None
            for _ in range(args.runs):
                for e in engines:
                    t, c, err = run_pgbench(e, dataset, how, args)
                    if err:
                        failure = "%s: %s" % (e.name, err)
                        continue
                    tps[e.name].append(t)
                    cpu[e.name].append(c)
            if failure and not all(tps.values()):
                rows.append((name, "failed — " + failure))
                failed.append(name)
                continue
            m = [statistics.median(tps[e.name]) for e in engines]
            c = [statistics.median(cpu[e.name]) for e in engines]
            rows.append((name, "%s tps | %s tps | %.2f× | CPU/txn %s µs | %s µs | %.2f×"
                         % (fmt(m[0]), fmt(m[1]), m[1] / m[0], fmt(c[0]), fmt(c[1]), c[1] / c[0] if c[0] else 0)))
        if not args.only:
            n = 100 if args.smoke else 1000
            per = [idle_connection_rss(e, n) for e in engines]
            rows.append(("memory per idle connection (PSS, %d open)" % n, "%.0f KiB | %.0f KiB" % (per[0], per[1])))
    finally:
        for e in engines:
            e.stop()
    print("| workload | PostgreSQL | Tusk | Tusk/PostgreSQL | server CPU per transaction: PostgreSQL | Tusk | ratio |")
    print("|---|---|---|---|---|---|---|")
    for name, text in rows:
        print("| %s | %s |" % (name, text))
    if embedded:
        print("\n" + embedded, end="")
    if failed:
        raise SystemExit("workloads that failed: " + ", ".join(failed))


if __name__ == "__main__":
    main()
