#!/usr/bin/env bash
# Installs every build and test dependency from Debian's packages. Idempotent: does nothing
# when everything is already there, so `make run` can call it each time.
set -euo pipefail
PKGS=(build-essential cmake ninja-build pkg-config ccache clang libclang-rt-14-dev
      librocksdb-dev libpg-query-dev libprotobuf-c-dev libssl-dev libzstd-dev libreadline-dev
      libgtest-dev libsqlite3-dev libstemmer-dev libgoogle-perftools-dev postgresql-15 postgresql-client-15 python3
      python3-psycopg2 python3-asyncpg python3-sqlalchemy python3-django
      default-jdk-headless libpostgresql-jdbc-java nodejs sqlsmith)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
