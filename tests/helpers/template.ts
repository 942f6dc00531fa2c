import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const TMP_DIR = join(ROOT, '.tmp', 'jest');

/**
 * One id per jest run, set by global setup and inherited by the workers, so two runs on one
 * machine (say, PGlite and PostgreSQL side by side) never share or sweep each other's templates.
 */
function runId(): string {
  const id = process.env.TINGKAN_TEST_RUN;
  if (!id) throw new Error('TINGKAN_TEST_RUN is unset: run the tests through jest (global setup sets it)');
  return id;
}

export function startRun(): void {
  process.env.TINGKAN_TEST_RUN ??= `${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;
}

export const pgliteTemplate = (): string => join(TMP_DIR, `pglite-template-${runId()}.tar.gz`);
export const pgTemplateDb = (): string => `tingkan_tpl_${runId()}`;
/** Per-file databases of this run share the prefix, so teardown sweeps only its own. */
export const pgTestDbPrefix = (): string => `tingkan_test_${runId()}_`;

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
