#!/usr/bin/env bash
# Fetches PostgreSQL 15's own regression suite (src/test/regress: sql/, expected/,
# parallel_schedule, data/) from Debian's source package, for test/pg_suite/run_suite.py.
# Idempotent: does nothing when the tree is already there.
#   scripts/fetch-pg-regress.sh [DIR]      (default: $PG_REGRESS_SRC or ../pg-regress-src)
# Prints the regress directory (DIR/postgresql-15-*/src/test/regress). Needs root (apt).
set -euo pipefail
cd "$(dirname "$0")/.."
# The installed postgresql-15 (our oracle), else the version this was written against.
INSTALLED=$(dpkg-query -W -f='${Version}' postgresql-15 2>/dev/null || true)
VERSION=${PG_SOURCE_VERSION:-${INSTALLED:-15.18-0+deb12u1}}
DIR=$(realpath -m "${1:-${PG_REGRESS_SRC:-../pg-regress-src}}")
found() { find "$DIR" -maxdepth 5 -path '*/src/test/regress/parallel_schedule' -printf '%h\n' 2>/dev/null | head -1; }
if [ -n "$(found)" ]; then found; exit 0; fi

# apt-get source needs a deb-src line: copy the machine's Debian source with Types: deb-src.
SRC=/etc/apt/sources.list.d/tusk-deb-src.sources
if ! grep -rqs '^Types:.*deb-src\|^deb-src ' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > "$SRC"
  else
    grep '^deb ' /etc/apt/sources.list | grep -i debian | sed 's/^deb /deb-src /' \
      > /etc/apt/sources.list.d/tusk-deb-src.list
  fi
  apt-get update -qq >&2
fi
command -v dpkg-source >/dev/null || apt-get install -y -qq dpkg-dev >&2

mkdir -p "$DIR"
# As root, apt warns that the download is unsandboxed; harmless.
(cd "$DIR" && apt-get source -qq "postgresql-15=$VERSION") >&2
found
