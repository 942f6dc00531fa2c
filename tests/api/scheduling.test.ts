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

const as = async (who: string, method: string, path: string, body?: unknown) => app.request(method, path, { token: await login(who), body });

describe('yearly plans and candidates (MTG-10, OBS-1)', () => {
  it('before anyone files, all 13 branches are missing both (MTG-10, OBS-1)', async () => {
    const res = await as(SEED.wcOffice, 'GET', '/api/plans?year=2027&missing=1');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2027, total: 13, missingPlan: 13, missingCandidate: 13 });
  });

  it('a secretary files the plan and a candidate; the branch then drops off the missing list (MTG-10, OBS-1)', async () => {
    const plan = await as(SEED.budgetSecretary, 'POST', '/api/plans', { orgId: SEED.budgetBranch, year: 2027, content: '全年组织生活安排：每月主题党日……' });
    expect(plan.status).toBe(201);
    expect(plan.body.plan).toMatchObject({ orgId: SEED.budgetBranch, year: 2027, filedAt: '2026-11-23T10:00:00+08:00' });
    let res = await as(SEED.wcOffice, 'GET', '/api/plans?year=2027&missing=1');
    expect(res.body).toMatchObject({ total: 13, missingPlan: 12, missingCandidate: 13 });
    const cand = await as(SEED.budgetSecretary, 'POST', '/api/candidates', {
      orgId: SEED.budgetBranch, kind: 'general_meeting', topic: '学习贯彻党的二十届四中全会精神', plannedAt: '2027-03-12T09:00:00+08:00',
      place: '财政大楼三楼会议室', contactName: '李明', contactPhone: '0512-8888 1234', mode: 'pangting',
    });
    expect(cand.status).toBe(201);
    expect(cand.body.candidate).toMatchObject({ orgId: SEED.budgetBranch, year: 2027, mode: 'pangting', contactName: '李明' });
    res = await as(SEED.wcOffice, 'GET', '/api/plans?year=2027&missing=1');
    expect(res.body).toMatchObject({ total: 12, missingPlan: 12, missingCandidate: 12 });
    expect(res.body.branches.map((b: any) => b.orgId)).not.toContain(SEED.budgetBranch);
    const all = await as(SEED.wcOffice, 'GET', '/api/plans?year=2027&limit=2&offset=0');
    expect(all.body).toMatchObject({ total: 13, limit: 2 });
    expect(all.body.branches).toHaveLength(2);
  });

  it('an ordinary member cannot file the plan, and nothing is written', async () => {
    const before = await count(app.db, 'yearly_plans');
    const res = await as(SEED.budgetMember, 'POST', '/api/plans', { orgId: SEED.budgetBranch, year: 2028, content: '计划' });
    expect(res.status).toBe(403);
    expect(await count(app.db, 'yearly_plans')).toBe(before);
  });

  it('a candidate with a bad phone is refused with the field named, and nothing is written (OBS-1)', async () => {
    const before = await count(app.db, 'observation_candidates');
    const res = await as(SEED.budgetSecretary, 'POST', '/api/candidates', {
      orgId: SEED.budgetBranch, kind: 'general_meeting', topic: '党课', plannedAt: '2027-04-01T09:00:00+08:00',
      place: '会议室', contactName: '李明', contactPhone: 'call me', mode: 'pangting',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields).toEqual([{ path: 'contactPhone', message: '格式不正确' }]);
    expect(await count(app.db, 'observation_candidates')).toBe(before);
  });

  it("a department office cannot see another department's filings", async () => {
    const res = await as(SEED.educationOffice, 'GET', `/api/plans?year=2027&orgId=${SEED.finance}`);
    expect(res.status).toBe(403);
    const own = await as(SEED.educationOffice, 'GET', '/api/plans?year=2027');
    expect(own.body.total).toBe(4);
  });
});

describe('observations and observer groups (OBS-2..5, CALC-2, OBS-8)', () => {
  let meetingA: string;
  let obsA: string;

  beforeAll(async () => {
    meetingA = await insertMeetingAt(app.db, { orgId: SEED.budgetBranch, startsAt: '2026-12-10T09:00:00+08:00' });
  });

  it('the office schedules a 旁听 of a meeting; the rubric is the 评议表 (OBS-3, SCORE-2)', async () => {
    const res = await as(SEED.wcOffice, 'POST', '/api/observations', { meetingId: meetingA, mode: 'pangting' });
    expect(res.status).toBe(201);
    expect(res.body.observation).toMatchObject({ meetingId: meetingA, orgId: SEED.budgetBranch, mode: 'pangting', rubric: 'pingyi_5', status: 'scheduled', planDueDate: null });
    obsA = res.body.observation.id;
  });

  it('a 观察员 visit uses the 观察评价表 and tells the branch its plan is due a week ahead (OBS-5)', async () => {
    const meeting = await insertMeetingAt(app.db, { orgId: SEED.eduFirstBranch, kind: 'committee_meeting', startsAt: '2026-12-18T15:00:00+08:00' });
    const res = await as(SEED.wcOffice, 'POST', '/api/observations', { meetingId: meeting, mode: 'guancha' });
    expect(res.body.observation).toMatchObject({ rubric: 'guancha_3', planDueDate: '2026-12-11' });
  });

  it('a meeting is observed once: a second observation is refused (409) and nothing is written', async () => {
    const before = await count(app.db, 'observations');
    const res = await as(SEED.wcOffice, 'POST', '/api/observations', { meetingId: meetingA, mode: 'xunting' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('OBSERVATION_EXISTS');
    expect(await count(app.db, 'observations')).toBe(before);
  });

  it('the list pages the year\'s observations the caller may see', async () => {
    const res = await as(SEED.wcOffice, 'GET', '/api/observations?year=2026&limit=1');
    expect(res.body).toMatchObject({ total: 2, limit: 1, offset: 0 });
    expect(res.body.items[0]).toMatchObject({ id: obsA, branchId: SEED.budgetBranch, groupSize: 0, mode: 'pangting' });
    const edu = await as(SEED.educationOffice, 'GET', '/api/observations?year=2026');
    expect(edu.body.total).toBe(1);
  });

  it('auto-assign picks 3 observers, none from the observed branch, least-loaded first (CALC-2, OBS-8)', async () => {
    const res = await as(SEED.wcOffice, 'POST', `/api/groups/${obsA}`, {});
    expect(res.status).toBe(200);
    expect(res.body.members).toHaveLength(3);
    expect(res.body.members.filter((m: any) => m.isLeader)).toHaveLength(1);
    const ids = res.body.members.map((m: any) => m.personId);
    const { rows } = await app.db.query(`select person_id from memberships m join organisations o on o.id = m.org_id
      where m.person_id = any($1::uuid[]) and (o.id = $2 or o.parent_id = $2)`, [ids, SEED.budgetBranch]);
    expect(rows).toEqual([]);
    expect(res.body.members.every((m: any) => m.load === 1)).toBe(true);
    expect(new Set(res.body.members.map((m: any) => m.unit)).size).toBeGreaterThan(1);
    // A second 旁听 the same year goes to three others: their load is still 0 (OBS-8 balance).
    const meetingB = await insertMeetingAt(app.db, { orgId: SEED.eduFirstBranch, startsAt: '2026-12-15T09:00:00+08:00' });
    const obsB = await as(SEED.wcOffice, 'POST', '/api/observations', { meetingId: meetingB, mode: 'pangting' });
    const second = await as(SEED.wcOffice, 'POST', `/api/groups/${obsB.body.observation.id}`, {});
    const secondIds = second.body.members.map((m: any) => m.personId);
    expect(secondIds.filter((id: string) => ids.includes(id))).toEqual([]);
  });

  it('a hand-made group with a member of the observed branch is refused (OBS-8) and nothing changes', async () => {
    const meeting = await insertMeetingAt(app.db, { orgId: SEED.financeOfficeBranch, startsAt: '2026-12-20T09:00:00+08:00' });
    const obs = await insertObservation(app.db, { meetingId: meeting, mode: 'pangting' });
    const before = await count(app.db, 'observation_assignments');
    const res = await as(SEED.wcOffice, 'PUT', `/api/groups/${obs}`, {
      members: [{ personId: SEED.guoBo, isLeader: true }, { personId: SEED.wcOffice }, { personId: SEED.educationOffice }],
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'CONFLICT_OF_INTEREST', fields: [{ path: 'members.0.personId', message: '不得观摩本人所在的支部' }] });
    expect(await count(app.db, 'observation_assignments')).toBe(before);
    // Without him the same group is accepted as given.
    const ok = await as(SEED.wcOffice, 'PUT', `/api/groups/${obs}`, {
      members: [{ personId: SEED.wcOffice, isLeader: true }, { personId: SEED.educationOffice }, { personId: SEED.budgetDeputy }],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.members.map((m: any) => [m.personId, m.isLeader])).toEqual(expect.arrayContaining([[SEED.wcOffice, true], [SEED.educationOffice, false]]));
    expect(await count(app.db, 'observation_assignments', 'observation_id = $1', [obs])).toBe(3);
  });

  it('someone outside the pool cannot be put in a group (OBS-8)', async () => {
    const res = await as(SEED.wcOffice, 'PUT', `/api/groups/${obsA}`, { members: [{ personId: SEED.budgetMember }, { personId: SEED.wcOffice }, { personId: SEED.educationOffice }] });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'NOT_IN_POOL', fields: [{ path: 'members.0.personId', message: '不在人员库中或已停用' }] });
  });

  it('a member of the observed branch cannot assign its observers; another department cannot see the observation', async () => {
    const before = await count(app.db, 'observation_assignments');
    const member = await as(SEED.budgetMember, 'POST', `/api/groups/${obsA}`, {});
    expect(member.status).toBe(403);
    const edu = await as(SEED.educationOffice, 'POST', `/api/groups/${obsA}`, {});
    // Load balancing may have put this person in the group as an observer (tie order differs by engine):
    // then they see the observation and are refused (403); otherwise it is invisible to them (404).
    const inGroup = await count(app.db, 'observation_assignments', 'observation_id = $1 and person_id = $2', [obsA, SEED.educationOffice]);
    expect(edu.status).toBe(inGroup > 0 ? 403 : 404);
    expect(await count(app.db, 'observation_assignments')).toBe(before);
  });

  it('when the pool is too small the office is told why, with the rule\'s code (CALC-2)', async () => {
    const meeting = await insertMeetingAt(app.db, { orgId: SEED.budgetBranch, startsAt: '2026-12-22T09:00:00+08:00' });
    const obs = await as(SEED.wcOffice, 'POST', '/api/observations', { meetingId: meeting, mode: 'xunting' });
    await app.db.query('update observer_pool set active = false where serves_xunting and person_id <> all($1::uuid[])', [[SEED.wcOffice, SEED.educationOffice]]);
    const res = await as(SEED.wcOffice, 'POST', `/api/groups/${obs.body.observation.id}`, {});
    expect(res.status).toBe(409);
    expect(res.body.error).toEqual({ code: 'POOL_TOO_SMALL', message: '需要 3 人，符合条件的只有 2 人' });
    expect(await count(app.db, 'observation_assignments', 'observation_id = $1', [obs.body.observation.id])).toBe(0);
    await app.db.query('update observer_pool set active = true');
  });
});

describe('the 观察员 round (OBS-5)', () => {
  it("continues last year's order: branches not visited in 2025 open 2026, the visited follow in their order", async () => {
    const m1 = await insertMeetingAt(app.db, { orgId: SEED.eduFirstBranch, kind: 'committee_meeting', startsAt: '2025-01-20T09:00:00+08:00', status: 'held' });
    const m2 = await insertMeetingAt(app.db, { orgId: SEED.budgetGroup1, kind: 'group_meeting', startsAt: '2025-03-20T09:00:00+08:00', status: 'held' });
    await insertObservation(app.db, { meetingId: m1, mode: 'guancha' });
    await insertObservation(app.db, { meetingId: m2, mode: 'guancha' });
    const res = await as(SEED.wcOffice, 'GET', '/api/schedule/round-robin?year=2026');
    expect(res.status).toBe(200);
    expect(res.body.previousOrder).toEqual([SEED.eduFirstBranch, SEED.budgetBranch]);
    expect(res.body.notVisitedLastYear).toHaveLength(11);
    expect(res.body.slots).toHaveLength(13);
    expect(res.body.slots.slice(-2)).toEqual([
      { branchId: SEED.eduFirstBranch, month: 11, name: '教育局机关第一党支部' },
      { branchId: SEED.budgetBranch, month: 12, name: '财政局预算科党支部' },
    ]);
    expect(res.body.order.slice(0, 2)).toEqual([SEED.eduFirstBranch, SEED.budgetBranch]);
  });

  it('an ordinary member cannot read the office round', async () => {
    const res = await as(SEED.budgetMember, 'GET', '/api/schedule/round-robin?year=2026');
    expect(res.status).toBe(403);
  });
});
