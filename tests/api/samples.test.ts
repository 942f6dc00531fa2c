import { startTestApp, type TestApp } from '../helpers/app';
import { SEED, count, insertMeetingAt, insertObservation, loginAs } from '../helpers/office-builders';
import { setClock } from '../../api/_lib/clock';

let app: TestApp;
let login: (id: string) => Promise<string>;

beforeAll(async () => {
  app = await startTestApp();
  login = loginAs(app);
  setClock('2026-11-23T10:00:00+08:00');
});
afterAll(async () => {
  setClock(undefined);
  await app.close();
});

const draw = async (who: string, body: unknown) => app.request('POST', '/api/samples', { token: await login(who), body });
const draws = () => count(app.db, 'sample_draws');

// Computed once by the shared rule (strat-v1) over the seed's 13 branches; pinned so a change of the rule shows.
const DRAWN_2027 = [
  { id: '0b44945e-bfdf-4664-a274-99bcb6032ef2', name: '卫健委规划信息科党支部', departmentId: SEED.health },
  { id: '0da01a68-3bfe-4ee6-8ac0-575038a32908', name: '财政局预算科党支部', departmentId: SEED.finance },
  { id: '7931b235-4cc0-43a7-9bf6-95f1f536a197', name: '财政局办公室党支部', departmentId: SEED.finance },
  { id: '9fadd1d3-795d-4f04-be93-0b07494d0f89', name: '卫健委办公室党支部', departmentId: SEED.health },
  { id: 'd417171f-a9c1-4715-a9bc-8c8713c31e9d', name: '教育局教研室党支部', departmentId: SEED.education },
];

describe('the yearly 旁听 draw (OBS-3, CALC-1)', () => {
  let firstId: string;

  it('the work committee office draws 5 of 13 branches, at least one per department (OBS-3, CALC-1)', async () => {
    const res = await draw(SEED.wcOffice, { year: 2027, seed: '2027-旁听-工委办公会' });
    expect(res.status).toBe(201);
    expect(res.body.draw).toMatchObject({
      year: 2027, seed: '2027-旁听-工委办公会', algorithm: 'strat-v1', rate: 0.35, scopeOrgId: SEED.workCommittee,
      supersededBy: null, redrawReason: null, drawnBy: SEED.wcOffice, drawnAt: '2026-11-23T10:00:00+08:00',
    });
    expect(res.body.draw.branches).toEqual(DRAWN_2027);
    expect(res.body.result).toMatchObject({ population: 13, target: 5 });
    const perDep = Object.fromEntries(res.body.result.perDepartment.map((d: any) => [d.departmentId, [d.population, d.drawn]]));
    expect(perDep).toEqual({ [SEED.finance]: [5, 2], [SEED.education]: [4, 1], [SEED.health]: [4, 2] });
    firstId = res.body.draw.id;
  });

  it('a stored draw is read back with its population, target, per-department counts, who drew it and when (OBS-3, CALC-1, D9)', async () => {
    const drawn = await app.request('GET', '/api/samples?year=2027', { token: await login(SEED.wcOffice) });
    expect(drawn.status).toBe(200);
    const [stored] = drawn.body.current;
    expect(stored).toMatchObject({
      id: firstId, population: 13, target: 5, drawnBy: SEED.wcOffice, drawnByName: '崔悦佳', drawnAt: '2026-11-23T10:00:00+08:00',
    });
    expect(stored.perDepartment).toEqual([
      { departmentId: SEED.finance, population: 5, drawn: 2 },
      { departmentId: SEED.education, population: 4, drawn: 1 },
      { departmentId: SEED.health, population: 4, drawn: 2 },
    ].sort((a, b) => (a.departmentId < b.departmentId ? -1 : 1)));
    const verify = await app.request('POST', `/api/samples/${firstId}/verify`, { token: await login(SEED.wcOffice) });
    expect(stored.inputFingerprint).toBe(verify.body.inputFingerprint);
  });

  it('drawing again for the same year without a reason is refused and writes nothing (CALC-1)', async () => {
    const before = await draws();
    const res = await draw(SEED.wcOffice, { year: 2027, seed: 'another seed' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('SAMPLE_ALREADY_DRAWN');
    expect(await draws()).toBe(before);
  });

  it('anyone who can read the draw re-runs it and gets the same branches (CALC-1)', async () => {
    const res = await app.request('POST', `/api/samples/${firstId}/verify`, { token: await login(SEED.wcOffice) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ matches: true, seed: '2027-旁听-工委办公会', algorithm: 'strat-v1' });
    expect(res.body.rerunBranchIds).toEqual(DRAWN_2027.map((b) => b.id));
    // A member of a drawn branch (预算科) may read and verify it too.
    const member = await app.request('POST', `/api/samples/${firstId}/verify`, { token: await login(SEED.budgetMember) });
    expect(member.body.matches).toBe(true);
  });

  it('a redraw with a reason supersedes the first draw and keeps it (CALC-1)', async () => {
    const res = await draw(SEED.wcOffice, { year: 2027, seed: '2027-旁听-重抽', reason: '首次抽查时教育局两个支部尚未录入' });
    expect(res.status).toBe(201);
    expect(res.body.draw).toMatchObject({ seed: '2027-旁听-重抽', redrawReason: '首次抽查时教育局两个支部尚未录入', supersededBy: null });
    const list = await app.request('GET', '/api/samples?year=2027', { token: await login(SEED.wcOffice) });
    expect(list.body.current.map((d: any) => d.id)).toEqual([res.body.draw.id]);
    expect(list.body.history).toHaveLength(1);
    expect(list.body.history[0]).toMatchObject({ id: firstId, supersededBy: res.body.draw.id, seed: '2027-旁听-工委办公会' });
    expect(list.body.history[0].branches).toEqual(DRAWN_2027);
  });

  it('a stored draw cannot be altered, not even by the table owner (CALC-1)', async () => {
    await expect(app.db.query("update sample_draws set seed = 'x' where id = $1", [firstId])).rejects.toMatchObject({ code: '42501' });
    await expect(app.db.query('delete from sample_draws where id = $1', [firstId])).rejects.toMatchObject({ code: '42501' });
  });

  it('verify answers false for a draw whose recorded branches do not follow from its inputs (CALC-1)', async () => {
    const { rows } = await app.db.query<{ id: string }>(
      `insert into sample_draws (scope_org_id, year, seed, algorithm, rate, inputs, branch_ids, drawn_by)
       select scope_org_id, 2030, seed, algorithm, rate, inputs, array[$2::uuid], drawn_by from sample_draws where id = $1 returning id`,
      [firstId, SEED.eduFirstBranch],
    );
    const res = await app.request('POST', `/api/samples/${rows[0]!.id}/verify`, { token: await login(SEED.wcOffice) });
    expect(res.body).toMatchObject({ matches: false, recordedBranchIds: [SEED.eduFirstBranch] });
    // The list shows what was recorded, not what a re-run would draw.
    const list = await app.request('GET', '/api/samples?year=2030', { token: await login(SEED.wcOffice) });
    const counts = Object.fromEntries(list.body.current[0].perDepartment.map((d: any) => [d.departmentId, d.drawn]));
    expect(counts).toEqual({ [SEED.finance]: 0, [SEED.education]: 1, [SEED.health]: 0 });
  });

  it('a branch observed last year is recorded as such in the draw inputs (OBS-3)', async () => {
    const meeting = await insertMeetingAt(app.db, { orgId: SEED.budgetGroup1, kind: 'group_meeting', startsAt: '2026-05-12T09:00:00+08:00', status: 'held' });
    await insertObservation(app.db, { meetingId: meeting, mode: 'pangting' });
    const res = await draw(SEED.financeOffice, { year: 2027, seed: 'fin-2027' });
    expect(res.status).toBe(201);
    expect(res.body.draw.scopeOrgId).toBe(SEED.finance);
    const { rows } = await app.db.query<{ inputs: any }>('select inputs from sample_draws where id = $1', [res.body.draw.id]);
    const observed = rows[0]!.inputs.branches.filter((b: any) => b.observedLastYear).map((b: any) => b.id);
    expect(observed).toEqual([SEED.budgetBranch]);
    expect(rows[0]!.inputs.branches).toHaveLength(5);
    // 5 finance branches at 35%: round(1.75) = 2 drawn, and the branch observed last year is not preferred.
    expect(res.body.draw.branchIds).toHaveLength(2);
  });
});

describe('who may draw and see draws (OBS-3, RLS)', () => {
  it('a department office cannot draw for another department, and nothing is written', async () => {
    const before = await draws();
    const res = await draw(SEED.educationOffice, { year: 2027, scopeOrgId: SEED.finance });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect(await draws()).toBe(before);
  });

  it("a department office does not see the work committee's draw nor another department's", async () => {
    const res = await app.request('GET', '/api/samples?year=2027', { token: await login(SEED.educationOffice) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ year: 2027, current: [], history: [] });
  });

  it('an ordinary member cannot draw', async () => {
    const before = await draws();
    const res = await draw(SEED.budgetMember, { year: 2028 });
    expect(res.status).toBe(403);
    expect(await draws()).toBe(before);
  });

  it.each([
    ['a year that is not a number', { year: 'abc' }],
    ['an unknown field', { year: 2028, branches: [] }],
    ['an empty seed', { year: 2028, seed: '  ' }],
  ])('bad input (%s) answers 400 with the error envelope and writes nothing', async (_name, body) => {
    const before = await draws();
    const res = await draw(SEED.wcOffice, body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await draws()).toBe(before);
  });
});
