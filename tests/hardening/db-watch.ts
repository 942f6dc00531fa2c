import type { Queryable } from '../../api/_lib/db/port';

// "The database is unchanged after every rejected request", made cheap enough to check after each one:
// a row trigger on every public table counts committed row writes (a rolled-back request leaves the
// count as it was); a content fingerprint (a hash of every row) cross-checks the counter per batch.

export interface DbWatch {
  /** Committed row writes since install. */
  writes(): Promise<number>;
  /** sum(hashtext(row)) per public table: equal fingerprints mean equal contents, for our purposes. */
  fingerprint(): Promise<string>;
}

export async function watchDb(db: Queryable): Promise<DbWatch> {
  const { rows } = await db.query<{ name: string }>(
    "select tablename as name from pg_tables where schemaname = 'public' and tablename <> 'hardening_writes' order by 1",
  );
  const tables = rows.map((r) => r.name);
  await db.exec(`
    create table if not exists hardening_writes (n bigint not null);
    insert into hardening_writes select 0 where not exists (select 1 from hardening_writes);
    create or replace function hardening_bump() returns trigger language plpgsql security definer set search_path = public as $$
    begin update hardening_writes set n = n + 1; return null; end $$;
    ${tables.map((t) => `create or replace trigger hardening_bump after insert or update or delete on public."${t}" for each row execute function hardening_bump();`).join('\n')}
  `);
  const sum = tables.map((t) => `(select coalesce(sum(hashtext(x::text)::bigint), 0) from public."${t}" x)`).join(' + ');
  const counts = tables.map((t) => `(select count(*) from public."${t}")`).join(' || \',\' || ');
  return {
    async writes() {
      const r = await db.query<{ n: string }>('select n from hardening_writes');
      return Number(r.rows[0]?.n ?? -1);
    },
    async fingerprint() {
      const r = await db.query<{ f: string }>(`select (${sum})::text || '/' || ${counts} as f`);
      return r.rows[0]?.f ?? '';
    },
  };
}
