import { startTestApp, type TestApp } from '../helpers/app';
import { SEED, count, loginAs } from '../helpers/office-builders';
import { setClock } from '../../api/_lib/clock';

let app: TestApp;
let login: (id: string) => Promise<string>;
const treasury = '754e0120-a94e-480d-9525-80374c83419a'; // 财政局国库支付中心党支部
const eduSecond = '06e9085c-f95b-47de-9c7d-96d7e9a5b6aa'; // 教育局机关第二党支部
const healthPlanning = '0b44945e-bfdf-4664-a274-99bcb6032ef2'; // 卫健委规划信息科党支部

beforeAll(async () => {
  app = await startTestApp();
  login = loginAs(app);
  setClock('2026-11-23T10:00:00+08:00');
});
afterAll(async () => {
  setClock(undefined);
  await app.close();
});

const get = async (who: string, path: string) => app.request('GET', path, { token: await login(who) });
const exempt = async (who: string, body: unknown) => app.request('POST', '/api/compliance/exemptions', { token: await login(who), body });
const branch = (body: any, id: string) => body.branches.find((b: any) => b.orgId === id);

describe('compliance of the seed year 2026 (CALC-4, MTG-1..7, ATT-1, OBS-2..4)', () => {
  let year: any;
  beforeAll(async () => {
    const res = await get(SEED.wcOffice, '/api/compliance?year=2026');
    expect(res.status).toBe(200);
    year = res.body;
  });

  it('covers the 13 branches of the office scope, as of today (CALC-4)', () => {
    expect(year).toMatchObject({ period: { start: '2026-01-01', end: '2026-12-31' }, asOf: '2026-11-23', total: 13 });
    expect(year.branches.filter((b: any) => b.ok).map((b: any) => b.name).sort()).toEqual(
      ['卫健委办公室党支部', '教育局机关第一党支部', '财政局会计科党支部', '财政局税政法规科党支部'].sort());
  });

  it('the treasury branch held no 党员大会 in Q2 (MTG-1); December is still pending, not missing (CALC-4)', () => {
    const b = branch(year, treasury);
    expect(b.missing).toEqual([{ ruleId: 'MTG-1', kind: 'general_meeting', start: '2026-04-01', end: '2026-06-30' }]);
    const themeDays = b.items.find((i: any) => i.ruleId === 'MTG-5').windows;
    expect(themeDays.at(-1)).toMatchObject({ start: '2026-12-01', state: 'pending', scheduledDate: '2026-12-04' });
  });

  it('members who attended nothing for 6 months without leave are flagged (ATT-1)', () => {
    expect(branch(year, treasury).absence.flagged.map((f: any) => [f.name, f.lastAttendedOn, f.flagged])).toEqual([['蔡妍薇', '2026-04-03', true]]);
    expect(branch(year, eduSecond).absence.flagged.map((f: any) => [f.name, f.lastAttendedOn])).toEqual([['杜莉', '2026-05-06']]);
    expect(branch(year, eduSecond).absence).toMatchObject({ windowStart: '2026-05-23', checked: 11 });
  });

  it('every branch has one MTG-3 item per 党小组, in the groups\' name order, and a branch without groups none (MTG-3)', async () => {
    const { rows } = await app.db.query<{ parent_id: string; id: string }>(
      "select parent_id, id from organisations where kind = 'party_group' order by parent_id, name, id");
    const groupsOf = (branchId: string) => rows.filter((r) => r.parent_id === branchId).map((r) => r.id);
    const withGroups = year.branches.filter((b: any) => groupsOf(b.orgId).length > 0);
    expect(withGroups.length).toBeGreaterThanOrEqual(2);
    for (const b of year.branches) {
      expect(b.items.filter((i: any) => i.ruleId === 'MTG-3').map((i: any) => i.groupId)).toEqual(groupsOf(b.orgId));
    }
  });

  it('with no observation yet, no department has had a 巡听 and no branch is covered (OBS-2, OBS-4)', () => {
    expect(year.coverage.ok).toBe(false);
    expect(year.coverage.departmentsWithoutXunting.sort()).toEqual([SEED.finance, SEED.education, SEED.health].sort());
    expect(year.coverage.branchesNeverObserved).toHaveLength(13);
  });

  it('a month report: February\'s missing 主题党日; the quarter is still open at the month\'s end (MTG-5)', async () => {
    const res = await get(SEED.wcOffice, '/api/compliance?year=2026&month=2');
    expect(res.body).toMatchObject({ period: { start: '2026-02-01', end: '2026-02-28' }, asOf: '2026-02-28' });
    expect(branch(res.body, healthPlanning).missing).toEqual([{ ruleId: 'MTG-5', kind: 'theme_day', start: '2026-02-01', end: '2026-02-28' }]);
  });

  it('a department office sees its own 4 branches only; a member sees no report', async () => {
    const edu = await get(SEED.educationOffice, '/api/compliance?year=2026&period=quarter&quarter=4&limit=2');
    expect(edu.body).toMatchObject({ total: 4, limit: 2, period: { start: '2026-10-01', end: '2026-12-31' } });
    expect(edu.body.branches).toHaveLength(2);
    expect((await get(SEED.budgetMember, '/api/compliance?year=2026')).status).toBe(403);
  });
});

describe('exemptions (CALC-4)', () => {
  it('an exemption with a reason turns the missing window into exempt, and the branch is compliant', async () => {
    const res = await exempt(SEED.wcOffice, { orgId: treasury, periodStart: '2026-04-01', periodEnd: '2026-06-30', meetingKind: 'general_meeting', reason: '支部改组，第二季度暂停党员大会' });
    expect(res.status).toBe(201);
    expect(res.body.exemption).toMatchObject({ orgId: treasury, periodStart: '2026-04-01', periodEnd: '2026-06-30', meetingKind: 'general_meeting' });
    const after = await get(SEED.wcOffice, '/api/compliance?year=2026');
    const b = branch(after.body, treasury);
    expect(b).toMatchObject({ ok: true, missing: [] });
    const q2 = b.items.find((i: any) => i.ruleId === 'MTG-1').windows[1];
    expect(q2).toMatchObject({ start: '2026-04-01', state: 'exempt', exemptionId: res.body.exemption.id });
  });

  it.each([
    ['an end before the start', { orgId: treasury, periodStart: '2026-06-30', periodEnd: '2026-04-01', meetingKind: 'general_meeting', reason: '理由' }, 400],
    ['no reason', { orgId: treasury, periodStart: '2026-04-01', periodEnd: '2026-06-30', meetingKind: 'general_meeting', reason: ' ' }, 400],
    ['an unknown meeting kind', { orgId: treasury, periodStart: '2026-04-01', periodEnd: '2026-06-30', meetingKind: 'party', reason: '理由' }, 400],
  ])('bad input (%s) is refused and nothing is written', async (_n, body, status) => {
    const before = await count(app.db, 'compliance_exemptions');
    const res = await exempt(SEED.wcOffice, body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(await count(app.db, 'compliance_exemptions')).toBe(before);
  });

  it("a department office cannot exempt another department's branch; a member cannot exempt at all", async () => {
    const before = await count(app.db, 'compliance_exemptions');
    const body = { orgId: treasury, periodStart: '2026-07-01', periodEnd: '2026-09-30', meetingKind: 'party_lecture', reason: '理由' };
    expect((await exempt(SEED.educationOffice, body)).status).toBe(403);
    expect((await exempt(SEED.budgetMember, body)).status).toBe(403);
    expect(await count(app.db, 'compliance_exemptions')).toBe(before);
  });
});
