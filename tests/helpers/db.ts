import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openPglite } from '../../api/_lib/db/pglite';
import { openPostgres } from '../../api/_lib/db/postgres';
import type { Database } from '../../api/_lib/db/port';
import { pgTemplateDb, pgTestDbPrefix, pgliteTemplate, withDatabase } from './template';

export interface TestDb {
  db: Database;
  /** The connection string, on PostgreSQL (for tests that need a second client). */
  url?: string;
  drop(): Promise<void>;
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A private copy of the migrated, seeded template: PGlite by default, PostgreSQL when DATABASE_URL is set. */
export async function openTestDb(): Promise<TestDb> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `${pgTestDbPrefix()}${randomBytes(6).toString('hex')}`;
    await adminQuery(url, `create database ${name} template ${pgTemplateDb()}`);
    const dbUrl = withDatabase(url, name);
    const db = openPostgres(dbUrl, 10);
    return {
      db,
      url: dbUrl,
      async drop() {
        await db.close();
        await adminQuery(url, `drop database if exists ${name} with (force)`);
      },
    };
  }
  const db = await openPglite({ loadDataDir: new Blob([readFileSync(pgliteTemplate())]) });
  return { db, drop: () => db.close() };
}
