#!/usr/bin/env bash
# sqlsmith (Debian's package) against Tusk: random queries built from what the catalogs list,
# over the seed-shaped schema of test/clients/dump/schema.sql. Passes when sqlsmith finishes its
# queries, the server is still up and answering, no query met an internal error (the server
# logs every SQLSTATE XX error), and none hung: sqlsmith sets statement_timeout to 1 s, so a
# statement the server logs as taking over 5 s did not stop when told to. A fixed seed keeps a
# run reproducible.
#   test/clients/sqlsmith_test.sh TUSK [SECONDS] [SEED]      (make sqlsmith: a 10-minute run)
set -uo pipefail
TUSK=$(realpath "${1:?usage: sqlsmith_test.sh TUSK [SECONDS] [SEED]}")
SECONDS_TO_RUN=${2:-60}
SEED=${3:-42}
cd "$(dirname "$0")/../.."
pass=0; fail=0
check() { if [ "$1" = 0 ]; then echo "ok $2"; pass=$((pass + 1)); else echo "FAIL $2"; fail=$((fail + 1)); fi; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
data=$(mktemp -d /tmp/tusk-sqlsmith.XXXXXX)
"$TUSK" serve --data "$data/db" --port "$port" > "$data/server.log" 2>&1 &
spid=$!
for _ in $(seq 1 100); do pg_isready -q -h 127.0.0.1 -p "$port" 2>/dev/null && break; sleep 0.05; done
psql -X -q -h 127.0.0.1 -p "$port" -U postgres -f test/clients/dump/schema.sql > /dev/null 2>&1
psql -X -q -h 127.0.0.1 -p "$port" -U postgres -c "ALTER SYSTEM SET log_min_duration_statement = 5000" \
  -c "SELECT pg_reload_conf()" > /dev/null 2>&1
# sqlsmith runs until the timeout ends it (exit 124): that is the expected end
timeout "$SECONDS_TO_RUN" sqlsmith --target="host=127.0.0.1 port=$port user=postgres dbname=postgres" \
  --seed="$SEED" --verbose > "$data/sqlsmith.log" 2>&1
rc=$?
[ "$rc" = 124 ] && rc=0
queries=$(grep -E '^[.e]+$' "$data/sqlsmith.log" | tr -d '\n' | wc -c)
check "$rc" "sqlsmith ran for ${SECONDS_TO_RUN}s: $queries queries, seed $SEED (exit $rc)"
kill -0 "$spid" 2>/dev/null && psql -X -q -h 127.0.0.1 -p "$port" -U postgres -Atc "SELECT 1" > /dev/null 2>&1
check $? "the server is up and answering"
! grep -q "STATEMENT:" "$data/server.log"
check $? "no internal errors (SQLSTATE XX)"
! grep -q "duration:" "$data/server.log"
check $? "no statement ran past its timeout (none logged over 5 s)"
grep -A1 "tusk: ERROR\|duration:" "$data/server.log" | head -20
[ "$fail" -gt 0 ] && tail -30 "$data/sqlsmith.log"
kill "$spid" 2>/dev/null; wait "$spid" 2>/dev/null; rm -rf "$data"
echo "sqlsmith: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
