import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { pgTemplateDb, pgTestDbPrefix, pgliteTemplate } from './template';

export default async function globalTeardown(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    rmSync(pgliteTemplate(), { force: true });
    return;
  }
  const admin = new Client({ connectionString: url });
  await admin.connect();
  // Per-file databases are dropped by their files; this sweeps any a crashed worker left behind.
  const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [
    pgTestDbPrefix(),
  ]);
  for (const { datname } of [...rows, { datname: pgTemplateDb() }]) await admin.query(`drop database if exists ${datname} with (force)`);
  await admin.end();
}
