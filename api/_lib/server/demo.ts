// The demo a first `npm start` shows (D2): seed.sql (the organisation, its people and a year of meetings), then
// demo.sql (this year's observation work in progress, relative to now), once, on an empty database.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUPABASE_DIR } from '../db/migrate';
import type { Database } from '../db/port';

/**
 * `now` pins the demo's today (a test's fixed date); by default it is the clock's. `inProgress: false` loads
 * seed.sql alone (the browser journeys bring their own fixtures).
 */
export async function seedIfEmpty(db: Database, options: { now?: string; inProgress?: boolean } = {}): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from organisations');
  const names = options.inProgress === false ? ['seed.sql'] : ['seed.sql', 'demo.sql'];
  const files = names.map((f) => join(SUPABASE_DIR, f)).filter((f) => existsSync(f));
  if ((rows[0]?.n ?? 0) > 0 || files.length === 0) return false;
  // One transaction: a demo that fails half-way leaves the database empty, and the next start tries again.
  await db.transaction(async (tx) => {
    if (options.now) await tx.query("select set_config('demo.now', $1, true)", [options.now]);
    for (const f of files) await tx.exec(readFileSync(f, 'utf8'));
  });
  return true;
}
