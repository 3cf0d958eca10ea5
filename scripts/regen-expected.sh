#!/usr/bin/env bash
# Produces test/regress/expected/NAME.out by running test/regress/sql/NAME.sql on a real
# PostgreSQL 15 (never edit expected files by hand). NAME may be a feature folder's file
# (robustness/joins.sql -> expected/robustness/joins.out).
#   scripts/regen-expected.sh test/regress/sql/foo.sql [...]   (no argument: every file)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=$(scripts/pg-oracle.sh start)
files=("$@")
[ ${#files[@]} -eq 0 ] && mapfile -t files < <(find test/regress/sql -name '*.sql' | sort)
for f in "${files[@]}"; do
  name=$(realpath --relative-to=test/regress/sql "$f"); name=${name%.sql}
  mkdir -p "$(dirname "test/regress/expected/$name")"
  db="regression"
  psql -X -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1
  # Roles are cluster-wide in PostgreSQL: drop the ones a test may create.
  psql -X -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -Atc "SELECT rolname FROM pg_roles WHERE rolname LIKE 'regress_%'" |
    while read -r r; do psql -X -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c "DROP ROLE \"$r\"" >/dev/null; done
  env -u PGTZ -u PGDATESTYLE -u PGOPTIONS psql -X -a -q -h 127.0.0.1 -p "$PORT" -U postgres -d "$db" < "$f" > "test/regress/expected/$name.out" 2>&1 || true
  echo "expected/$name.out"
done
