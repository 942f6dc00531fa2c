// The office workbench parses every answer with the schemas of shared/src/schemas/office-views.ts:
// here the real endpoints answer and the same schemas must accept them, so the two cannot drift.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as z from 'zod';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../helpers/app';
import { SEED, insertMeetingAt, insertObservation, insertSheet, loginAs } from '../helpers/office-builders';
import { setClock } from '../../api/_lib/clock';
import { parseEnv, setEnv } from '../../api/_lib/env';
import {
  ZAutoAssignReply, ZComplianceReport, ZDeadlineBoard, ZDrawReply, ZGroupView, ZObservationList, ZPlansReport, ZPolicyView,
  ZResultsReport, ZSampleVerification, ZSamplesView, ZStoredExport,
} from '../../shared/src/schemas/office-views';

let app: TestApp;
let token: string;
let held: string;
let unassigned: string;
let lateDecember: string;
const treasury = '754e0120-a94e-480d-9525-80374c83419a'; // 财政局国库支付中心党支部

beforeAll(async () => {
  app = await startTestApp();
  setClock('2026-11-23T10:00:00+08:00');
  token = await loginAs(app)(SEED.wcOffice);
  // A 旁听 held on 11-18 with one sheet in (deadlines due soon, results per branch), one not yet
  // grouped, and one on 12-29 whose deadlines fall past the holiday calendar (beyondCalendar).
  const m1 = await insertMeetingAt(app.db, { orgId: SEED.budgetBranch, startsAt: '2026-11-18T09:00:00+08:00', status: 'held' });
  held = await insertObservation(app.db, { meetingId: m1, status: 'held', observers: [SEED.wcOffice, SEED.educationOffice, SEED.guoBo] });
  await insertSheet(app.db, { observationId: held, observerId: SEED.wcOffice, scores: [16, 15, 14, 15, 12], at: '2026-11-19T16:00:00+08:00' });
  unassigned = await insertObservation(app.db, { meetingId: await insertMeetingAt(app.db, { orgId: SEED.eduFirstBranch, startsAt: '2026-12-10T09:00:00+08:00' }) });
  lateDecember = await insertObservation(app.db, { meetingId: await insertMeetingAt(app.db, { orgId: SEED.financeOfficeBranch, startsAt: '2026-12-29T09:00:00+08:00' }) });
});
afterAll(async () => {
  setClock(undefined);
  await app.close();
});

/** The endpoint's answer, parsed with the schema the mini-program uses; a mismatch fails with zod's issues. */
async function parsed<S extends z.ZodType>(schema: S, method: string, path: string, body?: unknown): Promise<z.output<S>> {
  const res = await app.request(method, path, { token, body });
  expect(res.status).toBeLessThan(300);
  const result = schema.safeParse(res.body);
  if (!result.success) throw new Error(`${method} ${path}: ${JSON.stringify(result.error.issues, null, 1)}`);
  return result.data;
}

describe('office answers parse with the office-views schemas', () => {
  it('GET /api/plans: filing status per branch (MTG-10, OBS-1)', async () => {
    const r = await parsed(ZPlansReport, 'GET', '/api/plans?year=2026&limit=2');
    expect(r).toMatchObject({ year: 2026, total: 13, missingPlan: 13, missingCandidate: 13 });
    expect(r.branches).toHaveLength(2);
  });

  it('POST and GET /api/plans send the filing time with +08:00 (D9)', async () => {
    const secretary = await loginAs(app)(SEED.budgetSecretary);
    const filed = await app.request('POST', '/api/plans', { token: secretary, body: { orgId: SEED.budgetBranch, year: 2027, content: '全年组织生活安排' } });
    expect(filed.body.plan.filedAt).toBe('2026-11-23T10:00:00+08:00');
    const r = await parsed(ZPlansReport, 'GET', '/api/plans?year=2027');
    expect(r.branches.find((b) => b.orgId === SEED.budgetBranch)?.planFiledAt).toBe('2026-11-23T10:00:00+08:00');
  });

  it('POST /api/samples, verify, redraw and GET /api/samples (OBS-3, CALC-1)', async () => {
    const first = await parsed(ZDrawReply, 'POST', '/api/samples', { year: 2026, seed: '2026-旁听-测试' });
    expect(first.result).toMatchObject({ population: 13, target: 5 });
    expect(first.draw.branches).toHaveLength(5);
    const verify = await parsed(ZSampleVerification, 'POST', `/api/samples/${first.draw.id}/verify`);
    expect(verify).toMatchObject({ matches: true, seed: '2026-旁听-测试', algorithm: 'strat-v1' });
    const again = await parsed(ZDrawReply, 'POST', '/api/samples', { year: 2026, reason: '支部调整后重抽' });
    const list = await parsed(ZSamplesView, 'GET', '/api/samples?year=2026');
    expect(list.current.map((d) => [d.id, d.redrawReason])).toEqual([[again.draw.id, '支部调整后重抽']]);
    // After a reload the page has what it had right after drawing (population, target, per department, who and when).
    const { perDepartment, ...summary } = again.result;
    expect(list.current[0]).toMatchObject({ ...summary, drawnByName: '崔悦佳', drawnAt: '2026-11-23T10:00:00+08:00' });
    expect(list.current[0]!.perDepartment).toEqual(perDepartment.map(({ branchIds: _b, ...d }) => d));
    expect(list.history.map((d) => [d.id, d.supersededBy])).toEqual([[first.draw.id, again.draw.id]]);
  });

  it('GET /api/observations, GET and POST /api/groups/:id (OBS-2..5, CALC-2)', async () => {
    const list = await parsed(ZObservationList, 'GET', '/api/observations?year=2026');
    expect(list.items.map((o) => [o.id, o.groupSize])).toEqual([[held, 3], [unassigned, 0], [lateDecember, 0]]);
    expect(list.items[0]!.startsAt).toBe('2026-11-18T09:00:00+08:00');
    const group = await parsed(ZGroupView, 'GET', `/api/groups/${held}`);
    expect(group.members).toHaveLength(3);
    // The list's group is the group view's, in the same order (leader first), so the page needs no call per row.
    expect(list.items[0]!.group).toEqual(group.members.map((m) => ({ personId: m.personId, name: m.name, isLeader: m.isLeader })));
    expect(list.items[0]!.group[0]).toEqual({ personId: SEED.wcOffice, name: '崔悦佳', isLeader: true });
    const assigned = await parsed(ZAutoAssignReply, 'POST', `/api/groups/${unassigned}`, {});
    expect(assigned.members).toHaveLength(3);
    expect(assigned.reasonZh).toContain('已按工作量从少到多选出 3 人');
  });

  it('GET /api/deadlines per branch and per observer, with beyondCalendar (CALC-3)', async () => {
    const byBranch = await parsed(ZDeadlineBoard, 'GET', '/api/deadlines?year=2026');
    expect(byBranch).toMatchObject({ today: '2026-11-23', by: 'branch', beyondCalendar: [lateDecember] });
    expect(byBranch.groups.map((g) => [g.name, g.counts])).toEqual([['财政局预算科党支部', { due_soon: 2 }]]);
    const byObserver = await parsed(ZDeadlineBoard, 'GET', '/api/deadlines?year=2026&by=observer');
    expect(byObserver.groups.length).toBeGreaterThan(0);
  });

  it('GET /api/compliance with an exempt window and an ATT-1 flag (CALC-4, ATT-1)', async () => {
    const ex = await app.request('POST', '/api/compliance/exemptions', { token, body: {
      orgId: treasury, periodStart: '2026-04-01', periodEnd: '2026-06-30', meetingKind: 'general_meeting', reason: '支部改组',
    } });
    expect(ex.status).toBe(201);
    const year = await parsed(ZComplianceReport, 'GET', '/api/compliance?year=2026');
    const b = year.branches.find((x) => x.orgId === treasury)!;
    expect(b.items.find((i) => i.ruleId === 'MTG-1')!.windows[1]).toMatchObject({ state: 'exempt', exemptionId: ex.body.exemption.id });
    expect(b.absence.flagged.map((f) => f.name)).toEqual(['蔡妍薇']);
    const month = await parsed(ZComplianceReport, 'GET', '/api/compliance?year=2026&month=2&limit=5&offset=5');
    expect(month).toMatchObject({ total: 13, limit: 5, offset: 5, period: { start: '2026-02-01', end: '2026-02-28' } });
  });

  it('GET /api/results by branch and by department (SCORE-4)', async () => {
    const byBranch = await parsed(ZResultsReport, 'GET', '/api/results?year=2026&by=branch');
    expect(byBranch.groups.map((g) => [g.name, g.meanTotal, g.distribution])).toEqual([['财政局预算科党支部', 72, { 好: 3, 较好: 2, 一般: 0, 较差: 0 }]]);
    const byDepartment = await parsed(ZResultsReport, 'GET', '/api/results?year=2026&by=department');
    expect(byDepartment.groups.map((g) => g.id)).toEqual([SEED.finance]);
  });

  it('GET and PUT /api/policy (D4)', async () => {
    const before = await parsed(ZPolicyView, 'GET', '/api/policy');
    expect(before.policy.samplingRate).toBe(0.35);
    const after = await parsed(ZPolicyView, 'PUT', '/api/policy', { value: { samplingRate: 0.4 }, reason: '工委会议决定' });
    expect(after.policy.samplingRate).toBe(0.4);
    expect(after.version).toMatchObject({ reason: '工委会议决定', createdBy: SEED.wcOffice });
  });

  it('GET /api/exports/beian: the file itself, or past EXPORT_INLINE_MAX_BYTES a signed link (D9)', async () => {
    const inline = await fetch(`${app.url}/api/exports/beian?year=2026`, { headers: { authorization: `Bearer ${token}` } });
    expect(inline.status).toBe(200);
    expect(inline.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const uploadDir = mkdtempSync(join(tmpdir(), 'office-views-'));
    setEnv(parseEnv({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, DEV_LOGIN: '1', UPLOAD_DIR: uploadDir, EXPORT_INLINE_MAX_BYTES: '1000' }));
    try {
      const stored = await parsed(ZStoredExport, 'GET', '/api/exports/beian?year=2026');
      expect(stored.url).toMatch(/^\/api\/exports\/files\//);
      expect(stored.bytes).toBeGreaterThan(1000);
    } finally {
      setEnv(parseEnv({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, DEV_LOGIN: '1' }));
      rmSync(uploadDir, { recursive: true, force: true });
    }
  });
});
