#!/usr/bin/env bash
# Runs every test/regress/sql/**/*.sql through psql against a fresh Tusk server (one data
# directory per file) and compares the output with test/regress/expected/**/*.out. A NAME is
# the file's path under sql/ without .sql (robustness/joins).
#   scripts/run-regress.sh BUILD/tusk [NAME...]
# Prints "regress: N passed, M failed"; diffs of failures go to test/regress/results/.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/sanitizers.sh
TUSK=$(realpath "$1"); shift
mkdir -p test/regress/results
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  while read -r f; do names+=("${f%.sql}"); done < <(cd test/regress/sql && find . -name '*.sql' -printf '%P\n' | sort)
fi
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
status=$(mktemp -d)
run_one() {
  local name=$1 data port pid out start=$SECONDS
  data=$(mktemp -d /tmp/tusk-regress.XXXXXX)
  # A free port can be taken by the other job's server before ours binds it: try another.
  for _ in 1 2 3; do
    port=$(free_port)
    "$TUSK" serve --data "$data" --port "$port" >"$data.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 100); do
      pg_isready -q -h 127.0.0.1 -p "$port" 2>/dev/null && break
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.05
    done
    kill -0 "$pid" 2>/dev/null && break
  done
  # the database PostgreSQL's expected files were made in (scripts/regen-expected.sh)
  psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE DATABASE regression" >/dev/null 2>&1
  out=test/regress/results/$name.out
  mkdir -p "$(dirname "$out")"
  env -u PGTZ -u PGDATESTYLE -u PGOPTIONS timeout 60 psql -X -a -q -h 127.0.0.1 -p "$port" -U postgres -d regression < "test/regress/sql/$name.sql" > "$out" 2>&1
  # A server that does not stop within 10 s (a crash left it half down) is killed, and the
  # file fails, instead of the suite waiting on it for ever.
  kill "$pid" 2>/dev/null
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    pkill -9 -P "$pid" 2>/dev/null; kill -9 "$pid" 2>/dev/null
    echo "server did not stop within 10 s of SIGTERM" >> "$out"
  fi
  wait "$pid" 2>/dev/null
  # A sanitizer build's report (scripts/sanitizers.sh), or a server process that died and was
  # restarted by the supervisor, fails the test even when the output matches.
  if grep -qE "ERROR: (Address|Thread|Leak)Sanitizer|runtime error:|WARNING: ThreadSanitizer|was terminated by signal" "$data.log"; then
    cp "$data.log" "test/regress/results/$name.sanitizer.log"
    echo "sanitizer report: test/regress/results/$name.sanitizer.log" >> "$out"
  fi
  if diff -u "test/regress/expected/$name.out" "$out" > "test/regress/results/$name.diff"; then
    rm -f "test/regress/results/$name.diff"
    echo "pass $((SECONDS - start))" > "$status/${name//\//%}"
  else
    echo "fail $((SECONDS - start))" > "$status/${name//\//%}"
  fi
  rm -rf "$data" "$data.log"
}
# Each file has its own server and is one client, so two run at once (REGRESS_JOBS) on the
# project's two cores: half the wall time.
jobs=${REGRESS_JOBS:-2}
for name in "${names[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
  run_one "$name" &
done
wait
pass=0; fail=0; failed=()
for name in "${names[@]}"; do
  if [[ "$(cat "$status/${name//\//%}" 2>/dev/null)" == pass* ]]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); failed+=("$name")
  fi
done
# The slowest files, to keep an eye on the suite's time.
[ ${#names[@]} -gt 10 ] && echo "slowest: $(for f in "$status"/*; do echo "$(cut -d' ' -f2 "$f") ${f##*/}"; done | sort -rn | head -5 | awk '{printf "%s (%s s) ", $2, $1}' | tr % /)"
rm -rf "$status"
for n in "${failed[@]}"; do echo "FAILED: $n (see test/regress/results/$n.diff)"; done
echo "regress: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
