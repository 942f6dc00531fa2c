import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { parseEnv, setEnv } from '../../api/_lib/env';
import { setDb } from '../../api/_lib/db';
import { migrate, SUPABASE_DIR } from '../../api/_lib/db/migrate';
import { openPglite } from '../../api/_lib/db/pglite';
import type { Database } from '../../api/_lib/db/port';
import { createApp } from '../../api/_lib/server/app';
import { TEST_JWT_SECRET } from '../helpers/app';
import { SEED } from '../helpers/office-builders';

// The first `npm start` on a fresh machine: one process creates the embedded database, migrates it, loads the
// demo seed and serves, as api/_lib/server/main.ts does. Every other test starts from a migrated snapshot opened
// afresh, so none saw that PGlite learns array types when it opens: the enums the migrations create after that
// (meeting_kind, branch_role, gender) went out as 'a,b' and the office's compliance page answered 400 until a
// restart. This file does what the first start does, in one process.
let db: Database;
let server: Server;
let base: string;

beforeAll(async () => {
  setEnv(parseEnv({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, DEV_LOGIN: '1' }));
  db = await openPglite();
  await migrate(db);
  await db.transaction((tx) => tx.exec(readFileSync(join(SUPABASE_DIR, 'seed.sql'), 'utf8')));
  setDb(db);
  server = createApp();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.close();
});

describe('the first start: migrated, seeded and served in one process (D2)', () => {
  it('enum array parameters go out as arrays right after migrating', async () => {
    const { rows } = await db.query<{ k: string[]; r: string[]; g: string[] }>(
      'select $1::meeting_kind[] as k, $2::branch_role[] as r, $3::gender[] as g',
      [['general_meeting', 'theme_day'], ['secretary', 'committee_member'], ['female']],
    );
    expect(rows[0]).toEqual({ k: ['general_meeting', 'theme_day'], r: ['secretary', 'committee_member'], g: ['female'] });
  });

  it.each([
    '/api/compliance?year=2026&limit=20',
    '/api/deadlines?year=2026',
    '/api/results?year=2026',
    '/api/samples?year=2026',
    '/api/plans?year=2026',
  ])('the office\'s page %s answers 200', async (path) => {
    const login = await fetch(`${base}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personId: SEED.wcOffice }) });
    const { token } = (await login.json()) as { token: string };
    const res = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
    expect({ path, status: res.status, body: res.status === 200 ? null : await res.text() }).toEqual({ path, status: 200, body: null });
  });
});
