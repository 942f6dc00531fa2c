import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const TMP_DIR = join(ROOT, '.tmp', 'jest');
export const PGLITE_TEMPLATE = join(TMP_DIR, 'pglite-template.tar.gz');
export const PG_TEMPLATE_DB = 'tingkan_test_template';

export function seedSql(): string | undefined {
  const file = join(ROOT, 'supabase', 'seed.sql');
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** The same server, another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
