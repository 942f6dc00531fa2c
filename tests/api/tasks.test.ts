import { ZReportFiled, ZReportsResponse, ZTaskList, type TTask } from '@tingkan/shared';
import { setClock } from '../../api/_lib/clock';
import { parseEnv, setEnv } from '../../api/_lib/env';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../helpers/app';
import { insertMeeting, observedMeeting, sendFeedback, tokenFor } from '../helpers/meeting-builders';
import { recordRectification } from '../helpers/rectification-builders';

let app: TestApp;
let w: Awaited<ReturnType<typeof observedMeeting>>;
const tok: Record<string, string> = {};
let lecture = '';

beforeAll(async () => {
  app = await startTestApp();
  w = await observedMeeting(app.db);
  lecture = await insertMeeting(app.db, { orgId: w.branchA, kind: 'party_lecture', topic: '党课：学习党章', startsAt: '2026-03-16T14:30:00+08:00' });
  const who = { secA: w.secretaryA, memA: w.memberA, secB: w.secretaryB, memB: w.memberB, office: w.office, obsB: w.committeeB };
  for (const [k, id] of Object.entries(who)) tok[k] = await tokenFor(app, id);
});
afterAll(async () => {
  setClock(undefined);
  setEnv(parseEnv({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, DEV_LOGIN: '1' }));
  await app.close();
});

/** GET /api/tasks as a person, checked against the shared schema the phone uses. */
async function tasksOf(token: string | undefined) {
  const res = await app.request('GET', '/api/tasks', { token });
  expect(res.status).toBe(200);
  return ZTaskList.parse(res.body);
}
const brief = (t: TTask) => [t.kind, t.titleZh, t.dueDate, t.state];

describe('GET /api/tasks: one list for home (D9)', () => {
  it('a member sees the meeting to attend with its start, and the answer parses as ZTaskList (ATT-1)', async () => {
    setClock('2026-03-10T09:00:00+08:00');
    const list = await tasksOf(tok.memA);
    expect(list.today).toBe('2026-03-10');
    expect(list.tasks.map(brief)).toStrictEqual([
      ['attend_meeting', '参加：学习贯彻会议精神（确认参加或请假）', '2026-03-13', 'due_soon'],
      ['attend_meeting', '参加：党课：学习党章（确认参加或请假）', '2026-03-16', 'upcoming'],
    ]);
    expect(list.tasks[1]).toMatchObject({ meetingId: lecture, startsAt: '2026-03-16T14:30:00+08:00', templateKey: 'deadline' });
    expect(list.reminderTemplates).toStrictEqual({ deadline: null, rectification: null });
  });

  it('a meeting under way stays on the list, saying so, until it ends (ATT-1)', async () => {
    setClock('2026-03-13T09:20:00+08:00');
    expect((await tasksOf(tok.memA)).tasks.filter((t) => t.meetingId === w.meetingA).map(brief)).toStrictEqual([
      ['attend_meeting', '正在召开：学习贯彻会议精神（请扫码签到）', '2026-03-13', 'due_soon'],
    ]);
    setClock('2026-03-13T11:00:00+08:00'); // it ended at 11:00
    expect((await tasksOf(tok.memA)).tasks.filter((t) => t.meetingId === w.meetingA)).toStrictEqual([]);
    setClock('2026-03-10T09:00:00+08:00');
  });

  it('a visit of my group leaves the list once the meeting is over; the sheet stays until it is in, the report-back comes (OBS-7, FB-1, FB-3)', async () => {
    setClock('2026-03-13T12:00:00+08:00');
    expect((await tasksOf(tok.obsB)).tasks.map((t) => t.kind)).toStrictEqual(['submit_sheet', 'file_report']);
    setClock('2026-03-10T09:00:00+08:00');
  });

  it('answering the meeting takes it off the list (ATT-1)', async () => {
    const res = await app.request('POST', '/api/attendance', { token: tok.memA, body: { meetingId: lecture, state: 'confirmed' } });
    expect(res.status).toBe(200);
    expect((await tasksOf(tok.memA)).tasks.map((t) => t.meetingId)).toStrictEqual([w.meetingA]);
  });

  it('the observed secretary owes the plan (OBS-5), the invited observer the sheet (FB-1); another branch sees neither', async () => {
    const sec = (await tasksOf(tok.secA)).tasks.filter((t) => t.kind === 'submit_plan');
    expect(sec.map(brief)).toStrictEqual([['submit_plan', '提交观摩组织方案：学习贯彻会议精神', '2026-03-06', 'overdue']]);
    const obs = (await tasksOf(tok.obsB)).tasks;
    expect(obs.map(brief)).toStrictEqual([
      ['observe_meeting', '观摩：学习贯彻会议精神（到场签到，记录“两听两看”）', '2026-03-13', 'due_soon'],
      ['submit_sheet', '提交评议表：学习贯彻会议精神', '2026-03-18', 'upcoming'],
    ]);
    expect(obs[0]).toMatchObject({ observationId: w.observation, meetingId: w.meetingA, startsAt: '2026-03-13T09:00:00+08:00', ruleId: 'OBS-7' });
    expect((await tasksOf(tok.memB)).tasks).toStrictEqual([]);
  });
});

describe('feedback and rectification on the list (FB-2, FB-4)', () => {
  let itemA = '';
  let itemSec = '';

  it('once the feedback arrives, the observed branch\'s leaders must record the committee discussion, due one month on (FB-2)', async () => {
    await sendFeedback(app.db, w.observation, '2026-03-20T10:00:00+08:00');
    setClock('2026-03-23T09:00:00+08:00');
    const sec = (await tasksOf(tok.secA)).tasks.filter((t) => t.kind === 'record_discussion');
    expect(sec.map(brief)).toStrictEqual([['record_discussion', '阅读观察反馈，登记支委会研究整改情况：学习贯彻会议精神', '2026-04-20', 'upcoming']]);
    expect(sec[0]).toMatchObject({ observationId: w.observation, ruleId: 'FB-2' });
    for (const t of [tok.memA, tok.secB, tok.obsB]) expect((await tasksOf(t)).tasks.some((x) => x.kind === 'record_discussion')).toBe(false);
  });

  it('after the discussion: the owner sees their item, the secretary every open item of the branch with its owner (FB-2)', async () => {
    const items = await recordRectification(app, tok.secA, w.observation, [
      { title: '发言提前准备，不照稿念', ownerPersonId: w.memberA, dueDate: '2026-03-25' },
      { title: '会议记录补全缺席人员及原因', ownerPersonId: w.secretaryA, dueDate: '2026-04-10' },
    ]);
    [itemA, itemSec] = [items[0]!.id, items[1]!.id];
    const mine = (await tasksOf(tok.memA)).tasks.filter((t) => t.kind === 'rectification_item');
    expect(mine.map(brief)).toStrictEqual([['rectification_item', '整改：发言提前准备，不照稿念', '2026-03-25', 'due_soon']]);
    expect(mine[0]).toMatchObject({ rectificationItemId: itemA, templateKey: 'rectification', ruleId: 'FB-2' });
    const sec = (await tasksOf(tok.secA)).tasks.filter((t) => t.kind === 'rectification_item' || t.kind === 'record_discussion');
    expect(sec.map(brief)).toStrictEqual([
      ['rectification_item', '整改：发言提前准备，不照稿念（责任人：甲党员）', '2026-03-25', 'due_soon'],
      ['rectification_item', '整改：会议记录补全缺席人员及原因', '2026-04-10', 'upcoming'],
    ]);
    expect((await tasksOf(tok.memB)).tasks).toStrictEqual([]);
  });

  it('submitted evidence leaves the owner\'s list and asks the group to verify (FB-2)', async () => {
    const res = await app.request('POST', `/api/rectifications/${itemA}/submit`, { token: tok.memA, body: { evidenceText: '已在支部党员大会上脱稿发言' } });
    expect(res.status).toBe(200);
    expect((await tasksOf(tok.memA)).tasks.some((t) => t.rectificationItemId === itemA)).toBe(false);
    const verify = (await tasksOf(tok.office)).tasks.filter((t) => t.kind === 'verify_rectification');
    expect(verify.map((t) => [t.titleZh, t.noteZh, t.dueDate, t.rectificationItemId])).toStrictEqual([
      ['核验整改：发言提前准备，不照稿念', '甲党员已提交整改材料，请核验后销号或退回', null, itemA],
    ]);
    // The invited observer from another branch may not read the member's name (people RLS): the task still comes.
    const invited = (await tasksOf(tok.obsB)).tasks.filter((t) => t.kind === 'verify_rectification');
    expect(invited.map((t) => [t.noteZh, t.rectificationItemId])).toStrictEqual([['责任人已提交整改材料，请核验后销号或退回', itemA]]);
    expect((await tasksOf(tok.secA)).tasks.some((t) => t.kind === 'verify_rectification')).toBe(false);
  });

  it('an item sent back returns to its owner with the reason, overdue once its day has passed (FB-2)', async () => {
    const back = await app.request('POST', `/api/rectifications/${itemA}/verify`, { token: tok.obsB, body: { decision: 'return', reason: '未附会议记录，无法核实' } });
    expect(back.status).toBe(200);
    setClock('2026-03-26T09:00:00+08:00');
    const mine = (await tasksOf(tok.memA)).tasks.filter((t) => t.kind === 'rectification_item');
    expect(mine.map((t) => [t.rectificationItemId, t.state, t.noteZh])).toStrictEqual([[itemA, 'overdue', '被退回：未附会议记录，无法核实']]);
    expect((await tasksOf(tok.obsB)).tasks.some((t) => t.kind === 'verify_rectification')).toBe(false);
    expect((await tasksOf(tok.secA)).tasks.filter((t) => t.kind === 'rectification_item').map((t) => t.rectificationItemId)).toStrictEqual([itemA, itemSec]);
  });

  it('closed items leave every list (FB-2)', async () => {
    await app.request('POST', `/api/rectifications/${itemA}/submit`, { token: tok.memA, body: { evidenceText: '附会议记录第3页' } });
    expect((await app.request('POST', `/api/rectifications/${itemA}/verify`, { token: tok.office, body: { decision: 'close' } })).status).toBe(200);
    for (const t of [tok.memA, tok.secA, tok.obsB, tok.office]) {
      expect((await tasksOf(t)).tasks.some((x) => x.rectificationItemId === itemA)).toBe(false);
    }
  });
});

describe('reports after the visit on the list (FB-3, FB-4)', () => {
  const reports = (t: TTask[]) => t.filter((x) => x.kind === 'file_report').map((x) => [x.reportKind, x.periodNo, x.titleZh, x.dueDate, x.state]);
  const file = (token: string | undefined, body: Record<string, unknown>) =>
    app.request('POST', '/api/reports', { token, body: { observationId: w.observation, summary: '汇报了观摩情况和整改进展', ...body } });

  it('the invited member owes the report-back, the observed branch\'s leaders the first progress and commitment reports; nobody else (FB-3, FB-4)', async () => {
    setClock('2026-03-26T09:00:00+08:00');
    const invited = (await tasksOf(tok.obsB)).tasks.filter((t) => t.kind === 'file_report');
    expect(reports(invited)).toStrictEqual([['report_back', 1, '在本支部支委会上汇报观摩情况：学习贯彻会议精神', '2026-04-30', 'upcoming']]);
    expect(invited[0]).toMatchObject({ ruleId: 'FB-3', observationId: w.observation, meetingId: w.meetingA, templateKey: 'deadline' });
    expect(reports((await tasksOf(tok.secA)).tasks)).toStrictEqual([
      ['commitment_report', 1, '登记党员承诺落实情况（第1个季度）：学习贯彻会议精神', '2026-06-20', 'upcoming'],
      ['progress_report', 1, '向党员通报整改进展（第1个半年）：学习贯彻会议精神', '2026-09-20', 'upcoming'],
    ]);
    for (const t of [tok.memA, tok.memB, tok.secB, tok.office]) expect(reports((await tasksOf(t)).tasks)).toStrictEqual([]);
  });

  it('the due dates are the ones GET /api/reports gives, and its answer parses as the phone\'s ZReportsResponse (FB-3, FB-4)', async () => {
    const res = await app.request('GET', `/api/reports?observationId=${w.observation}`, { token: tok.secA });
    expect(res.status).toBe(200);
    const view = ZReportsResponse.parse(res.body);
    expect(view.due.map((d) => [d.kind, d.dueDate])).toStrictEqual([['report_back', '2026-04-30'], ['commitment_report', '2026-06-20'], ['progress_report', '2026-09-20']]);
    expect(view.reports).toStrictEqual([]);
  });

  it('a filed report-back leaves the invitee\'s list; POST answers ZReportFiled with the task\'s due date (FB-3)', async () => {
    const res = await file(tok.obsB, { kind: 'report_back', heldOn: '2026-03-26' });
    expect(res.status).toBe(201);
    expect(ZReportFiled.parse(res.body).report).toMatchObject({ kind: 'report_back', periodNo: 1, dueDate: '2026-04-30', orgName: '乙党支部', late: false });
    expect(reports((await tasksOf(tok.obsB)).tasks)).toStrictEqual([]);
    const view = ZReportsResponse.parse((await app.request('GET', `/api/reports?observationId=${w.observation}`, { token: tok.obsB })).body);
    expect(view.reports.map((r) => [r.kind, r.reportedByName])).toStrictEqual([['report_back', '乙委员']]);
  });

  it('the next quarter\'s commitment report comes only once the filed quarter has fallen due (FB-4)', async () => {
    setClock('2026-06-10T09:00:00+08:00');
    expect((await file(tok.secA, { kind: 'commitment_report', periodNo: 1, heldOn: '2026-06-10' })).status).toBe(201);
    expect(reports((await tasksOf(tok.secA)).tasks).map((r) => [r[0], r[1]])).toStrictEqual([['progress_report', 1]]);
    setClock('2026-06-21T09:00:00+08:00');
    expect(reports((await tasksOf(tok.secA)).tasks).map((r) => [r[0], r[1], r[3], r[4]])).toStrictEqual([
      ['progress_report', 1, '2026-09-20', 'upcoming'],
      ['commitment_report', 2, '2026-09-20', 'upcoming'],
    ]);
  });

  it('periods left unfiled stay, overdue, next to the ones now open; the stored due date is the task\'s (FB-4)', async () => {
    setClock('2026-10-08T09:00:00+08:00');
    const due = reports((await tasksOf(tok.secA)).tasks).map((r) => [r[0], r[1], r[3], r[4]]);
    expect(due).toStrictEqual([
      ['progress_report', 1, '2026-09-20', 'overdue'],
      ['commitment_report', 2, '2026-09-20', 'overdue'],
      ['commitment_report', 3, '2026-12-20', 'upcoming'],
      ['progress_report', 2, '2027-03-20', 'upcoming'],
    ]);
    const res = await file(tok.secA, { kind: 'commitment_report', periodNo: 3, heldOn: '2026-10-08' });
    expect(ZReportFiled.parse(res.body).report.dueDate).toBe('2026-12-20');
    expect(reports((await tasksOf(tok.secA)).tasks).map((r) => [r[0], r[1]])).toStrictEqual([['progress_report', 1], ['commitment_report', 2], ['progress_report', 2]]);
  });
});

describe('reminder templates (D9)', () => {
  it('the deployment\'s WeChat template ids come with the list, so the tap can ask at once', async () => {
    setEnv(parseEnv({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, DEV_LOGIN: '1', WECHAT_TEMPLATE_RECTIFICATION: 'tmpl-rect-001' }));
    expect((await tasksOf(tok.memA)).reminderTemplates).toStrictEqual({ deadline: null, rectification: 'tmpl-rect-001' });
  });

  it('without a login → 401 UNAUTHENTICATED', async () => {
    const res = await app.request('GET', '/api/tasks');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });
});
