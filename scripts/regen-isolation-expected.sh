#!/usr/bin/env bash
# Produces test/isolation/expected/NAME.out by running the spec against PostgreSQL 15 (the
# oracle cluster of scripts/pg-oracle.sh). Never edit expected files by hand.
#   scripts/regen-isolation-expected.sh [test/isolation/specs/NAME.spec ...]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=$(scripts/pg-oracle.sh start)
files=("$@")
[ ${#files[@]} -eq 0 ] && files=(test/isolation/specs/*.spec)
for f in "${files[@]}"; do
  name=$(basename "$f" .spec)
  psql -X -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c "DROP DATABASE IF EXISTS isolation" -c "CREATE DATABASE isolation" >/dev/null
  python3 test/isolation/isolation_test.py --port "$PORT" --database isolation "$f" > "test/isolation/expected/$name.out"
  echo "expected/$name.out"
done
