#!/usr/bin/env bash
# A throwaway PostgreSQL server for the database tests, on 127.0.0.1 only.
#   scripts/start-test-postgres.sh          start it (installing PostgreSQL if missing); prints the URL on stdout
#   scripts/start-test-postgres.sh --stop   stop it and delete its files
#   scripts/start-test-postgres.sh --halt   stop it, keeping its files (start it again to simulate an outage ending)
# Idempotent: starting a running server only prints the URL again. Usage in CI:
#   export TEST_DATABASE_URL="$(scripts/start-test-postgres.sh)"
# Settings: TEST_POSTGRES_PORT (55432), TEST_POSTGRES_DIR (/tmp/contacts-test-postgres).
set -euo pipefail

PORT="${TEST_POSTGRES_PORT:-55432}"
BASE="${TEST_POSTGRES_DIR:-/tmp/contacts-test-postgres}"
DATA="$BASE/data"
SOCKETS="$BASE/sockets"
LOG="$BASE/server.log"
ROLE=contacts_test
# Not a secret: the server listens on loopback only and holds nothing but test data.
PASSWORD=contacts_test
DATABASE=contacts_test

log() { echo "[test-postgres] $*" >&2; }

find_bin_dir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && echo "$dir"
}

install_postgres() {
  [ "$(id -u)" -eq 0 ] || { log "PostgreSQL is not installed; run as root or install it (apt-get install postgresql)"; exit 1; }
  log "installing PostgreSQL with apt (waits for other apt runs)"
  export DEBIAN_FRONTEND=noninteractive
  local wait_for_lock=(-o DPkg::Lock::Timeout=600)
  apt-get "${wait_for_lock[@]}" update -qq </dev/null >&2
  # postgresql-common first, so that installing the server does not also create and start a default cluster on 5432.
  apt-get "${wait_for_lock[@]}" install -y -qq --no-install-recommends postgresql-common </dev/null >&2
  sed -i 's/^#\?\s*create_main_cluster\s*=.*/create_main_cluster = false/' /etc/postgresql-common/createcluster.conf
  apt-get "${wait_for_lock[@]}" install -y -qq --no-install-recommends postgresql </dev/null >&2
}

# Root runs the server as the postgres OS user (PostgreSQL refuses to run as root); anyone else runs it as themselves.
as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

psql_admin() {
  as_server_user "$BIN/psql" -h "$SOCKETS" -p "$PORT" -d postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

is_running() {
  [ -d "$DATA" ] && as_server_user "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

stop_server() {
  if [ -n "$BIN" ] && is_running; then
    as_server_user "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2
  fi
  rm -rf "$BASE"
  log "stopped; removed $BASE"
}

init_cluster() {
  mkdir -p "$BASE" "$SOCKETS"
  # Local connections are trusted, so only the server's own user may reach the socket.
  chmod 700 "$SOCKETS"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$BASE"; fi
  log "creating a cluster in $DATA"
  as_server_user "$BIN/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
}

start_server() {
  [ -f "$DATA/PG_VERSION" ] || init_cluster
  log "starting on 127.0.0.1:$PORT (log: $LOG)"
  as_server_user "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
    -o "-p $PORT -k $SOCKETS -c listen_addresses=127.0.0.1 -c unix_socket_permissions=0700 -c fsync=off" start >/dev/null
}

create_role_and_database() {
  if [ "$(psql_admin -c "select 1 from pg_roles where rolname = '$ROLE'")" != "1" ]; then
    psql_admin -c "create role $ROLE login password '$PASSWORD'"
  fi
  if [ "$(psql_admin -c "select 1 from pg_database where datname = '$DATABASE'")" != "1" ]; then
    psql_admin -c "create database $DATABASE owner $ROLE"
  fi
}

cd /  # the postgres user may not be allowed into the caller's directory
BIN="$(find_bin_dir || true)"

if [ "${1:-}" = "--stop" ]; then
  stop_server
  exit 0
fi
if [ "${1:-}" = "--halt" ]; then
  if [ -n "$BIN" ] && is_running; then as_server_user "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2; fi
  exit 0
fi
[ $# -eq 0 ] || { log "usage: $0 [--stop|--halt]"; exit 2; }

if [ -z "$BIN" ]; then
  install_postgres
  BIN="$(find_bin_dir)"
fi
is_running || start_server
create_role_and_database
echo "postgresql://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DATABASE"
