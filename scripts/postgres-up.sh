#!/usr/bin/env bash
# Starts a local PostgreSQL 15 cluster (installing PostgreSQL where it is missing) and prints, as its
# only line on stdout, a DATABASE_URL for a superuser `tingkan`. Idempotent.
# Usage: postgres-up.sh [cluster] [port]   (default: the `main` cluster, created on its default port)
set -euo pipefail
cluster="${1:-main}"
want_port="${2:-}"
if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "installing PostgreSQL…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version $cluster$"; then
  pg_createcluster "$version" "$cluster" ${want_port:+--port "$want_port"} >&2
fi
pg_ctlcluster "$version" "$cluster" start >&2 2>/dev/null || true
port=$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $3}')
for _ in $(seq 1 30); do
  pg_isready -q -p "$port" && break
  sleep 1
done
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
