#!/usr/bin/env bash
# A PostgreSQL 15 cluster of its own for the fault tests (npm run test:faults), which restart it in
# the middle of a check-in burst: port 5499, so restarts never disturb the main cluster or other tests.
# Idempotent: creates the cluster, role and database only when missing. Prints a DATABASE_URL.
set -euo pipefail
PORT="${FAULTS_PG_PORT:-5499}"
if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "installing PostgreSQL…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version faults$"; then
  pg_createcluster "$version" faults --port "$PORT" >&2
fi
pg_ctlcluster "$version" faults start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do
  pg_isready -q -p "$PORT" && break
  sleep 1
done
su postgres -c "psql -q -p $PORT -v ON_ERROR_STOP=1" >&2 <<SQL
do \$\$ begin
  if not exists (select 1 from pg_roles where rolname = 'tingkan') then
    create role tingkan login superuser password 'tingkan';
  end if;
end \$\$;
SQL
if ! su postgres -c "psql -p $PORT -tAc \"select 1 from pg_database where datname = 'tingkan'\"" | grep -q 1; then
  su postgres -c "createdb -p $PORT -O tingkan tingkan" >&2
fi
echo "postgres://tingkan:tingkan@127.0.0.1:$PORT/tingkan"
