#!/usr/bin/env bash
# Side-by-side benchmark of Tusk and PostgreSQL 15 (see bench/README.md).
#   bench/run.sh [--only NAME]... [--smoke] [--runs N] [--seconds S]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2 >/dev/null
exec python3 bench/bench.py --tusk build/tusk "$@"
