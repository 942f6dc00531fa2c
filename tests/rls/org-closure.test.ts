import { withCaller, setDb, type Claims, type Queryable } from '../../api/_lib/db';
import { openTestDb, type TestDb } from '../helpers/db';
import { SEED } from '../helpers/office-builders';

// Issue 7: the scope helpers read a closure table of the organisation tree instead of walking it.
// They must answer exactly as the walks did (the old bodies are the oracle here), also after the tree
// changes: organisations added, a branch moved with its 党小组, even a cycle.
let t: TestDb;
const as = (sub: string): Claims => ({ sub, role: 'authenticated' });

beforeAll(async () => {
  t = await openTestDb();
  setDb(t.db);
});
afterAll(() => t.drop());

/** The helpers' bodies before the closure table (supabase/migrations/2026112300*), run as their owner. */
const ORACLE: Record<string, string> = {
  office_org_ids: `
    with recursive scope as (
      select o.id from organisations o join office_staff s on s.scope_org_id = o.id where s.person_id = (select auth.uid())
      union
      select c.id from organisations c join scope on c.parent_id = scope.id
    ) select id from scope`,
  observations_of_my_orgs: `
    select o.id from observations o join meetings m on m.id = o.meeting_id
     where m.org_id in (select org_id from memberships where person_id = (select auth.uid()) and left_on is null)`,
  observations_i_lead_the_branch_of: `
    select o.id from observations o join meetings m on m.id = o.meeting_id where m.org_id in (select app.led_org_ids())`,
  office_may_edit_person: `
    select p.id from people p where (select app.is_office()) and (
      not exists (select 1 from memberships m where m.person_id = p.id and m.left_on is null)
      or exists (select 1 from memberships m where m.person_id = p.id and m.left_on is null and m.org_id in (
        with recursive scope as (
          select o.id from organisations o join office_staff s on s.scope_org_id = o.id where s.person_id = (select auth.uid())
          union
          select c.id from organisations c join scope on c.parent_id = scope.id
        ) select id from scope)))`,
};
ORACLE.in_office_scope = ORACLE.office_org_ids as string;
const HELPER: Record<string, string> = {
  office_org_ids: 'select x as id from app.office_org_ids() x',
  observations_of_my_orgs: 'select x as id from app.observations_of_my_orgs() x',
  observations_i_lead_the_branch_of: 'select x as id from app.observations_i_lead_the_branch_of() x',
  office_may_edit_person: 'select p.id from people p where app.office_may_edit_person(p.id)',
  // Same answer as office_org_ids, asked one organisation at a time (branchesUnder's root, scopeRoot's orgId).
  in_office_scope: 'select o.id from organisations o where app.in_office_scope(o.id)',
};

/** Helper and oracle, for one person, as sorted distinct id lists. */
async function both(person: string, helper: string): Promise<{ helper: string[]; oracle: string[] }> {
  return t.db.transaction(async (tx: Queryable) => {
    await tx.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(as(person))]);
    const ids = async (sql: string) => (await tx.query<{ ids: string[] | null }>(`select array_agg(distinct id order by id) as ids from (${sql}) q`)).rows[0]?.ids ?? [];
    return { helper: await ids(HELPER[helper] as string), oracle: await ids(ORACLE[helper] as string) };
  });
}

async function everyoneAgrees(): Promise<void> {
  const people = (await t.db.query<{ id: string }>(
    `select id from people where id in (select person_id from office_staff) or id in (select person_id from memberships where roles <> '{}')
     union select id from (select id from people order by id limit 20) p`,
  )).rows.map((r) => r.id);
  for (const helper of Object.keys(HELPER)) {
    for (const person of people) {
      const r = await both(person, helper);
      expect({ helper, person, ids: r.helper }).toStrictEqual({ helper, person, ids: r.oracle });
    }
  }
}

describe('scope helpers on the organisation closure (issue 7, ORG-3)', () => {
  it('answer as the tree walks did, for every office person, leader and a sample of members of the seed', async () => {
    const r = await both(SEED.wcOffice, 'office_org_ids');
    expect(r.helper.length).toBeGreaterThan(10);
    await everyoneAgrees();
  });

  it('an organisation the finance office adds is in its scope at once, and in nobody else\'s (ORG-3)', async () => {
    const added = await withCaller(as(SEED.financeOffice), async (tx) => {
      const { rows } = await tx.query<{ id: string }>("insert into organisations (parent_id, kind, name) values ($1, 'branch', '新设党支部') returning id", [SEED.finance]);
      const { rows: group } = await tx.query<{ id: string }>("insert into organisations (parent_id, kind, name) values ($1, 'party_group', '第一党小组') returning id", [rows[0]?.id]);
      const ids = [rows[0]?.id as string, group[0]?.id as string];
      const inScope = await tx.query<{ a: boolean; b: boolean }>('select $1::uuid in (select app.office_org_ids()) as a, $2::uuid in (select app.office_org_ids()) as b', ids);
      expect(inScope.rows[0]).toStrictEqual({ a: true, b: true });
      return ids;
    });
    const theirs = await both(SEED.educationOffice, 'office_org_ids');
    expect(theirs.helper.filter((id) => added.includes(id))).toStrictEqual([]);
    await everyoneAgrees();
  });

  it('a branch moved from finance to education takes its 党小组 out of one office\'s scope into the other\'s', async () => {
    await withCaller(as(SEED.wcOffice), (tx) => tx.query('update organisations set parent_id = $1 where id = $2', [SEED.education, SEED.budgetBranch]));
    const finance = await both(SEED.financeOffice, 'office_org_ids');
    const education = await both(SEED.educationOffice, 'office_org_ids');
    expect([finance.helper.includes(SEED.budgetBranch), finance.helper.includes(SEED.budgetGroup1)]).toStrictEqual([false, false]);
    expect([education.helper.includes(SEED.budgetBranch), education.helper.includes(SEED.budgetGroup1)]).toStrictEqual([true, true]);
    // The finance office no longer reads the branch's meetings; the education office does.
    const meetings = (who: string) => withCaller(as(who), async (tx) => (await tx.query<{ n: number }>('select count(*)::int as n from meetings where org_id = $1', [SEED.budgetBranch])).rows[0]?.n);
    expect(await meetings(SEED.financeOffice)).toBe(0);
    expect(await meetings(SEED.educationOffice)).toBeGreaterThan(0);
    await everyoneAgrees();
    await withCaller(as(SEED.wcOffice), (tx) => tx.query('update organisations set parent_id = $1 where id = $2', [SEED.finance, SEED.budgetBranch]));
    expect((await both(SEED.financeOffice, 'office_org_ids')).helper).toContain(SEED.budgetGroup1);
  });

  it('a cycle written by hand ends the closure update as it ended the old walk, with the same answers', async () => {
    await t.db.query('update organisations set parent_id = $1 where id = $2', [SEED.budgetGroup1, SEED.budgetBranch]);
    await everyoneAgrees();
    await t.db.query('update organisations set parent_id = $1 where id = $2', [SEED.finance, SEED.budgetBranch]);
    await everyoneAgrees();
  });
});
