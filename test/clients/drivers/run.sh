#!/usr/bin/env bash
# Drivers as their users use them, against a server on 127.0.0.1:PORT (user postgres, database
# postgres): psycopg2, asyncpg, SQLAlchemy, Django (Debian's python3-* packages, so Debian's
# /usr/bin/python3), PgJDBC (Debian's libpostgresql-jdbc-java with the JDK) and node-postgres
# (npm's pg: Debian's node-pg does not install beside the machine's Node.js). Prints `ok NAME` or
# `FAIL NAME: ERROR` for each check, then one line `drivers: N passed, M failed`.
#   test/clients/drivers/run.sh PORT        (DRIVERS_VERBOSE=1: tracebacks too)
set -uo pipefail
PORT=${1:?usage: run.sh PORT}
HERE=$(cd "$(dirname "$0")" && pwd)
PY=/usr/bin/python3
JAR=/usr/share/java/postgresql.jar
SCRIPT_TIMEOUT=${DRIVERS_SCRIPT_TIMEOUT:-300}
work=$(mktemp -d /tmp/tusk-drivers.XXXXXX)
trap 'rm -rf "$work"' EXIT
out="$work/out"; : > "$out"

fail() { echo "FAIL $1: $2" >> "$out"; }

# run NAME CMD...: a driver's script; its ok/FAIL lines go through. Exit status 0 (all passed)
# or 3 (some failed) is a normal end; anything else (a crash, a timeout) is a failure of its own.
run() {
  local name=$1; shift
  local log="$work/$name.stdout" err="$work/$name.stderr"
  (cd "$HERE" && timeout -k 5 "$SCRIPT_TIMEOUT" "$@" "$PORT") > "$log" 2> "$err"
  local rc=$?
  grep -E '^(ok|FAIL) ' "$log" >> "$out"
  [ -n "${DRIVERS_VERBOSE:-}" ] && grep -vE '^(ok|FAIL) ' "$log" "$err"
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
    local why="exited with status $rc"
    [ "$rc" -eq 124 ] && why="timed out after ${SCRIPT_TIMEOUT}s"
    fail "$name.script" "$why: $(tail -3 "$err" | tr '\n' ' ' | cut -c1-400)"
  fi
}

run psycopg2 "$PY" psycopg2_test.py
run asyncpg "$PY" asyncpg_test.py
run sqlalchemy "$PY" sqlalchemy_test.py
run django "$PY" django_test.py

if ! [ -f "$JAR" ]; then
  fail jdbc.driver "$JAR missing (apt-get install libpostgresql-jdbc-java)"
elif ! javac -d "$work/classes" -cp "$JAR" "$HERE/JdbcTest.java" > "$work/javac" 2>&1; then
  fail jdbc.compile "$(head -5 "$work/javac" | tr '\n' ' ')"
else
  run jdbc java -cp "$work/classes:$JAR" JdbcTest
fi

# node-postgres comes from the npm registry, pinned in package.json / package-lock.json.
if ! [ -f "$HERE/node_modules/pg/package.json" ]; then
  (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error) > "$work/npm" 2>&1 \
    || fail node_pg.install "npm ci: $(tail -3 "$work/npm" | tr '\n' ' ')"
fi
[ -f "$HERE/node_modules/pg/package.json" ] && run node_pg node node_pg_test.js

# Checks listed in known_failures.txt: a failure is "known" (not counted); a pass fails the run
# until the line is removed.
known=$(grep -vE '^\s*(#|$)' "$HERE/known_failures.txt" | awk '{print $1}')
final="$work/final"; : > "$final"
while IFS= read -r line; do
  name=${line#* }; name=${name%%:*}
  if grep -qxF "$name" <<< "$known"; then
    case $line in
      FAIL*) echo "known $name: ${line#*: }" ;;
      ok*) echo "FAIL $name: passes now; take it off test/clients/drivers/known_failures.txt" ;;
    esac
  else
    echo "$line"
  fi
done < "$out" > "$final"
cat "$final"
passed=$(grep -c '^ok ' "$final")
failed=$(grep -c '^FAIL ' "$final")
echo "drivers: $passed passed, $failed failed, $(grep -c '^known ' "$final") known failures"
[ "$failed" -eq 0 ]
