import { setClock } from '../../api/_lib/clock';
import { startTestApp, type TestApp } from '../helpers/app';
import { count, observedMeeting, sendFeedback, tokenFor } from '../helpers/meeting-builders';

let app: TestApp;
let w: Awaited<ReturnType<typeof observedMeeting>>;
const tok: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  // 观察员 visit of 甲 on 2026-03-13; 乙委员 (committee member of 乙) is the invited member; feedback arrived 2026-03-20.
  w = await observedMeeting(app.db);
  await sendFeedback(app.db, w.observation, '2026-03-20T10:00:00+08:00');
  const who = { secA: w.secretaryA, memA: w.memberA, office: w.office, obsB: w.committeeB };
  for (const [k, id] of Object.entries(who)) tok[k] = await tokenFor(app, id);
  setClock('2026-04-08T18:00:00+08:00');
});
afterAll(async () => {
  setClock(undefined);
  await app.close();
});

const post = (token: string | undefined, body: Record<string, unknown>) =>
  app.request('POST', '/api/reports', { token, body: { observationId: w.observation, heldOn: '2026-04-08', summary: '在本支部支委会上汇报了观摩情况和可借鉴的做法', ...body } });

describe('POST /api/reports (FB-3, FB-4)', () => {
  it('FB-3: the invited committee member reports back at their own branch; due by the end of next month', async () => {
    const res = await post(tok.obsB, { kind: 'report_back' });
    expect(res.status).toBe(201);
    expect(res.body.report).toMatchObject({ kind: 'report_back', periodNo: 1, orgId: w.branchB, orgName: '乙党支部', dueDate: '2026-04-30', heldOn: '2026-04-08', late: false, reportedByName: '乙委员' });
  });

  it('FB-3: the same report twice → REPORT_EXISTS (409); office staff and the observed secretary are not the invitee (403)', async () => {
    expect((await post(tok.obsB, { kind: 'report_back' })).body.error.code).toBe('REPORT_EXISTS');
    for (const t of [tok.office, tok.secA]) expect((await post(t, { kind: 'report_back' })).status).toBe(403);
    expect(await count(app.db, 'observation_reports')).toBe(1);
  });

  it('FB-4: the observed secretary reports progress every 6 months and commitments every quarter from the feedback day', async () => {
    const progress = await post(tok.secA, { kind: 'progress_report', heldOn: '2026-09-25', summary: '向全体党员通报整改进展' });
    expect(progress.status).toBe(201);
    expect(progress.body.report).toMatchObject({ periodNo: 1, orgId: w.branchA, dueDate: '2026-09-20', late: true });
    const commitment = await post(tok.secA, { kind: 'commitment_report', periodNo: 2, heldOn: '2026-09-18', summary: '党员报告承诺落实情况' });
    expect(commitment.body.report).toMatchObject({ periodNo: 2, dueDate: '2026-09-20', late: false });
  });

  it.each([
    ['a period of 0', { kind: 'progress_report', periodNo: 0 }, 'periodNo', '不能小于 1'],
    ['an empty summary', { kind: 'progress_report', summary: '' }, 'summary', '至少 1 个字符'],
    ['an unknown kind', { kind: 'monthly' }, 'kind', '取值不在允许范围内'],
    ['a second report-back period', { kind: 'report_back', periodNo: 2 }, 'periodNo', '参观汇报只有一次'],
  ])('%s → 400 VALIDATION_FAILED with a Chinese field message, nothing written (FB-4)', async (_n, body, path, message) => {
    const before = await count(app.db, 'observation_reports');
    const res = await post(body.kind === 'report_back' ? tok.obsB : tok.secA, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields).toContainEqual({ path, message });
    expect(await count(app.db, 'observation_reports')).toBe(before);
  });

  it('an ordinary member cannot file progress reports (403) (FB-4)', async () => {
    expect((await post(tok.memA, { kind: 'progress_report', periodNo: 3 })).status).toBe(403);
  });

  it('GET lists the reports and the first due dates for the observed member and the group (FB-3, FB-4)', async () => {
    for (const t of [tok.memA, tok.obsB, tok.office]) {
      const res = await app.request('GET', `/api/reports?observationId=${w.observation}`, { token: t });
      expect(res.status).toBe(200);
      expect(res.body.reports.map((r: { kind: string; periodNo: number }) => [r.kind, r.periodNo])).toEqual([
        ['report_back', 1], ['progress_report', 1], ['commitment_report', 2],
      ]);
      expect(res.body.due).toEqual([
        { kind: 'report_back', dueDate: '2026-04-30', state: 'done' },
        { kind: 'commitment_report', dueDate: '2026-06-20', state: 'upcoming' },
        { kind: 'progress_report', dueDate: '2026-09-20', state: 'done' },
      ]);
    }
  });
});
