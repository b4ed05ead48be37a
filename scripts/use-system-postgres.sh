#!/usr/bin/env bash
# Sourced by .ci/run where the embedded PostgreSQL cannot run (as root without user namespaces): installs the
# distribution's PostgreSQL if missing, enables logical decoding, starts it and points the tests at it through
# ORDERFLOW_TEST_POSTGRES_URL / _USER / _PASSWORD. Safe to run again.
set -euo pipefail

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

read -r pg_version pg_cluster pg_port <<<"$(pg_lsclusters --no-header | awk 'NR==1 {print $1, $2, $3}')"
if [ -z "${pg_version:-}" ]; then
  echo "use-system-postgres: no PostgreSQL cluster found after installing postgresql" >&2
  exit 1
fi
conf="/etc/postgresql/${pg_version}/${pg_cluster}/conf.d/orderflow.conf"
if [ ! -f "$conf" ]; then
  cat >"$conf" <<CONF
# Written by orderflow's scripts/use-system-postgres.sh: the outbox relay needs logical decoding.
wal_level = logical
max_replication_slots = 32
max_wal_senders = 32
max_connections = 200
CONF
  pg_ctlcluster --skip-systemctl-redirect "$pg_version" "$pg_cluster" stop >/dev/null 2>&1 || true
fi
pg_ctlcluster --skip-systemctl-redirect "$pg_version" "$pg_cluster" start >/dev/null 2>&1 || true
su postgres -c "psql -q -p $pg_port -c \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
wal_level=$(su postgres -c "psql -tA -p $pg_port -c 'SHOW wal_level'")
if [ "$wal_level" != "logical" ]; then
  echo "use-system-postgres: wal_level is $wal_level after restart, expected logical" >&2
  exit 1
fi

export ORDERFLOW_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:${pg_port}/postgres"
export ORDERFLOW_TEST_POSTGRES_USER=postgres
export ORDERFLOW_TEST_POSTGRES_PASSWORD=postgres
echo "use-system-postgres: tests use PostgreSQL ${pg_version} at ${ORDERFLOW_TEST_POSTGRES_URL}"
