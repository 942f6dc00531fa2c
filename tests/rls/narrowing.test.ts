import { withCaller, setDb, type Claims } from '../../api/_lib/db';
import { openTestDb, type TestDb } from '../helpers/db';
import { addOffice, insertOrg, insertPerson } from '../helpers/builders';
import { insertMeeting, observedMeeting } from '../helpers/meeting-builders';

// RLS as narrow as the API (migration 20261124000200), both ways (STYLE 10): the observed branch's plan
// (OBS-5), attendance only where one may attend (ATT-1), and who reads the audit log (decision 0004).
let t: TestDb;
let w: Awaited<ReturnType<typeof observedMeeting>>;
let deptOffice: string;
let laterMeetingA: string;
const as = (sub: string): Claims => ({ sub, role: 'authenticated' });
const run = (sub: string, sql: string, params: unknown[] = []) => withCaller(as(sub), (tx) => tx.query(sql, params));

beforeAll(async () => {
  t = await openTestDb();
  setDb(t.db);
  w = await observedMeeting(t.db);
  deptOffice = await insertPerson(t.db, { name: '测试局党办' });
  await addOffice(t.db, deptOffice, w.dept);
  laterMeetingA = await insertMeeting(t.db, { orgId: w.branchA, startsAt: '2026-06-12T09:00:00+08:00' });
});
afterAll(() => t.drop());

describe('observations: the observed branch changes its plan only (OBS-5)', () => {
  it('甲书记 files the plan of the observation of her branch', async () => {
    const res = await run(w.secretaryA, `update observations set plan = '{"agenda":"学习"}', plan_submitted_at = now() where id = $1 returning plan ->> 'agenda' as agenda`, [w.observation]);
    expect(res.rows).toEqual([{ agenda: '学习' }]);
  });

  it.each([
    ['send the feedback herself', 'feedback_sent_at = now()'],
    ['change the mode', "mode = 'xunting'"],
    ['move it to a later meeting of her branch', 'meeting_id = $2'],
    ['mark it held', "status = 'held'"],
    ['cancel it while the meeting stands', "status = 'cancelled'"],
  ])('甲书记 may not %s (42501)', async (_n, set) => {
    await expect(run(w.secretaryA, `update observations set ${set} where id = $1 and $2::uuid is not null`, [w.observation, laterMeetingA])).rejects.toMatchObject({ code: '42501' });
  });

  it('office staff in scope still change any column; the department office too', async () => {
    expect((await run(w.office, "update observations set rubric = 'pingyi_5' where id = $1 returning 1", [w.observation])).rows).toHaveLength(1);
    expect((await run(deptOffice, "update observations set rubric = 'guancha_3' where id = $1 returning 1", [w.observation])).rows).toHaveLength(1);
  });

  it('cancelling the meeting cancels the scheduled observation with it (the branch\'s own path)', async () => {
    const meeting = await insertMeeting(t.db, { orgId: w.branchA, startsAt: '2026-04-10T09:00:00+08:00' });
    const { rows } = await t.db.query<{ id: string }>("insert into observations (meeting_id, mode, rubric) values ($1, 'guancha', 'guancha_3') returning id", [meeting]);
    const done = await withCaller(as(w.secretaryA), async (tx) => {
      await tx.query("update meetings set status = 'cancelled', cancel_reason = '改期' where id = $1", [meeting]);
      return tx.query("update observations set status = 'cancelled' where id = $1 and status = 'scheduled' returning status", [rows[0]!.id]);
    });
    expect(done.rows).toEqual([{ status: 'cancelled' }]);
  });
});

describe('attendance: one records oneself only where one may attend (ATT-1)', () => {
  const self = (sub: string, meeting: string) => run(sub, "insert into attendance (meeting_id, person_id, state) values ($1, $2, 'confirmed') returning 1", [meeting, sub]);

  it('office staff cannot confirm themselves at a branch meeting they do not belong to (42501)', async () => {
    await expect(self(w.office, w.meetingA)).rejects.toMatchObject({ code: '42501' });
    await expect(self(deptOffice, w.meetingA)).rejects.toMatchObject({ code: '42501' });
  });

  it('a member confirms herself at her branch\'s meeting; office staff and the secretary still record members', async () => {
    expect((await self(w.memberA, w.meetingA)).rows).toHaveLength(1);
    expect((await run(w.office, "insert into attendance (meeting_id, person_id, state) values ($1, $2, 'confirmed') returning 1", [w.meetingA, w.secretaryA])).rows).toHaveLength(1);
    const m = await insertMeeting(t.db, { orgId: w.branchA, startsAt: '2026-05-08T09:00:00+08:00' });
    expect((await run(w.secretaryA, "insert into attendance (meeting_id, person_id, state) values ($1, $2, 'confirmed') returning 1", [m, w.memberA])).rows).toHaveLength(1);
    expect((await self(w.secretaryA, m)).rows).toHaveLength(1);
  });
});

describe('audit log: the work committee\'s office reads it all, other office staff their own entries (decision 0004)', () => {
  const entries = (sub: string, actor: string | null) =>
    run(sub, 'select count(*)::int as n from audit_log where actor_id is not distinct from $1', [actor]).then((r) => Number((r.rows[0] as { n: number }).n));

  it('the work committee\'s office reads entries of every actor and of server-side work', async () => {
    expect(await entries(w.office, deptOffice)).toBeGreaterThan(0);
    expect(await entries(w.office, null)).toBeGreaterThan(0);
  });

  it('a department\'s office reads what it did, not what others did', async () => {
    expect(await entries(deptOffice, deptOffice)).toBeGreaterThan(0);
    expect(await entries(deptOffice, w.office)).toBe(0);
    expect(await entries(deptOffice, null)).toBe(0);
  });

  it('a secretary reads nothing, not even her own entries', async () => {
    expect(await entries(w.secretaryA, w.secretaryA)).toBe(0);
  });
});
