#!/usr/bin/env bash
# Differential fuzzing against PostgreSQL 15: queries (test/fuzz/diff_fuzz.py), type input
# (test/fuzz/input_fuzz.py), jsonpath (test/fuzz/jsonpath_fuzz.py), text search (fts_diff.py)
# and pg_trgm (trgm_diff.py).
#   scripts/diff-fuzz.sh BUILD/tusk [COUNT] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
TUSK=$(realpath "$1"); COUNT=${2:-10000}; SEED=${3:-1}
PG_PORT=$(scripts/pg-oracle.sh start)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
data=$(mktemp -d /tmp/tusk-fuzz.XXXXXX)
"$TUSK" serve --data "$data" --port "$port" > "$data.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$data" "$data.log"' EXIT
for _ in $(seq 1 100); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 0.05; done
python3 test/fuzz/diff_fuzz.py "$port" "$PG_PORT" "$COUNT" "$SEED"
for type in interval jsonb json; do  # date types: see test/fuzz/README.md
  python3 test/fuzz/input_fuzz.py "$port" "$PG_PORT" "$COUNT" "$SEED" "$type"
done
python3 test/fuzz/jsonpath_fuzz.py "$port" "$PG_PORT" "$COUNT" "$SEED"
python3 test/fuzz/fts_diff.py "$port" "$PG_PORT" "$COUNT" "$SEED"
python3 test/fuzz/trgm_diff.py "$port" "$PG_PORT" "$COUNT" "$SEED"
