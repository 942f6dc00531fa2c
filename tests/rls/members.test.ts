import { withCaller, setDb, type Claims } from '../../api/_lib/db';
import { openTestDb, type TestDb } from '../helpers/db';
import { twoBranches } from '../helpers/builders';

// RLS proven through the API's own database port (withCaller), both ways (STYLE 10).
let t: TestDb;
let w: Awaited<ReturnType<typeof twoBranches>>;
const as = (sub: string): Claims => ({ sub, role: 'authenticated' });

beforeAll(async () => {
  t = await openTestDb();
  setDb(t.db);
  w = await twoBranches(t.db);
});
afterAll(() => t.drop());

async function memberNames(caller: string, orgId: string): Promise<string[]> {
  return withCaller(as(caller), async (tx) => {
    const { rows } = await tx.query<{ name: string }>(
      'select p.name from memberships m join people p on p.id = m.person_id where m.org_id = $1 order by p.name',
      [orgId],
    );
    return rows.map((r) => r.name);
  });
}

describe('RLS: memberships and people (ORG-2, ORG-3)', () => {
  it('a member of branch 甲 can read the members of 甲', async () => {
    expect(await memberNames(w.memberA, w.branchA)).toEqual(['甲书记', '甲党员'].sort());
  });

  it('a member of branch 甲 cannot read the members of branch 乙', async () => {
    expect(await memberNames(w.memberA, w.branchB)).toEqual([]);
  });

  it('a member of 甲 cannot read the person record of a member of 乙', async () => {
    const rows = await withCaller(as(w.memberA), (tx) => tx.query('select name from people where id = $1', [w.memberB]));
    expect(rows.rows).toEqual([]);
  });

  it('office staff scoped to the work committee read both branches', async () => {
    expect(await memberNames(w.office, w.branchA)).toEqual(['甲书记', '甲党员'].sort());
    expect(await memberNames(w.office, w.branchB)).toEqual(['乙书记', '乙党员'].sort());
  });

  it('a member cannot make themselves secretary (the update matches no row they may change)', async () => {
    const res = await withCaller(as(w.memberA), (tx) =>
      tx.query("update memberships set roles = '{secretary}' where person_id = $1 returning id", [w.memberA]),
    );
    expect(res.rows).toEqual([]);
    const { rows } = await t.db.query<{ roles: string[] }>('select roles::text[] as roles from memberships where person_id = $1', [w.memberA]);
    expect(rows[0]?.roles).toEqual([]);
  });

  it('a member cannot add a membership, even to their own branch (42501)', async () => {
    await expect(
      withCaller(as(w.memberA), (tx) =>
        tx.query("insert into memberships (person_id, org_id, status) values ($1, $2, 'full')", [w.memberB, w.branchA]),
      ),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it('office staff can add a membership in their scope', async () => {
    await withCaller(as(w.office), (tx) =>
      tx.query("insert into memberships (person_id, org_id, status) values ($1, $2, 'activist')", [w.memberB, w.branchA]),
    );
    expect(await memberNames(w.secretaryA, w.branchA)).toEqual(['乙党员', '甲书记', '甲党员'].sort());
  });

  it('ORG-4: observer mobiles are masked for everyone but office staff', async () => {
    await t.db.query("insert into observer_pool (person_id, unit, post, serves_xunting) values ($1, '测试局', '科员', true)", [w.memberA]);
    const seen = (caller: string) =>
      withCaller(as(caller), (tx) => tx.query<{ mobile: string }>('select mobile from observer_pool_view where person_id = $1', [w.memberA]));
    expect((await seen(w.memberB)).rows).toEqual([{ mobile: '138****1234' }]);
    expect((await seen(w.office)).rows).toEqual([{ mobile: '13812341234' }]);
  });
});
