import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, appliedMigrationCount, readMigrations } from '../../api/_lib/db/migrate';
import { openTestDb, type TestDb } from '../helpers/db';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.drop());

describe(`migrations on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('records every migration file once, and a second run applies nothing', async () => {
    const files = readMigrations().length;
    expect(await appliedMigrationCount(t.db)).toBe(files);
    expect(await migrate(t.db)).toEqual([]);
    expect(await migrate(t.db)).toEqual([]);
    expect(await appliedMigrationCount(t.db)).toBe(files);
  });

  it('a migration that fails half-way leaves the database as it was (transactional DDL)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tk-mig-'));
    writeFileSync(
      join(dir, '29990101000000_broken.sql'),
      'create table half_done (id int);\ninsert into half_done values (1);\nselect no_such_function();\n',
    );
    await expect(migrate(t.db, { dir, bootstrap: false })).rejects.toThrow();
    const table = await t.db.query("select to_regclass('public.half_done') as t");
    expect(table.rows[0]).toEqual({ t: null });
    const ledger = await t.db.query("select 1 from supabase_migrations.schema_migrations where version = '29990101000000'");
    expect(ledger.rows).toEqual([]);
  });

  it('every table in public has row-level security enabled (D1)', async () => {
    const { rows } = await t.db.query<{ relname: string }>(
      "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' and not c.relrowsecurity",
    );
    expect(rows).toEqual([]);
  });
});
