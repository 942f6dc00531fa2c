import { withCaller, setDb, type Claims } from '../../api/_lib/db';
import { openTestDb, type TestDb } from '../helpers/db';
import { insertPerson } from '../helpers/builders';
import { addToPool, assign, observedMeeting } from '../helpers/meeting-builders';

// RLS for feedback and rectification (FB-1, FB-2), reports (FB-3/4), reminders (D9) and summaries (FB-5),
// as each role, both ways (STYLE 10): the group leader, another observer of the group, the observed
// branch's secretary and member, a member of another branch, office staff (not in the group).
let t: TestDb;
let w: Awaited<ReturnType<typeof observedMeeting>>;
let leader = '';
let itemId = '';
const as = (sub: string): Claims => ({ sub, role: 'authenticated' });
type Role = 'leader' | 'observer' | 'secretaryA' | 'memberA' | 'otherBranch' | 'office';
const ROLES: Role[] = ['leader', 'observer', 'secretaryA', 'memberA', 'otherBranch', 'office'];
const id = (r: Role) => ({ leader, observer: w.committeeB, secretaryA: w.secretaryA, memberA: w.memberA, otherBranch: w.memberB, office: w.office })[r];
const run = (r: Role, sql: string, params: unknown[]) => withCaller(as(id(r)), (tx) => tx.query(sql, params));

async function who(sql: string, params: () => unknown[]): Promise<Role[]> {
  const out: Role[] = [];
  for (const r of ROLES) if ((await run(r, sql, params())).rows.length > 0) out.push(r);
  return out;
}
const FEEDBACK = `insert into observation_feedback (observation_id, evaluation, group_result, due_date, late, sent_by)
                  values ($1, '规范', '{"rubricId":"guancha_3"}', '2026-03-20', false, $2)`;

beforeAll(async () => {
  t = await openTestDb();
  setDb(t.db);
  w = await observedMeeting(t.db);
  // The group: 组长 (leader, pool member, no office role) and 乙委员; office staff are not in it.
  leader = await insertPerson(t.db, { name: '组长' });
  await addToPool(t.db, leader, '另一局');
  await t.db.query('delete from observation_assignments where observation_id = $1 and person_id = $2', [w.observation, w.office]);
  await assign(t.db, w.observation, leader, true);
});
afterAll(() => t.drop());

describe('FB-1 feedback', () => {
  it('nobody but the group leader (or office staff) may send it: the others are refused by RLS', async () => {
    for (const r of ['observer', 'secretaryA', 'memberA', 'otherBranch'] as Role[]) {
      await expect(run(r, FEEDBACK, [w.observation, id(r)])).rejects.toMatchObject({ code: '42501' });
    }
  });
  it('the group leader sends it, which marks the observation (notes open to the branch)', async () => {
    await run('leader', FEEDBACK, [w.observation, leader]);
    const { rows } = await t.db.query<{ status: string; sent: boolean }>('select status, feedback_sent_at is not null as sent from observations where id = $1', [w.observation]);
    expect(rows[0]).toEqual({ status: 'feedback_sent', sent: true });
  });
  it('the group, the observed branch and office staff read it; another branch does not', async () => {
    expect(await who('select 1 from observation_feedback where observation_id = $1', () => [w.observation])).toEqual(['leader', 'observer', 'secretaryA', 'memberA', 'office']);
  });
  it('sent feedback is never changed: not by the leader, not by the table owner', async () => {
    await expect(run('leader', "update observation_feedback set evaluation = '改' where observation_id = $1", [w.observation])).rejects.toMatchObject({ code: '42501' });
    await expect(t.db.query('delete from observation_feedback')).rejects.toMatchObject({ code: '42501' });
  });
});

describe('FB-2 rectification', () => {
  const DISCUSS = "insert into rectification_discussions (observation_id, held_on, summary, recorded_by) values ($1, '2026-03-24', '研究', $2)";
  const ITEM = "insert into rectification_items (id, observation_id, title, owner_person_id, due_date, created_by) values (gen_random_uuid(), $1, '整改', $2, '2026-04-20', $3)";
  it('only the observed branch\'s leaders record the discussion and items', async () => {
    for (const r of ['leader', 'observer', 'memberA', 'otherBranch', 'office'] as Role[]) {
      await expect(run(r, DISCUSS, [w.observation, id(r)])).rejects.toMatchObject({ code: '42501' });
      await expect(run(r, ITEM, [w.observation, w.memberA, id(r)])).rejects.toMatchObject({ code: '42501' });
    }
    await run('secretaryA', DISCUSS, [w.observation, w.secretaryA]);
    await run('secretaryA', ITEM, [w.observation, w.memberA, w.secretaryA]);
    itemId = (await t.db.query<{ id: string }>('select id from rectification_items')).rows[0]!.id;
  });
  it('items and the discussion are read by the group, the observed branch and office staff; not another branch', async () => {
    expect(await who('select 1 from rectification_items where id = $1', () => [itemId])).toEqual(['leader', 'observer', 'secretaryA', 'memberA', 'office']);
    expect(await who('select 1 from rectification_discussions where observation_id = $1', () => [w.observation])).toEqual(['leader', 'observer', 'secretaryA', 'memberA', 'office']);
  });
  it('another branch cannot touch an item (no row); the group cannot submit evidence; the owner can', async () => {
    const SUBMIT = "update rectification_items set status = 'submitted', evidence_text = '已整改' where id = $1 returning id";
    expect((await run('otherBranch', SUBMIT, [itemId])).rows).toEqual([]);
    await expect(run('leader', SUBMIT, [itemId])).rejects.toMatchObject({ code: '42501' });
    expect((await run('memberA', SUBMIT, [itemId])).rows).toHaveLength(1);
  });
  it('the owner and the branch cannot close it; an observer of the group can', async () => {
    const CLOSE = "update rectification_items set status = 'closed', closed_by = $2, closed_at = now() where id = $1 returning id";
    for (const r of ['memberA', 'secretaryA'] as Role[]) await expect(run(r, CLOSE, [itemId, id(r)])).rejects.toMatchObject({ code: '42501' });
    expect((await run('observer', CLOSE, [itemId, w.committeeB])).rows).toHaveLength(1);
  });
});

describe('FB-3/4 reports, D9 reminders, FB-5 summaries', () => {
  it('FB-4: the observed secretary files progress; the observed member and the group may not', async () => {
    const REPORT = "insert into observation_reports (observation_id, kind, org_id, due_date, held_on, summary, reported_by) values ($1, 'progress_report', $2, '2026-09-20', '2026-09-01', '通报', $3)";
    for (const r of ['memberA', 'leader', 'office'] as Role[]) await expect(run(r, REPORT, [w.observation, w.branchA, id(r)])).rejects.toMatchObject({ code: '42501' });
    await run('secretaryA', REPORT, [w.observation, w.branchA, w.secretaryA]);
    expect(await who('select 1 from observation_reports', () => [])).toEqual(['leader', 'observer', 'secretaryA', 'memberA', 'office']);
  });
  it('D9: people record only their own consent and read only their own reminders; nobody writes reminders directly', async () => {
    await expect(run('memberA', "insert into reminder_subscriptions (person_id, template_key) values ($1, 'deadline')", [w.secretaryA])).rejects.toMatchObject({ code: '42501' });
    await run('memberA', "insert into reminder_subscriptions (person_id, template_key) values ($1, 'deadline')", [w.memberA]);
    await t.db.query("insert into reminders (person_id, ref, deadline_key, label, due_date, slot, template_key, status) values ($1, 'rect:x', 'rectification_item', '整改', '2026-04-20', 'due', 'rectification', 'no_consent')", [w.memberA]);
    expect(await who('select 1 from reminders', () => [])).toEqual(['memberA', 'office']);
    expect(await who('select 1 from reminder_subscriptions', () => [])).toEqual(['memberA', 'office']);
    await expect(run('memberA', "insert into reminders (person_id, ref, deadline_key, label, due_date, slot, template_key, status) values ($1, 'x', 'x', 'x', '2026-04-20', 'due', 'deadline', 'sent')", [w.memberA])).rejects.toMatchObject({ code: '42501' });
  });
  it('FB-5: only office staff write and read the year-end summary of their scope', async () => {
    const SUMMARY = "insert into year_summaries (scope_org_id, year, figures, updated_by) values ($1, 2026, '{}', $2)";
    await expect(run('secretaryA', SUMMARY, [w.root, w.secretaryA])).rejects.toMatchObject({ code: '42501' });
    await run('office', SUMMARY, [w.root, w.office]);
    expect(await who('select 1 from year_summaries', () => [])).toEqual(['office']);
  });
});
