import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../helpers/app';
import { SEED, insertMeetingAt, insertObservation, insertSheet, loginAs } from '../helpers/office-builders';

let app: TestApp;
let login: (id: string) => Promise<string>;

beforeAll(async () => {
  app = await startTestApp();
  login = loginAs(app);
  // 预算科 旁听: three observers; 郭博 corrected his sheet (version 2 counts, SCORE-3).
  const m1 = await insertMeetingAt(app.db, { orgId: SEED.budgetBranch, startsAt: '2026-10-15T09:00:00+08:00', status: 'held' });
  const o1 = await insertObservation(app.db, { meetingId: m1, observers: [SEED.wcOffice, SEED.guoBo, SEED.educationOffice] });
  await insertSheet(app.db, { observationId: o1, observerId: SEED.wcOffice, scores: [16, 15, 14, 15, 12] });
  await insertSheet(app.db, { observationId: o1, observerId: SEED.guoBo, scores: [12, 11, 10, 9, 8] });
  await insertSheet(app.db, { observationId: o1, observerId: SEED.guoBo, scores: [14, 13, 12, 11, 10], version: 2 });
  await insertSheet(app.db, { observationId: o1, observerId: SEED.educationOffice, scores: [18, 17, 16, 15, 14] });
  // 财政局办公室党支部: one sheet of full marks.
  const m2 = await insertMeetingAt(app.db, { orgId: SEED.financeOfficeBranch, startsAt: '2026-09-10T09:00:00+08:00', status: 'held' });
  const o2 = await insertObservation(app.db, { meetingId: m2, observers: [SEED.educationOffice] });
  await insertSheet(app.db, { observationId: o2, observerId: SEED.educationOffice, scores: [20, 20, 20, 20, 20] });
  // 教育局第一支部 巡听: two sheets, every criterion averaging 6 (一般).
  const m3 = await insertMeetingAt(app.db, { orgId: SEED.eduFirstBranch, startsAt: '2026-06-10T09:00:00+08:00', status: 'held' });
  const o3 = await insertObservation(app.db, { meetingId: m3, mode: 'xunting', observers: [SEED.wcOffice, SEED.guoBo] });
  await insertSheet(app.db, { observationId: o3, observerId: SEED.wcOffice, scores: [8, 8, 8, 8, 8] });
  await insertSheet(app.db, { observationId: o3, observerId: SEED.guoBo, scores: [4, 4, 4, 4, 4] });
});
afterAll(() => app.close());

const get = async (who: string, path: string) => app.request('GET', path, { token: await login(who) });
const criterion = (g: any, key: string) => g.criteria.find((c: any) => c.key === key);

describe('results by branch and department (SCORE-4, SCORE-3)', () => {
  it('per branch: the group mean of the latest sheets per criterion, with band and distribution (SCORE-4)', async () => {
    const res = await get(SEED.wcOffice, '/api/results?year=2026&by=branch');
    expect(res.status).toBe(200);
    const budget = res.body.groups.find((g: any) => g.id === SEED.budgetBranch);
    expect(budget).toMatchObject({ name: '财政局预算科党支部', rubric: 'pingyi_5', observations: 1, meanTotal: 70.67, maxPossible: 100 });
    expect(criterion(budget, 'content')).toEqual({ key: 'content', labelZh: '组织生活内容', sheets: 3, mean: 16, min: 16, max: 16, stddev: 0, band: '好' });
    expect(criterion(budget, 'effect')).toMatchObject({ mean: 13.67, band: '较好' });
    expect(budget.distribution).toEqual({ 好: 2, 较好: 3, 一般: 0, 较差: 0 });
    const edu = res.body.groups.find((g: any) => g.id === SEED.eduFirstBranch);
    expect(edu).toMatchObject({ meanTotal: 30, distribution: { 好: 0, 较好: 0, 一般: 5, 较差: 0 } });
    expect(res.body.groups).toHaveLength(3);
  });

  it('per department: means, spread and distribution over its observations (SCORE-4)', async () => {
    const res = await get(SEED.wcOffice, '/api/results?year=2026&by=department');
    const finance = res.body.groups.find((g: any) => g.id === SEED.finance);
    expect(finance).toMatchObject({ name: '滨江市财政局党组', observations: 2, meanTotal: 85.33, minTotal: 70.67, maxTotal: 100 });
    expect(criterion(finance, 'content')).toMatchObject({ mean: 18, min: 16, max: 20, stddev: 2, sheets: 4, band: '好' });
    expect(finance.distribution).toEqual({ 好: 7, 较好: 3, 一般: 0, 较差: 0 });
    expect(res.body.groups.map((g: any) => g.id).sort()).toEqual([SEED.finance, SEED.education].sort());
  });

  it('a department office sees only its own results; a member none', async () => {
    const res = await get(SEED.educationOffice, '/api/results?year=2026');
    expect(res.body.groups.map((g: any) => g.id)).toEqual([SEED.eduFirstBranch]);
    expect((await get(SEED.budgetMember, '/api/results?year=2026')).status).toBe(403);
  });
});

describe('grading quotas (RATE-1, RATE-2, RATE-3)', () => {
  const check = async (body: unknown) => app.request('POST', '/api/gradings/check', { token: await login(SEED.wcOffice), body });

  it('3 优秀 of 6 graded members breaks the one-third quota by 1 (RATE-1)', async () => {
    const grades = ['excellent', 'excellent', 'excellent', 'qualified', 'qualified', 'qualified'].map((grade) => ({ personId: randomUUID(), status: 'full', grade }));
    const res = await check({ kind: 'member', grades });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ruleId: 'RATE-1', ok: false, limit: 2, denominator: 6, actual: 3, excess: 1, reasonZh: '6 个参评对象中“优秀”最多 2 个（33.33%），现有 3 个，超出 1 个' });
  });

  it('a 预备党员 given a grade is named (RATE-1)', async () => {
    const probationary = randomUUID();
    const res = await check({ kind: 'member', grades: [{ personId: probationary, status: 'probationary', grade: 'qualified' }, { personId: randomUUID(), status: 'full', grade: 'qualified' }] });
    expect(res.body).toMatchObject({ ok: false, excess: 0, wronglyGradedIds: [probationary] });
  });

  it('4 先进 of 20 branches is one too many at 15% (RATE-2); 3 好 of 20 secretaries is fine (RATE-3)', async () => {
    const branches = Array.from({ length: 20 }, (_, i) => ({ orgId: randomUUID(), grade: i < 4 ? 'advanced' : 'first' }));
    expect((await check({ kind: 'branch', grades: branches })).body).toMatchObject({ ruleId: 'RATE-2', ok: false, limit: 3, excess: 1 });
    const secretaries = Array.from({ length: 20 }, (_, i) => ({ personId: randomUUID(), grade: i < 3 ? 'good' : 'average' }));
    expect((await check({ kind: 'secretary', grades: secretaries })).body).toMatchObject({ ruleId: 'RATE-3', ok: true, limit: 3, excess: 0 });
  });

  it('an unknown kind or grade answers 400 with the envelope', async () => {
    const res = await check({ kind: 'unit', grades: [] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const bad = await check({ kind: 'branch', grades: [{ orgId: randomUUID(), grade: 'gold' }] });
    expect(bad.status).toBe(400);
  });
});
