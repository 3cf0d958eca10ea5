#!/usr/bin/env bash
# Durability under kill -9: see test/clients/crash_loop.py.  usage: scripts/crash-loop.sh TUSK N
set -euo pipefail
exec python3 "$(dirname "$0")/../test/clients/crash_loop.py" "$(realpath "$1")" "${2:-20}"
