import { randomUUID } from 'node:crypto';
import { withCaller, setDb, type Claims } from '../../api/_lib/db';
import { openTestDb, type TestDb } from '../helpers/db';
import { SEED, insertMeetingAt, insertObservation } from '../helpers/office-builders';

// RLS of the office tables, through the API's own database port, both ways (STYLE 10).
let t: TestDb;
const as = (sub: string): Claims => ({ sub, role: 'authenticated' });
const treasury = '754e0120-a94e-480d-9525-80374c83419a';
let financeDraw: string;
let obs: string;

beforeAll(async () => {
  t = await openTestDb();
  setDb(t.db);
  const { rows } = await t.db.query<{ id: string }>(
    `insert into sample_draws (scope_org_id, year, seed, algorithm, rate, inputs, branch_ids, drawn_by)
     values ($1, 2027, 's', 'strat-v1', 0.35, '{"branches":[]}', array[$2::uuid], $3) returning id`,
    [SEED.finance, treasury, SEED.financeOffice],
  );
  financeDraw = rows[0]!.id;
  await t.db.query(`insert into compliance_exemptions (org_id, period_start, period_end, meeting_kind, reason) values ($1, '2026-04-01', '2026-06-30', 'general_meeting', '改组')`, [treasury]);
  await t.db.query(`insert into yearly_plans (org_id, year, content) values ($1, 2027, '计划')`, [SEED.budgetBranch]);
  obs = await insertObservation(t.db, { meetingId: await insertMeetingAt(t.db, { orgId: SEED.budgetBranch, startsAt: '2026-12-01T09:00:00+08:00' }) });
});
afterAll(() => t.drop());

const select = (who: string, sql: string, params: unknown[] = []) => withCaller(as(who), async (tx) => (await tx.query(sql, params)).rows);

describe('RLS: office reports (OBS-3, CALC-1, CALC-4, MTG-10)', () => {
  it('the finance office reads its draw; the education office does not (OBS-3)', async () => {
    expect(await select(SEED.financeOffice, 'select id from sample_draws')).toEqual([{ id: financeDraw }]);
    expect(await select(SEED.educationOffice, 'select id from sample_draws')).toEqual([]);
  });

  it('the education office cannot draw for the finance department (42501)', async () => {
    await expect(select(SEED.educationOffice,
      `insert into sample_draws (scope_org_id, year, seed, algorithm, rate, inputs, branch_ids, drawn_by)
       values ($1, 2028, 's', 'strat-v1', 0.35, '{}', '{}', $2)`, [SEED.finance, SEED.educationOffice])).rejects.toMatchObject({ code: '42501' });
  });

  it('a member cannot draw, even naming themselves as the drawer (42501)', async () => {
    await expect(select(SEED.budgetMember,
      `insert into sample_draws (scope_org_id, year, seed, algorithm, rate, inputs, branch_ids, drawn_by)
       values ($1, 2028, 's', 'strat-v1', 0.35, '{}', '{}', $2)`, [SEED.finance, SEED.budgetMember])).rejects.toMatchObject({ code: '42501' });
  });

  it('a member cannot put anyone in an observation group (42501); the office can (CALC-2)', async () => {
    await expect(select(SEED.budgetMember, 'insert into observation_assignments (observation_id, person_id) values ($1, $2)', [obs, SEED.budgetMember]))
      .rejects.toMatchObject({ code: '42501' });
    await select(SEED.financeOffice, 'insert into observation_assignments (observation_id, person_id) values ($1, $2)', [obs, SEED.wcOffice]);
    expect(await select(SEED.financeOffice, 'select person_id from observation_assignments where observation_id = $1', [obs])).toEqual([{ person_id: SEED.wcOffice }]);
  });

  it('exemptions are read by the office in scope and the branch, not by another department (CALC-4)', async () => {
    expect(await select(SEED.financeOffice, 'select reason from compliance_exemptions')).toEqual([{ reason: '改组' }]);
    expect(await select(SEED.educationOffice, 'select reason from compliance_exemptions')).toEqual([]);
    await expect(select(SEED.educationOffice,
      `insert into compliance_exemptions (org_id, period_start, period_end, meeting_kind, reason, created_by)
       values ($1, '2026-07-01', '2026-09-30', 'party_lecture', 'x', $2)`, [treasury, SEED.educationOffice])).rejects.toMatchObject({ code: '42501' });
  });

  it("a secretary files their own branch's plan, not another's; other departments cannot read it (MTG-10)", async () => {
    await select(SEED.budgetSecretary, `insert into yearly_plans (org_id, year, content, filed_by) values ($1, 2028, '计划', $2)`, [SEED.budgetBranch, SEED.budgetSecretary]);
    await expect(select(SEED.budgetSecretary, `insert into yearly_plans (org_id, year, content, filed_by) values ($1, 2028, '计划', $2)`, [SEED.eduFirstBranch, SEED.budgetSecretary]))
      .rejects.toMatchObject({ code: '42501' });
    expect((await select(SEED.financeOffice, 'select year from yearly_plans order by year')).map((r: any) => r.year)).toEqual([2027, 2028]);
    expect(await select(SEED.educationOffice, 'select year from yearly_plans')).toEqual([]);
  });

  it('an ordinary member cannot file a candidate for their branch (OBS-1)', async () => {
    await expect(select(SEED.budgetMember,
      `insert into observation_candidates (org_id, year, kind, topic, planned_at, place, contact_name, contact_phone, preferred_mode, filed_by)
       values ($1, 2027, 'general_meeting', 't', '2027-03-01T09:00:00+08:00', 'p', 'c', '13800000000', 'pangting', $2)`, [SEED.budgetBranch, SEED.budgetMember]))
      .rejects.toMatchObject({ code: '42501' });
  });
});

describe('audit of the office tables', () => {
  it('a draw made through the API port leaves an audit row naming its actor', async () => {
    await select(SEED.wcOffice,
      `insert into sample_draws (scope_org_id, year, seed, algorithm, rate, inputs, branch_ids, drawn_by)
       values ($1, 2029, 's', 'strat-v1', 0.35, '{"branches":[]}', '{}', $2)`, [SEED.workCommittee, SEED.wcOffice]);
    const { rows } = await t.db.query<{ actor_id: string; op: string }>("select actor_id, op from audit_log where table_name = 'sample_draws' and new ->> 'year' = '2029'");
    expect(rows).toEqual([{ actor_id: SEED.wcOffice, op: 'INSERT' }]);
  });
});
