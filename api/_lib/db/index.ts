import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { escapeLiteral } from 'pg';
import { env } from '../env';
import { openPostgres } from './postgres';
import type { Database, Queryable } from './port';

export type { Database, Queryable } from './port';

let current: Promise<Database> | undefined;

/** The process's database: PostgreSQL when DATABASE_URL is set, else PGlite in PGLITE_DIR (D2). */
export function getDb(): Promise<Database> {
  current ??= (async () => {
    const e = env();
    if (e.DATABASE_URL) return openPostgres(e.DATABASE_URL, e.DATABASE_POOL_MAX);
    const dir = join(process.cwd(), e.PGLITE_DIR);
    mkdirSync(dir, { recursive: true });
    // Loaded only here: a deployed function (DATABASE_URL set) never evaluates PGlite's half megabyte (cold start, D9).
    const { openPglite } = await import('./pglite');
    return openPglite({ dataDir: dir });
  })();
  return current;
}

/** Tests and the local server hand in an opened database. */
export function setDb(db: Database): void {
  current = Promise.resolve(db);
}

export interface Claims {
  sub: string;
  role: 'authenticated';
  [key: string]: unknown;
}

/**
 * Runs fn in one transaction as the caller, exactly as PostgREST does on Supabase (D3):
 * `role authenticated` plus the JWT claims, so every row-level-security policy applies. The claims go
 * with BEGIN as a literal escaped by pg (one round trip instead of two: issue 7, check-in bursts).
 * No JIT: on province-sized reports the planner's estimates pass JIT's threshold and compiling took longer
 * than running (1.3 s of ATT-1's 4.7 s; 70 ms of the deadlines' 150): an API statement is short by design.
 */
export async function withCaller<T>(claims: Claims, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const db = await getDb();
  const setup = `select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${escapeLiteral(JSON.stringify(claims))}, true), set_config('jit', 'off', true)`;
  return db.transaction(fn, { setup });
}

/** Server-side work with no caller yet (login, binding an openid): Supabase's service_role, which bypasses RLS. */
export async function asService<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction(fn, { setup: "select set_config('role', 'service_role', true)" });
}
