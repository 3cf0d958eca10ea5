#!/usr/bin/env bash
# Runs the isolation specs (test/isolation/specs/*.spec) against a fresh Tusk server and
# compares each output with test/isolation/expected/NAME.out, which PostgreSQL 15 produced.
#   scripts/run-isolation.sh path/to/tusk [NAME ...]
set -uo pipefail
cd "$(dirname "$0")/.."
TUSK=$(realpath "${1:?usage: run-isolation.sh TUSK [NAME...]}"); shift
names=("$@")
[ ${#names[@]} -eq 0 ] && names=($(ls test/isolation/specs | sed 's/\.spec$//'))
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
data=$(mktemp -d /tmp/tusk-isolation.XXXXXX)
"$TUSK" serve --data "$data" --port "$port" > "$data.log" 2>&1 &
spid=$!
trap 'kill $spid 2>/dev/null; wait $spid 2>/dev/null; rm -rf "$data" "$data.log"' EXIT
for _ in $(seq 1 100); do pg_isready -q -h 127.0.0.1 -p "$port" 2>/dev/null && break; sleep 0.05; done
mkdir -p test/isolation/results
pass=0; fail=0
for n in "${names[@]}"; do
  out=test/isolation/results/$n.out
  timeout 120 python3 test/isolation/isolation_test.py --port "$port" "test/isolation/specs/$n.spec" > "$out" 2>&1
  if diff -u "test/isolation/expected/$n.out" "$out" > "test/isolation/results/$n.diff"; then
    pass=$((pass + 1)); rm -f "test/isolation/results/$n.diff"
  else
    fail=$((fail + 1)); echo "FAILED: $n (see test/isolation/results/$n.diff)"
  fi
done
echo "isolation: $pass passed, $fail failed"
