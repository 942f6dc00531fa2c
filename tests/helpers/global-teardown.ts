import { Client } from 'pg';
import { PG_TEMPLATE_DB } from './template';

export default async function globalTeardown(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  // Per-file databases are dropped by their files; this sweeps any a crashed worker left behind.
  const { rows } = await admin.query<{ datname: string }>("select datname from pg_database where datname like 'tingkan_test_%'");
  for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
  await admin.end();
}
