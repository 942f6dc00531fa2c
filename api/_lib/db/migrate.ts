import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './port';

export const SUPABASE_DIR = join(__dirname, '..', '..', '..', 'supabase');

export interface MigrationFile {
  version: string;
  name: string;
  sql: string;
}

/** supabase/migrations/<YYYYMMDDHHMMSS>_<name>.sql in version order (D1). */
export function readMigrations(dir = join(SUPABASE_DIR, 'migrations')): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d{14}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.slice(0, 14), name: f.slice(15, -4), sql: readFileSync(join(dir, f), 'utf8') }));
}

function readBootstrap(): string[] {
  const dir = join(SUPABASE_DIR, 'local');
  return readdirSync(dir).filter((f) => f.endsWith('.sql')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
}

/**
 * Creates what Supabase provides (unless bootstrap is false: on a real Supabase project it exists), then applies pending migrations in order,
 * each in its own transaction with its ledger row, so a failing one leaves the database as it was.
 * Returns the versions applied by this call.
 */
export async function migrate(db: Database, options: { bootstrap?: boolean; dir?: string } = {}): Promise<string[]> {
  if (options.bootstrap !== false) {
    for (const sql of readBootstrap()) await db.transaction((tx) => tx.exec(sql));
  }
  // The ledger has the Supabase CLI's shape, so `supabase db push` and this runner agree on what is applied.
  await db.exec(`create schema if not exists supabase_migrations;
    create table if not exists supabase_migrations.schema_migrations (version text primary key, statements text[], name text);`);
  const applied: string[] = [];
  for (const m of readMigrations(options.dir)) {
    const done = await db.transaction(async (tx) => {
      // Two processes migrating one server at once: the second waits, then sees the row and skips.
      if (db.kind === 'postgres') await tx.query('select pg_advisory_xact_lock(20261123)');
      const { rows } = await tx.query('select 1 from supabase_migrations.schema_migrations where version = $1', [m.version]);
      if (rows.length > 0) return false;
      await tx.exec(m.sql);
      await tx.query('insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)', [
        m.version, m.name, [m.sql],
      ]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  if (applied.length > 0) await db.typesChanged?.();
  return applied;
}

export async function appliedMigrationCount(db: Database): Promise<number> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from supabase_migrations.schema_migrations');
  return rows[0]?.n ?? 0;
}
