#!/usr/bin/env bash
# Starts (or reuses) a private PostgreSQL 15 cluster used as the test oracle, and prints the
# port. Locale C.UTF-8 and TimeZone UTC, as Tusk's defaults. Runs as the "postgres" OS user
# because PostgreSQL refuses to run as root.
#   scripts/pg-oracle.sh start|stop
set -euo pipefail
PGBIN=/usr/lib/postgresql/15/bin
DIR=${PG_ORACLE_DIR:-/tmp/tusk-pg-oracle}
PORT=${PG_ORACLE_PORT:-54315}
as_pg() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }
case "${1:-start}" in
  start)
    if ! [ -f "$DIR/PG_VERSION" ]; then
      mkdir -p "$DIR" && chown postgres "$DIR" 2>/dev/null || true
      as_pg "$PGBIN/initdb" -D "$DIR" --locale=C.UTF-8 --encoding=UTF8 -U postgres -A trust >/dev/null
      cat >> "$DIR/postgresql.conf" <<CONF
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '/tmp'
timezone = 'UTC'
datestyle = 'iso, mdy'
lc_messages = 'C'
fsync = off
CONF
    fi
    if ! as_pg "$PGBIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
      as_pg "$PGBIN/pg_ctl" -D "$DIR" -l "$DIR/log" -w start >/dev/null
    fi
    echo "$PORT"
    ;;
  stop)
    as_pg "$PGBIN/pg_ctl" -D "$DIR" -m fast stop >/dev/null 2>&1 || true
    ;;
esac
