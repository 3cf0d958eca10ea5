#!/usr/bin/env bash
# `make test`: unit tests, SQL regression tests, isolation specs, protocol/client tests, a
# short crash loop and the embedded example. Prints "N passed, M failed" last (N and M count test cases).
#   scripts/run-tests.sh BUILD_DIR [SUITE...]
# SUITE: unit regress isolation concurrency clients runaway crash example (default: all).
set -uo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
shift || true
SUITES=" ${*:-unit regress isolation concurrency clients runaway crash example} "
want() { [[ $SUITES == *" $1 "* ]]; }
# Sanitizer trees (make asan / make tsan) stop at their first report, so a report fails a test.
source scripts/sanitizers.sh
TUSK=$(realpath "$BUILD/tusk")
pass=0; fail=0
tally() {  # parse "...: N passed, M failed" from a log
  local line; line=$(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$1" | tail -1)
  local p=${line%% passed*}; local f=${line##*, }; f=${f%% failed}
  pass=$((pass + ${p:-0})); fail=$((fail + ${f:-1}))
}
logs=$(mktemp -d)
# Each suite says how long it took, so CI time can be watched suite by suite.
suite_start=$SECONDS
took() { echo "($1: $((SECONDS - suite_start)) s)"; suite_start=$SECONDS; }

if want unit; then
echo "== unit tests"
if "$BUILD/tusk_unit" --gtest_brief=1 > "$logs/unit" 2>&1; then :; fi
u_pass=$(grep -c '^\[       OK \]' "$logs/unit" || true)
u_total=$(grep -Eo '[0-9]+ tests? from [0-9]+ test suites? ran' "$logs/unit" | grep -Eo '^[0-9]+' || echo 0)
u_fail=$(( u_total - $(grep -Eo 'PASSED  \] [0-9]+' "$logs/unit" | grep -Eo '[0-9]+$' || echo 0) ))
grep -E 'FAILED|PASSED' "$logs/unit" | tail -5
echo "unit: $((u_total - u_fail)) passed, $u_fail failed" | tee -a "$logs/unit.sum"
tally "$logs/unit.sum"
took unit
fi

if want regress; then
echo "== regression tests (test/regress)"
scripts/run-regress.sh "$TUSK" > "$logs/regress" 2>&1
grep -E 'FAILED|regress:|slowest:' "$logs/regress"
tally "$logs/regress"
took regress
fi

if want isolation; then
echo "== isolation tests (test/isolation)"
scripts/run-isolation.sh "$TUSK" > "$logs/isolation" 2>&1
grep -E 'FAILED|isolation:' "$logs/isolation"
tally "$logs/isolation"
took isolation
fi

if want concurrency; then
echo "== concurrency tests (short; full runs: test/concurrency/README.md)"
timeout 300 python3 test/concurrency/queue_stress.py "$TUSK" --jobs 2000 --workers 16 > "$logs/queue" 2>&1
cat "$logs/queue"; tally "$logs/queue"
timeout 300 python3 test/concurrency/bank_invariant.py "$TUSK" --transfers 100 > "$logs/bank" 2>&1
cat "$logs/bank"; tally "$logs/bank"
timeout 300 python3 test/concurrency/bank_invariant.py "$TUSK" --transfers 100 --level SERIALIZABLE > "$logs/bank-sr" 2>&1
cat "$logs/bank-sr"; tally "$logs/bank-sr"
timeout 300 python3 test/concurrency/gin_merge_stress.py "$TUSK" > "$logs/gin" 2>&1
cat "$logs/gin"; tally "$logs/gin"
timeout 300 python3 test/concurrency/pgbench_crash_loop.py "$TUSK" --rounds 3 > "$logs/pgbench" 2>&1
tail -1 "$logs/pgbench"; tally "$logs/pgbench"
timeout 300 python3 test/concurrency/supervisor_crash_loop.py "$TUSK" --rounds 6 > "$logs/supervisor" 2>&1
grep -vE '^round .*: ok$' "$logs/supervisor"; tally "$logs/supervisor"
timeout 300 python3 test/concurrency/partition_crash_loop.py "$TUSK" --rounds 3 > "$logs/partition" 2>&1
grep -vE '^round .*: ok$' "$logs/partition"; tally "$logs/partition"
timeout 300 python3 test/concurrency/auto_partitions.py "$TUSK" --rounds 3 > "$logs/auto-partitions" 2>&1
grep -vE ': ok$' "$logs/auto-partitions"; tally "$logs/auto-partitions"
timeout 300 python3 test/concurrency/tenant_isolation.py "$TUSK" --seconds 5 > "$logs/tenants" 2>&1
grep -vE '^ok ' "$logs/tenants"; tally "$logs/tenants"
took concurrency
fi

if want clients; then
echo "== client and protocol tests (test/clients)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
data=$(mktemp -d /tmp/tusk-clients.XXXXXX)
"$TUSK" serve --data "$data" --port "$port" > "$logs/server" 2>&1 &
spid=$!
for _ in $(seq 1 100); do pg_isready -q -h 127.0.0.1 -p "$port" 2>/dev/null && break; sleep 0.05; done
(ulimit -n 4096 2>/dev/null; timeout 300 python3 test/clients/clients_test.py "$port") > "$logs/clients" 2>&1
timeout 120 /usr/bin/python3 test/clients/listen_notify_test.py "$port" > "$logs/notify" 2>&1
echo "== drivers: psycopg2, asyncpg, SQLAlchemy, Django, PgJDBC, node-postgres (test/clients/drivers)"
timeout 600 test/clients/drivers/run.sh "$port" > "$logs/drivers" 2>&1
kill "$spid" 2>/dev/null; wait "$spid" 2>/dev/null; rm -rf "$data"
cat "$logs/clients"
tally "$logs/clients"
grep -vE '^ok ' "$logs/notify"; tally "$logs/notify"
grep -vE '^ok ' "$logs/drivers"; tally "$logs/drivers"
echo "== pg_dump and pg_restore against Tusk, the dump loaded into PostgreSQL 15 (test/clients/pg_dump_test.py)"
timeout 300 python3 test/clients/pg_dump_test.py "$TUSK" > "$logs/pg_dump" 2>&1
grep -vE '^ok ' "$logs/pg_dump"; tally "$logs/pg_dump"
# SQLSMITH_SECONDS: CI's sanitizer pass runs it for half as long (.ci/run)
echo "== sqlsmith's random queries for ${SQLSMITH_SECONDS:-60} s (test/clients/sqlsmith_test.sh; make sqlsmith: 10 minutes)"
timeout 300 test/clients/sqlsmith_test.sh "$TUSK" "${SQLSMITH_SECONDS:-60}" > "$logs/sqlsmith" 2>&1
grep -vE '^ok ' "$logs/sqlsmith"; tally "$logs/sqlsmith"
took clients
fi

if want runaway; then
echo "== endless and oversized queries (test/clients/runaway_test.py)"
timeout 300 python3 test/clients/runaway_test.py "$TUSK" > "$logs/runaway" 2>&1
grep -vE '^ok ' "$logs/runaway"; tally "$logs/runaway"
took runaway
fi

if want crash; then
echo "== crash loop (short; full: make crash-loop)"
timeout 300 scripts/crash-loop.sh "$TUSK" 5 > "$logs/crash" 2>&1
tail -2 "$logs/crash"
tally "$logs/crash"
took crash
fi

if want example; then
echo "== embedded example"
ex=$(mktemp -d /tmp/tusk-example.XXXXXX)
if "$BUILD/embedded_example" "$ex/db" > "$logs/example" 2>&1 && grep -q "2 notes in total" "$logs/example"; then
  echo "example: 1 passed, 0 failed" > "$logs/example.sum"
else
  cat "$logs/example"; echo "example: 0 passed, 1 failed" > "$logs/example.sum"
fi
rm -rf "$ex"
cat "$logs/example.sum"
tally "$logs/example.sum"
took example
fi

rm -rf "$logs"
echo
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
