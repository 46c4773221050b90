#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages (if missing), starts it on 127.0.0.1:5432 and creates the test role and database.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi
version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'mops') THEN
    CREATE ROLE mops LOGIN PASSWORD 'mops' CREATEDB;
  END IF;
END $$;
SQL
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_database WHERE datname = 'mops_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O mops mops_test"
echo "PostgreSQL $version ready on 127.0.0.1:5432 (role mops, database mops_test)"
