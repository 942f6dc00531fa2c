#!/usr/bin/env bash
# Starts a local PostgreSQL 15 for CI and benchmarks, installing it where it is missing,
# and prints a DATABASE_URL for a superuser `tingkan` (tests create one database per test file).
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "installing PostgreSQL…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
  pg_createcluster "$version" main >&2
fi
pg_ctlcluster "$version" main start >&2 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q && break
  sleep 1
done
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
su postgres -c "psql -q -p $port -v ON_ERROR_STOP=1" >&2 <<SQL
do \$\$ begin
  if not exists (select 1 from pg_roles where rolname = 'tingkan') then
    create role tingkan login superuser password 'tingkan';
  end if;
end \$\$;
SQL
if ! su postgres -c "psql -p $port -tAc \"select 1 from pg_database where datname = 'tingkan'\"" | grep -q 1; then
  su postgres -c "createdb -p $port -O tingkan tingkan" >&2
fi
echo "postgres://tingkan:tingkan@127.0.0.1:$port/tingkan"
