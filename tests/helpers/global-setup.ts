import { mkdirSync, writeFileSync } from 'node:fs';
import { Client } from 'pg';
import { openPglite } from '../../api/_lib/db/pglite';
import { openPostgres } from '../../api/_lib/db/postgres';
import { migrate } from '../../api/_lib/db/migrate';
import type { Database } from '../../api/_lib/db/port';
import { TMP_DIR, pgTemplateDb, pgliteTemplate, seedSql, startRun, withDatabase } from './template';

async function prepare(db: Database): Promise<void> {
  await migrate(db);
  const seed = seedSql();
  if (seed) await db.transaction((tx) => tx.exec(seed));
}

/**
 * Migrates and seeds one template database per run (a fresh PGlite costs seconds):
 * PGlite → a data-dir tarball each test file loads; PostgreSQL → a template database each file copies.
 */
export default async function globalSetup(): Promise<void> {
  startRun();
  mkdirSync(TMP_DIR, { recursive: true });
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${pgTemplateDb()} with (force)`);
    await admin.query(`create database ${pgTemplateDb()}`);
    await admin.end();
    const db = openPostgres(withDatabase(url, pgTemplateDb()), 1);
    await prepare(db);
    await db.close();
    return;
  }
  const db = await openPglite();
  await prepare(db);
  const dump = await db.pglite.dumpDataDir('gzip');
  writeFileSync(pgliteTemplate(), Buffer.from(await dump.arrayBuffer()));
  await db.close();
}
