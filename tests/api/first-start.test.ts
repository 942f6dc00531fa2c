import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { parseEnv, setEnv } from '../../api/_lib/env';
import { setDb } from '../../api/_lib/db';
import { setClock } from '../../api/_lib/clock';
import { migrate } from '../../api/_lib/db/migrate';
import { openPglite } from '../../api/_lib/db/pglite';
import type { Database } from '../../api/_lib/db/port';
import { createApp } from '../../api/_lib/server/app';
import { seedIfEmpty } from '../../api/_lib/server/demo';
import { TEST_JWT_SECRET } from '../helpers/app';
import { SEED } from '../helpers/office-builders';

// The first `npm start` on a fresh machine: one process creates the embedded database, migrates it, loads the
// demo (seed.sql, then demo.sql's work in progress) and serves, as api/_lib/server/main.ts does. Every other test starts from a migrated snapshot opened
// afresh, so none saw that PGlite learns array types when it opens: the enums the migrations create after that
// (meeting_kind, branch_role, gender) went out as 'a,b' and the office's compliance page answered 400 until a
// restart. This file does what the first start does, in one process.
const NOW = '2026-11-23T10:00:00+08:00';
let db: Database;
let server: Server;
let base: string;

beforeAll(async () => {
  setEnv(parseEnv({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, DEV_LOGIN: '1' }));
  db = await openPglite();
  await migrate(db);
  // The demo's today and the server's clock pinned to one date, so what is overdue does not move with the calendar.
  setClock(NOW);
  expect(await seedIfEmpty(db, { now: NOW })).toBe(true);
  expect(await seedIfEmpty(db)).toBe(false); // once only
  setDb(db);
  server = createApp();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  setClock(undefined);
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

  const as = async (personId: string, path: string, post?: unknown) => {
    const login = await fetch(`${base}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personId }) });
    const { token } = (await login.json()) as { token: string };
    const res = await fetch(base + path, post === undefined ? { headers: { authorization: `Bearer ${token}` } }
      : { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(post) });
    return { status: res.status, body: (await res.json()) as any };
  };
  const year = 2026;

  it('the demo\'s days count from its today: the 巡听 was 12 days before, at 14:30 in Shanghai', async () => {
    const { rows } = await db.query<{ at: string }>("select to_char(starts_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as at from meetings where id = 'de300000-0000-4000-8000-000000000001'");
    expect(rows).toEqual([{ at: '2026-11-11 14:30' }]);
  });

  it('the demo\'s work in progress is on the office\'s pages: overdue sheets and feedback (FB-1), a plan due (OBS-5), results, filings', async () => {
    const board = await as(SEED.wcOffice, `/api/deadlines?year=${year}&state=due_soon,overdue`);
    const due = board.body.groups.flatMap((g: { name: string; items: { key: string; state: string }[] }) => g.items.map((i) => `${g.name} ${i.key} ${i.state}`));
    expect(due).toEqual(expect.arrayContaining([
      '卫健委医政医管科党支部 sheet_submission overdue', '卫健委医政医管科党支部 feedback_to_branch overdue', '教育局机关第一党支部 feedback_to_branch overdue',
    ]));
    expect(due.some((d: string) => d.startsWith('卫健委办公室党支部 plan_submission'))).toBe(true);
    const results = await as(SEED.wcOffice, `/api/results?year=${year}&by=branch`);
    expect(results.body.groups.map((g: { name: string; observations: number }) => [g.name, g.observations]).sort()).toEqual([['卫健委医政医管科党支部', 1], ['教育局机关第一党支部', 1]]);
    const plans = await as(SEED.wcOffice, `/api/plans?year=${year}`);
    expect(plans.body.total - plans.body.missingCandidate).toBe(3); // three branches filed their 备案 (OBS-1)
  });

  it.each([
    ['于航春', 'a2f09094-70d1-4d9c-ab1a-9663cda866a8', ['submit_sheet', 'observe_meeting']],
    ['李菲婷', 'fb2baebc-cc6c-4bf5-b2ba-ccacd0307089', ['submit_plan', 'attend_meeting']],
    ['周庆', 'f2dfcd92-1acd-46f6-a1f9-33ba0a04119e', ['attend_meeting']],
  ])('%s finds the demo\'s work on the home page', async (_name, id, kinds) => {
    const tasks = await as(id, '/api/tasks');
    expect(tasks.status).toBe(200);
    expect(tasks.body.tasks.map((t: { kind: string }) => t.kind)).toEqual(expect.arrayContaining(kinds));
  });

  it('the demo\'s work can be carried on: the late 评议表 goes in, the 旁听\'s leader sends the evaluation and the branch is asked to discuss it (FB-1, FB-2)', async () => {
    const sheet = await as('a2f09094-70d1-4d9c-ab1a-9663cda866a8', '/api/observations/de300000-0000-4000-8000-000000000002/sheets',
      { scores: { content: 16, form: 15, procedure: 15, effect: 16, innovation: 12 }, texts: { opinion: '会议程序规范，研讨有深度。' } });
    expect(sheet.status).toBe(201);
    const sent = await as('acd5db04-2225-4583-97fe-79117c119a13', '/api/feedback/de300000-0000-4000-8000-000000000004',
      { evaluation: '党课紧扣主题，组织规范；互动环节可以加强。', strengthTags: ['主题鲜明'], problemTags: ['互动不足'] });
    expect(sent.status).toBe(201);
    expect(sent.body.feedback.groupResult).toMatchObject({ rubricId: 'pingyi_5', observerCount: 3, meanTotal: 77.67 }); // the demo's three sheets: (82 + 75 + 76) / 3
    const secretary = await as(SEED.eduFirstSecretary, '/api/tasks');
    expect(secretary.body.tasks.map((t: { kind: string; observationId?: string }) => `${t.kind} ${t.observationId}`))
      .toContain('record_discussion de300000-0000-4000-8000-000000000004');
  });

  it('the 支部党员大会 under way is at the top of its members\' lists, and scanning the 书记\'s code checks them in', async () => {
    const meetingNow = 'de300000-0000-4000-8000-000000000007';
    const member = 'f2dfcd92-1acd-46f6-a1f9-33ba0a04119e';
    const tasks = await as(member, '/api/tasks');
    expect(tasks.body.tasks[0]).toMatchObject({ kind: 'attend_meeting', titleZh: '正在召开：支部党员大会：讨论接收预备党员（请扫码签到）', meetingId: meetingNow });
    const code = await as('fb2baebc-cc6c-4bf5-b2ba-ccacd0307089', `/api/checkins/qr?meetingId=${meetingNow}`);
    expect(code.status).toBe(200);
    const scan = await as(member, '/api/checkins', { payload: code.body.payload });
    expect(scan.status).toBe(200);
    expect((await as(member, '/api/tasks')).body.tasks.map((t: { meetingId?: string }) => t.meetingId)).not.toContain(meetingNow);
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
