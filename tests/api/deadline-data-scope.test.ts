import { boardDeadlines, shanghaiDate, toDateString, type TPolicy } from '@tingkan/shared';
import { withCaller, type Claims } from '../../api/_lib/db';
import { setClock } from '../../api/_lib/clock';
import { loadDeadlineObservations, loadOfficeDeadlineObservations, type DeadlineObservation } from '../../api/_lib/office/deadline-data';
import { deadlinesOfAll } from '../../api/_lib/office/deadlines';
import { currentPolicy } from '../../api/_lib/office/policy';
import { yearRange } from '../../api/_lib/office/scope';
import { startTestApp, type TestApp } from '../helpers/app';
import { SEED, insertMeetingAt, insertObservation, insertSheet } from '../helpers/office-builders';

// The deadlines board (CALC-3, FB-1..4) reads its data through app.deadline_data (migration 20261126000200):
// the office scope checked once, then read as the owner. Here finance holds every case the four RLS passes
// read (groups with first sheets, invitees, discussions, items in each loop state, reports of each kind, a
// 党小组's meeting, a cancelled visit, one of the year before), and the function must give exactly what those
// passes gave each office person (but FB-3's invitees, decided on every membership: 20261127000200), and nothing
// to anyone else.
let app: TestApp;
let policy: TPolicy;
const o = { sent: '', guancha: '', cancelled: '', lastYear: '' };
const [FROM, TO] = yearRange(2026);

beforeAll(async () => {
  app = await startTestApp();
  setClock('2026-11-23T10:00:00+08:00');
  const db = app.db;
  // 旁听 of 预算科 on Mon 10-12, feedback sent 10-20: two discussions, three items (closed, submitted, open; two on
  // one date, ordered by id), reports of every kind; the leader's sheet corrected (the first version counts, FB-1);
  // one member's sheet still missing.
  const m1 = await insertMeetingAt(db, { orgId: SEED.budgetBranch, startsAt: '2026-10-12T09:00:00+08:00', status: 'held' });
  o.sent = await insertObservation(db, { meetingId: m1, mode: 'pangting', status: 'feedback_sent', observers: [SEED.wcOffice, SEED.guoBo, SEED.budgetDeputy], feedbackSentAt: '2026-10-20T10:00:00.123456+08:00' });
  await insertSheet(db, { observationId: o.sent, observerId: SEED.wcOffice, scores: [16, 15, 14, 15, 12], at: '2026-10-14T00:30:00.999999+08:00' });
  await insertSheet(db, { observationId: o.sent, observerId: SEED.wcOffice, scores: [16, 15, 14, 15, 13], version: 2, at: '2026-10-15T09:00:00+08:00' });
  await insertSheet(db, { observationId: o.sent, observerId: SEED.guoBo, scores: [15, 15, 14, 15, 12], at: '2026-10-13T16:00:00+08:00' });
  for (const at of ['2026-10-28T15:00:00+08:00', '2026-10-25T09:30:00+08:00']) {
    await db.query("insert into rectification_discussions (observation_id, held_on, summary, recorded_by, recorded_at) values ($1, $2::timestamptz::date, '逐条研究', $3, $2)", [o.sent, at, SEED.budgetSecretary]);
  }
  const item: Record<string, string> = {};
  for (const [key, title, due] of [['open', '会前学习不足', '2026-11-25'], ['closed', '记录不规范', '2026-11-10'], ['submitted', '发言不深入', '2026-11-25']] as const) {
    const { rows } = await db.query<{ id: string }>(
      'insert into rectification_items (observation_id, title, owner_person_id, due_date, created_by) values ($1, $2, $3, $4, $3) returning id', [o.sent, title, SEED.budgetSecretary, due]);
    item[key] = rows[0]!.id;
  }
  await db.query("update rectification_items set status = 'submitted', evidence_text = '整改材料' where id = any($1::uuid[])", [[item.closed, item.submitted]]);
  await db.query("update rectification_items set status = 'closed', closed_by = $2, closed_at = '2026-11-09T23:59:59.5+08:00' where id = $1", [item.closed, SEED.wcOffice]);
  for (const [kind, period, held] of [['commitment_report', 2, '2026-11-20'], ['commitment_report', 1, '2026-11-18'], ['progress_report', 1, '2026-11-19'], ['report_back', 1, '2026-10-30']] as const) {
    await db.query(
      `insert into observation_reports (observation_id, kind, period_no, org_id, due_date, held_on, summary, reported_by)
       values ($1, $2, $3, $4, $5, $5, '汇报情况', $6)`, [o.sent, kind, period, SEED.budgetBranch, held, SEED.budgetSecretary]);
  }
  // 观察员 visit of a 预算科 党小组 meeting (counts for the branch), plan in, nothing sent. FB-3's invitees: 郭博 (deputy
  // secretary of 财政局办公室党支部, in finance) and 教育局第一支部's 书记 (a committee outside the finance office's
  // scope); the branch's own deputy secretary (a committee role of another organisation than the
  // 党小组's); not the finance office person (office staff).
  const m2 = await insertMeetingAt(db, { orgId: SEED.budgetGroup1, kind: 'group_meeting', startsAt: '2026-11-30T15:00:00+08:00' });
  o.guancha = await insertObservation(db, { meetingId: m2, mode: 'guancha', observers: [SEED.financeOffice, SEED.guoBo, SEED.eduFirstSecretary, SEED.budgetDeputy] });
  await db.query(`update observations set plan = '{"agenda":"学习"}', plan_submitted_at = '2026-11-20T16:00:00+08:00' where id = $1`, [o.guancha]);
  const m3 = await insertMeetingAt(db, { orgId: SEED.financeOfficeBranch, startsAt: '2026-11-02T09:00:00+08:00', status: 'held' });
  o.cancelled = await insertObservation(db, { meetingId: m3, mode: 'pangting', status: 'cancelled', observers: [SEED.wcOffice] });
  const m4 = await insertMeetingAt(db, { orgId: SEED.budgetBranch, startsAt: '2025-12-31T23:30:00+08:00', status: 'held' });
  o.lastYear = await insertObservation(db, { meetingId: m4, mode: 'xunting', observers: [SEED.wcOffice] });
  policy = await currentPolicy(db);
});
afterAll(async () => {
  setClock(undefined);
  await app.close();
});

const asCaller = (sub: string): Claims => ({ sub, role: 'authenticated' });
const scoped = (sub: string) => withCaller(asCaller(sub), (tx) => loadOfficeDeadlineObservations(tx, FROM, TO));
const underRls = (sub: string) => withCaller(asCaller(sub), (tx) => loadDeadlineObservations(tx, FROM, TO, true));
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
/** Instants as ISO text (the passes give Dates, the function text); discussions in time order (the passes leave it open). */
const plain = (list: DeadlineObservation[]) => list.map((x) => ({
  ...x, starts_at: iso(x.starts_at), plan_submitted_at: iso(x.plan_submitted_at), feedback_sent_at: iso(x.feedback_sent_at), discussedAt: [...x.discussedAt!].sort(),
}));

describe('app.deadline_data gives what the RLS passes gave (CALC-3, FB-1..4)', () => {
  it.each([['the work committee office', SEED.wcOffice], ['the finance office', SEED.financeOffice]])('%s: the same observations, groups, sheets, rectification and reports', async (_who, sub) => {
    const [before, after] = [await underRls(sub), await scoped(sub)];
    // One difference, FB-3 (migration 20261127000200): the education 书记 sits on a committee the finance office
    // may not read under RLS; the function knows the invitee all the same.
    const invited = (x: DeadlineObservation) => (x.id !== o.guancha ? x
      : { ...x, group: x.group.map((m) => (m.personId === SEED.eduFirstSecretary ? { ...m, isInvitee: true } : m)) });
    expect(plain(after)).toEqual(plain(before.map(invited)));
    if (sub === SEED.financeOffice) expect(plain(before)).not.toEqual(plain(before.map(invited)));
    expect(after.map((x) => x.id)).toEqual([o.sent, o.guancha]); // in meeting order; not the cancelled one, not last year's
  });

  it('the cases are there: first sheets, a 党小组 counted for its branch, items by date then id, every report', async () => {
    const [sent, guancha] = await scoped(SEED.financeOffice);
    // By person id; 郭博's only sheet, the leader's first version (to the millisecond, as toISOString writes it).
    expect(sent!.group.map((m) => [m.personId, m.isLeader, m.sheetAt])).toEqual([
      [SEED.guoBo, false, '2026-10-13T08:00:00.000Z'], [SEED.budgetDeputy, false, null], [SEED.wcOffice, true, '2026-10-13T16:30:00.999Z'],
    ]);
    expect(sent!.feedback_sent_at).toBe('2026-10-20T02:00:00.123Z');
    expect(sent!.discussedAt).toEqual(['2026-10-25T01:30:00.000Z', '2026-10-28T07:00:00.000Z']);
    const [closed, ...sameDay] = sent!.items!;
    expect(closed).toMatchObject({ dueDate: '2026-11-10', status: 'closed', closedAt: '2026-11-09T15:59:59.500Z', title: '记录不规范', ownerId: SEED.budgetSecretary });
    expect(sameDay.map((i) => [i.dueDate, i.closedAt])).toEqual([['2026-11-25', null], ['2026-11-25', null]]);
    expect(sameDay.map((i) => i.status).sort()).toEqual(['open', 'submitted']);
    expect(sameDay[0]!.id < sameDay[1]!.id).toBe(true);
    expect(sent!.reports).toEqual([
      { kind: 'report_back', periodNo: 1, heldOn: '2026-10-30' }, { kind: 'progress_report', periodNo: 1, heldOn: '2026-11-19' },
      { kind: 'commitment_report', periodNo: 1, heldOn: '2026-11-18' }, { kind: 'commitment_report', periodNo: 2, heldOn: '2026-11-20' },
    ]);
    expect(guancha).toMatchObject({ branch_id: SEED.budgetBranch, plan_submitted_at: '2026-11-20T08:00:00.000Z', discussedAt: [], items: [], reports: [] });
  });

  it('FB-3 invitees wherever their committee is: 郭博, the deputy secretary and the education 书记, for both offices; never the office person', async () => {
    const invitees = (list: DeadlineObservation[]) => list.find((x) => x.id === o.guancha)!.group.filter((m) => m.isInvitee).map((m) => m.personId).sort();
    expect(invitees(await scoped(SEED.financeOffice))).toEqual([SEED.guoBo, SEED.budgetDeputy, SEED.eduFirstSecretary].sort());
    expect(invitees(await scoped(SEED.wcOffice))).toEqual([SEED.guoBo, SEED.budgetDeputy, SEED.eduFirstSecretary].sort());
  });

  it('FB-3 on the finance office\'s board: the education 书记 owes the visit\'s report-back, under their name', async () => {
    const res = await app.request('GET', '/api/deadlines?year=2026&by=observer&state=upcoming,due_soon,overdue,done', { token: await app.login(SEED.financeOffice) });
    expect(res.status).toBe(200);
    const theirs = res.body.groups.find((g: { id: string }) => g.id === SEED.eduFirstSecretary);
    expect(theirs?.name).toBeTruthy();
    expect(theirs.items.filter((i: { observationId: string; key: string }) => i.observationId === o.guancha).map((i: { key: string }) => i.key)).toContain('report_back');
  });

  it('the rule on this data without parsing it again answers as boardDeadlines does on the same input parsed', async () => {
    const list = await scoped(SEED.wcOffice);
    const at = new Date('2026-11-23T10:00:00+08:00');
    const parsed = boardDeadlines({
      observations: list.map((x) => ({
        observation: { id: x.id, mode: x.mode, kind: x.kind, startsAt: x.starts_at },
        done: {
          ...(x.plan_submitted_at ? { plan_submission: x.plan_submitted_at } : {}),
          ...(x.group.length > 0 && x.group.every((m) => m.sheetAt) ? { sheet_submission: x.group.map((m) => m.sheetAt!).sort().at(-1) } : {}),
          ...(x.feedback_sent_at ? { feedback_to_branch: x.feedback_sent_at } : {}),
        },
        discussedAt: x.discussedAt, items: x.items, reports: x.reports,
      })),
      now: at.toISOString(),
    }, policy).map((r) => r.rows);
    expect(deadlinesOfAll(list, at, policy)).toEqual(parsed);
  });

  it('the Shanghai date of an instant read off its text equals the date library\'s, either side of 16:00 UTC', () => {
    for (const t of ['2026-10-13T15:59:59.999Z', '2026-10-13T16:00:00.000Z', '2026-12-31T16:00:00.000Z', '2028-02-28T23:00:00.000Z', '2026-10-20T10:00:00+08:00']) {
      expect(shanghaiDate(t)).toBe(toDateString(t));
    }
  });
});

describe('app.deadline_data checks the caller\'s office scope (CALC-3, ORG-3)', () => {
  const call = (sub: string) => withCaller(asCaller(sub), (tx) => tx.query<{ id: string }>('select id from app.deadline_data($1, $2)', [FROM, TO]));

  it('the finance office and the work committee office (in scope) get the observations', async () => {
    expect((await call(SEED.financeOffice)).rows.map((r) => r.id)).toEqual([o.sent, o.guancha]);
    expect((await call(SEED.wcOffice)).rows.map((r) => r.id)).toEqual([o.sent, o.guancha]);
  });

  it('an office person of another department gets no rows', async () => {
    expect((await call(SEED.educationOffice)).rows).toEqual([]);
  });

  it("an ordinary member, the branch's own 书记 and an observer in the group get no rows (though RLS lets them read the visit)", async () => {
    for (const sub of [SEED.budgetMember, SEED.budgetSecretary, SEED.guoBo]) expect((await call(sub)).rows).toEqual([]);
    const branchSees = await withCaller(asCaller(SEED.budgetSecretary), (tx) => tx.query('select id from observations where id = $1', [o.sent]));
    expect(branchSees.rows).toHaveLength(1);
  });
});
