import { startTestApp, type TestApp } from '../helpers/app';
import { SEED, insertMeetingAt, insertObservation, insertSheet, loginAs } from '../helpers/office-builders';
import { setClock } from '../../api/_lib/clock';

let app: TestApp;
let login: (id: string) => Promise<string>;
const eduSecondBranch = '06e9085c-f95b-47de-9c7d-96d7e9a5b6aa';
const eduSecondSecretary = 'ca153c91-f83b-4433-b68a-28eee4987113';
const healthOfficeBranch = '9fadd1d3-795d-4f04-be93-0b07494d0f89';
let obs1: string;
let obs2: string;
let obs3: string;

// Monday 2026-11-23, 10:00 in Shanghai. November 2026 has no holidays, so FB-1's working days are weekdays.
beforeAll(async () => {
  app = await startTestApp();
  login = loginAs(app);
  setClock('2026-11-23T10:00:00+08:00');
  // 旁听 of 预算科 on Wed 11-18: sheets due 11-23 (3 working days), feedback due 11-25 (5); one sheet is in.
  const m1 = await insertMeetingAt(app.db, { orgId: SEED.budgetBranch, startsAt: '2026-11-18T09:00:00+08:00', status: 'held' });
  obs1 = await insertObservation(app.db, { meetingId: m1, mode: 'pangting', status: 'held', observers: [SEED.wcOffice, SEED.educationOffice, SEED.guoBo] });
  await insertSheet(app.db, { observationId: obs1, observerId: SEED.wcOffice, scores: [16, 15, 14, 15, 12], at: '2026-11-19T16:00:00+08:00' });
  // 巡听 of 教育局第一支部 on Tue 11-10: sheets due 11-13, feedback due 11-17, nothing done: both overdue.
  const m2 = await insertMeetingAt(app.db, { orgId: SEED.eduFirstBranch, startsAt: '2026-11-10T09:00:00+08:00', status: 'held' });
  obs2 = await insertObservation(app.db, { meetingId: m2, mode: 'xunting', status: 'held', observers: [SEED.wcOffice, SEED.guoBo] });
  // 观察员 visit of 教育局第二支部 on Mon 11-30: its plan is due 11-23 (a week ahead, OBS-5).
  const m3 = await insertMeetingAt(app.db, { orgId: eduSecondBranch, kind: 'committee_meeting', startsAt: '2026-11-30T15:00:00+08:00' });
  obs3 = await insertObservation(app.db, { meetingId: m3, mode: 'guancha' });
  // A cancelled observation has no deadlines.
  const m4 = await insertMeetingAt(app.db, { orgId: healthOfficeBranch, startsAt: '2026-11-02T09:00:00+08:00', status: 'held' });
  await insertObservation(app.db, { meetingId: m4, mode: 'pangting', status: 'cancelled' });
});
afterAll(async () => {
  setClock(undefined);
  await app.close();
});

const get = async (who: string, path: string) => app.request('GET', path, { token: await login(who) });
const brief = (items: any[]) => items.map((i) => [i.observationId, i.key, i.dueDate, i.state]);

describe('the deadlines board (CALC-3)', () => {
  it('per branch: what is due soon or overdue, by the shared rule over working days (CALC-3, FB-1, OBS-5)', async () => {
    const res = await get(SEED.wcOffice, '/api/deadlines?year=2026');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2026, today: '2026-11-23', by: 'branch', states: ['due_soon', 'overdue'], total: 3 });
    const byBranch = Object.fromEntries(res.body.groups.map((g: any) => [g.id, [g.counts, brief(g.items)]]));
    expect(byBranch).toEqual({
      [SEED.budgetBranch]: [{ due_soon: 2 }, [[obs1, 'sheet_submission', '2026-11-23', 'due_soon'], [obs1, 'feedback_to_branch', '2026-11-25', 'due_soon']]],
      [SEED.eduFirstBranch]: [{ overdue: 2 }, [[obs2, 'sheet_submission', '2026-11-13', 'overdue'], [obs2, 'feedback_to_branch', '2026-11-17', 'overdue']]],
      [eduSecondBranch]: [{ due_soon: 1 }, [[obs3, 'plan_submission', '2026-11-23', 'due_soon']]],
    });
    // OBS-5 bookings are not modelled (the office schedules every visit): the one deadline the board cannot track.
    expect(res.body.untracked).toEqual(['booking']);
  });

  it('per observer: each one\'s own sheet, and the leader also the feedback (CALC-3)', async () => {
    const res = await get(SEED.wcOffice, '/api/deadlines?year=2026&by=observer');
    const byPerson = Object.fromEntries(res.body.groups.map((g: any) => [g.id, brief(g.items)]));
    expect(byPerson).toEqual({
      // 崔悦佳 sent her sheet for obs1 on 11-19 (done, not listed); she leads both groups.
      [SEED.wcOffice]: [[obs2, 'sheet_submission', '2026-11-13', 'overdue'], [obs2, 'feedback_to_branch', '2026-11-17', 'overdue'], [obs1, 'feedback_to_branch', '2026-11-25', 'due_soon']],
      [SEED.educationOffice]: [[obs1, 'sheet_submission', '2026-11-23', 'due_soon']],
      [SEED.guoBo]: [[obs2, 'sheet_submission', '2026-11-13', 'overdue'], [obs1, 'sheet_submission', '2026-11-23', 'due_soon']],
    });
  });

  it('state=done,upcoming shows the rest, and the list pages (CALC-3)', async () => {
    const res = await get(SEED.wcOffice, '/api/deadlines?year=2026&state=upcoming&limit=1&offset=0');
    expect(res.body).toMatchObject({ total: 1, limit: 1 });
    // FB-3: the invitee's report-back falls due by the end of the month after the visit at the latest.
    expect(brief(res.body.groups[0].items)).toEqual([
      [obs3, 'sheet_submission', '2026-12-03', 'upcoming'], [obs3, 'feedback_to_branch', '2026-12-07', 'upcoming'], [obs3, 'report_back', '2026-12-31', 'upcoming'],
    ]);
  });

  it('a department office sees only its own branches; a member sees no board', async () => {
    const edu = await get(SEED.educationOffice, '/api/deadlines?year=2026');
    expect(edu.body.groups.map((g: any) => g.id).sort()).toEqual([SEED.eduFirstBranch, eduSecondBranch].sort());
    const member = await get(SEED.budgetMember, '/api/deadlines?year=2026');
    expect(member.status).toBe(403);
  });

  it('a bad state answers 400 with the field named', async () => {
    const res = await get(SEED.wcOffice, '/api/deadlines?year=2026&state=late');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields[0].path).toMatch(/^state/);
  });
});

describe('my tasks (CALC-3, D9)', () => {
  it('an observer sees each sheet still to send with its due date as YYYY-MM-DD', async () => {
    const res = await get(SEED.guoBo, '/api/tasks');
    expect(res.status).toBe(200);
    expect(res.body.today).toBe('2026-11-23');
    const sheets = res.body.tasks.filter((t: any) => t.kind === 'submit_sheet').map((t: any) => [t.observationId, t.dueDate, t.state]);
    expect(sheets).toEqual([[obs2, '2026-11-13', 'overdue'], [obs1, '2026-11-23', 'due_soon']]);
  });

  it('meetings in the next 14 days appear until the member confirms or asks for leave (ATT-1)', async () => {
    const before = await get(SEED.budgetMember, '/api/tasks');
    const meetings = before.body.tasks.filter((t: any) => t.kind === 'attend_meeting');
    expect(meetings.length).toBeGreaterThan(0);
    for (const t of meetings) expect(t.dueDate >= '2026-11-23' && t.dueDate < '2026-12-08').toBe(true);
    const first = meetings[0];
    const confirm = await app.request('POST', '/api/attendance', { token: await login(SEED.budgetMember), body: { meetingId: first.meetingId, state: 'confirmed' } });
    expect(confirm.status).toBe(200);
    const after = await get(SEED.budgetMember, '/api/tasks');
    expect(after.body.tasks.map((t: any) => t.meetingId)).not.toContain(first.meetingId);
  });

  it('a secretary sees the observation plan due and the yearly plan to file (OBS-5, MTG-10)', async () => {
    const res = await get(eduSecondSecretary, '/api/tasks');
    const own = res.body.tasks.filter((t: any) => t.kind !== 'attend_meeting').map((t: any) => [t.kind, t.dueDate, t.state]);
    expect(own).toEqual([['submit_plan', '2026-11-23', 'due_soon'], ['file_yearly_plan', null, 'upcoming']]);
  });
});

describe('the deadlines board after the feedback: rectification, report-back and reports (CALC-3, FB-2..4)', () => {
  let obs4: string;
  let obs5: string;
  const items: Record<string, string> = {};

  beforeAll(async () => {
    // 旁听 of 财政局办公室党支部 on Mon 10-12 (after National Day): feedback due 10-19, sent 10-20, so the rectification is due
    // 11-20 (FB-2). The committee discussed it on 10-25; of its items one is closed, one waits for verification, one is open.
    const m4 = await insertMeetingAt(app.db, { orgId: SEED.financeOfficeBranch, startsAt: '2026-10-12T09:00:00+08:00', status: 'held' });
    obs4 = await insertObservation(app.db, { meetingId: m4, mode: 'pangting', status: 'feedback_sent', observers: [SEED.wcOffice], feedbackSentAt: '2026-10-20T10:00:00+08:00' });
    await insertSheet(app.db, { observationId: obs4, observerId: SEED.wcOffice, scores: [16, 15, 14, 15, 12], at: '2026-10-14T16:00:00+08:00' });
    await app.db.query("insert into rectification_discussions (observation_id, held_on, summary, recorded_by) values ($1, '2026-10-25', '逐条研究', $2)", [obs4, SEED.guoBo]);
    for (const [key, title, due] of [['open', '会前学习不足', '2026-11-25'], ['closed', '记录不规范', '2026-11-10'], ['submitted', '发言不深入', '2026-11-20']]) {
      const { rows } = await app.db.query<{ id: string }>(
        'insert into rectification_items (observation_id, title, owner_person_id, due_date, created_by) values ($1, $2, $3, $4, $3) returning id', [obs4, title, SEED.guoBo, due]);
      items[key!] = rows[0]!.id;
    }
    await app.db.query("update rectification_items set status = 'submitted', evidence_text = '整改材料' where id = any($1::uuid[])", [[items.closed, items.submitted]]);
    await app.db.query("update rectification_items set status = 'closed', closed_by = $2, closed_at = '2026-11-09T10:00:00+08:00' where id = $1", [items.closed, SEED.wcOffice]);
    // 观察员 visit of 教育局第一支部 on Tue 09-15 with 郭博 (deputy secretary of another branch: the invitee, FB-3); feedback
    // sent 09-22, nothing rectified, no report-back; the first commitment report (FB-4) came in on 11-20.
    const m5 = await insertMeetingAt(app.db, { orgId: SEED.eduFirstBranch, startsAt: '2026-09-15T09:00:00+08:00', status: 'held' });
    obs5 = await insertObservation(app.db, { meetingId: m5, mode: 'guancha', status: 'feedback_sent', observers: [SEED.wcOffice, SEED.guoBo], feedbackSentAt: '2026-09-22T10:00:00+08:00' });
    await app.db.query(`update observations set plan = '{"agenda":"学习"}', plan_submitted_at = '2026-09-07T10:00:00+08:00' where id = $1`, [obs5]);
    for (const who of [SEED.wcOffice, SEED.guoBo]) await insertSheet(app.db, { observationId: obs5, observerId: who, scores: [16, 15, 14, 15, 12], at: '2026-09-16T16:00:00+08:00' });
    await app.db.query(
      `insert into observation_reports (observation_id, kind, period_no, org_id, due_date, held_on, summary, reported_by)
       values ($1, 'commitment_report', 1, $2, '2026-12-22', '2026-11-20', '党员报告承诺落实情况', $3)`, [obs5, SEED.eduFirstBranch, SEED.eduFirstSecretary]);
  });

  const groupOf = (res: { body: { groups: any[] } }, id: string) => res.body.groups.find((g: any) => g.id === id);
  const rows = (items: any[]) => items.map((i) => [i.observationId === obs4 ? 'obs4' : i.observationId === obs5 ? 'obs5' : 'other', i.key, i.dueDate, i.state, i.loop ?? i.periodNo ?? null]);

  it('per branch: the rectification as a whole (FB-2) and each item on its own date with its loop state', async () => {
    const res = await get(SEED.wcOffice, '/api/deadlines?year=2026');
    const g = groupOf(res, SEED.financeOfficeBranch);
    expect(g.counts).toEqual({ overdue: 2, due_soon: 1 });
    expect(rows(g.items)).toEqual([
      ['obs4', 'rectification', '2026-11-20', 'overdue', null],
      ['obs4', 'rectification_item', '2026-11-20', 'overdue', 'submitted'],
      ['obs4', 'rectification_item', '2026-11-25', 'due_soon', 'open'],
    ]);
    expect(g.items[1]).toMatchObject({ itemId: items.submitted, ownerId: SEED.guoBo, labelZh: '整改事项：发言不深入', ruleId: 'FB-2', basis: 'item_due_date' });
  });

  it('per branch: an unreported report-back (FB-3) and an unrectified visit are overdue; FB-4 moves on to the next report', async () => {
    const overdue = groupOf(await get(SEED.wcOffice, '/api/deadlines?year=2026'), SEED.eduFirstBranch);
    expect(rows(overdue.items).filter((r) => r[0] === 'obs5')).toEqual([['obs5', 'rectification', '2026-10-22', 'overdue', null], ['obs5', 'report_back', '2026-10-31', 'overdue', null]]);
    const later = groupOf(await get(SEED.wcOffice, '/api/deadlines?year=2026&state=upcoming,done'), SEED.eduFirstBranch);
    expect(rows(later.items).filter((r) => r[0] === 'obs5' && String(r[1]).endsWith('_report'))).toEqual([
      ['obs5', 'commitment_report', '2027-03-22', 'upcoming', 2], ['obs5', 'progress_report', '2027-03-22', 'upcoming', 1],
    ]);
    const closed = groupOf(await get(SEED.wcOffice, '/api/deadlines?year=2026&state=done'), SEED.financeOfficeBranch);
    expect(closed.items.find((i: any) => i.key === 'rectification_item')).toMatchObject({ itemId: items.closed, doneOn: '2026-11-09', late: false, loop: 'closed' });
  });

  it('per observer: the invited committee member owes the report-back (FB-3); the leader from the office does not', async () => {
    const res = await get(SEED.wcOffice, '/api/deadlines?year=2026&by=observer');
    expect(rows(groupOf(res, SEED.guoBo).items).filter((r) => r[0] === 'obs5')).toEqual([['obs5', 'report_back', '2026-10-31', 'overdue', null]]);
    expect(rows(groupOf(res, SEED.wcOffice).items).filter((r) => r[0] === 'obs5' || r[0] === 'obs4')).toEqual([]);
  });

  it('a department office sees its own branches\' rectification only', async () => {
    const res = await get(SEED.financeOffice, '/api/deadlines?year=2026');
    expect(res.body.groups.map((g: any) => g.id).sort()).toEqual([SEED.budgetBranch, SEED.financeOfficeBranch].sort());
  });
});
