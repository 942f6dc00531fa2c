import { withCaller, setDb, type Claims } from '../../api/_lib/db';
import { openTestDb, type TestDb } from '../helpers/db';
import { addMember, addOffice, insertOrg, insertPerson, twoBranches } from '../helpers/builders';

// Office scope proven in the database itself, both ways (STYLE 10): what the API relies on RLS for.
let t: TestDb;
let w: Awaited<ReturnType<typeof twoBranches>>;
let deptB: string;
let branchC: string;
let officeA: string;
let memberC: string;
const as = (sub: string): Claims => ({ sub, role: 'authenticated' });

beforeAll(async () => {
  t = await openTestDb();
  setDb(t.db);
  w = await twoBranches(t.db);
  deptB = await insertOrg(t.db, { kind: 'department_committee', name: '二局党委', parentId: w.root });
  branchC = await insertOrg(t.db, { kind: 'branch', name: '丙党支部', parentId: deptB });
  officeA = await insertPerson(t.db, { name: '一局党委办' });
  memberC = await insertPerson(t.db, { name: '丙党员' });
  await addOffice(t.db, officeA, w.dept);
  await addMember(t.db, memberC, branchC);
});
afterAll(() => t.drop());

const insertBranch = (caller: string, parentId: string) => withCaller(as(caller), (tx) =>
  tx.query("insert into organisations (parent_id, kind, name) values ($1, 'branch', '新支部') returning id", [parentId]));

describe('RLS: office scope (ORG-1..3)', () => {
  it('ORG-1: office staff add a branch under their own department', async () => {
    expect((await insertBranch(officeA, w.dept)).rows).toHaveLength(1);
  });

  it('ORG-1: office staff of one department cannot add a branch under another department (42501)', async () => {
    await expect(insertBranch(officeA, deptB)).rejects.toMatchObject({ code: '42501' });
  });

  it('ORG-1: a member cannot add organisations at all (42501)', async () => {
    await expect(insertBranch(w.memberA, w.branchA)).rejects.toMatchObject({ code: '42501' });
  });

  it('ORG-1: office staff of one department cannot rename another department\'s branch (no row matches)', async () => {
    const res = await withCaller(as(officeA), (tx) => tx.query("update organisations set name = 'x' where id = $1 returning id", [branchC]));
    expect(res.rows).toEqual([]);
    const own = await withCaller(as(officeA), (tx) => tx.query("update organisations set name = '甲党支部' where id = $1 returning id", [w.branchA]));
    expect(own.rows).toHaveLength(1);
  });

  it('ORG-2: office staff edit people of their scope and people not yet placed, not those of another department', async () => {
    const edit = (id: string) => withCaller(as(officeA), (tx) => tx.query("update people set post = '科员' where id = $1 returning id", [id]));
    expect((await edit(w.memberA)).rows).toHaveLength(1);
    expect((await edit(await insertPerson(t.db, { name: '未分配' }))).rows).toHaveLength(1);
    expect((await edit(memberC)).rows).toEqual([]);
    // The work committee's office reaches everyone.
    const root = await withCaller(as(w.office), (tx) => tx.query("update people set post = '科员' where id = $1 returning id", [memberC]));
    expect(root.rows).toHaveLength(1);
  });

  it('ORG-3: office staff of one department cannot add a membership to another department\'s branch (42501); a member cannot either', async () => {
    const person = await insertPerson(t.db, { name: '待分配' });
    await expect(withCaller(as(officeA), (tx) =>
      tx.query("insert into memberships (person_id, org_id, status) values ($1, $2, 'full')", [person, branchC]),
    )).rejects.toMatchObject({ code: '42501' });
    await expect(withCaller(as(w.memberA), (tx) =>
      tx.query("insert into memberships (person_id, org_id, status) values ($1, $2, 'full')", [person, w.branchA]),
    )).rejects.toMatchObject({ code: '42501' });
    const ok = await withCaller(as(officeA), (tx) =>
      tx.query("insert into memberships (person_id, org_id, status) values ($1, $2, 'full') returning id", [person, w.branchA]));
    expect(ok.rows).toHaveLength(1);
  });

  it('ORG-4: office staff add to the observer pool; a member cannot (42501)', async () => {
    const person = await insertPerson(t.db, { name: '观察员候选' });
    await expect(withCaller(as(w.memberA), (tx) =>
      tx.query("insert into observer_pool (person_id, unit, post, serves_pangting) values ($1, '单位', '职务', true)", [person]),
    )).rejects.toMatchObject({ code: '42501' });
    const ok = await withCaller(as(officeA), (tx) =>
      tx.query("insert into observer_pool (person_id, unit, post, serves_pangting) values ($1, '单位', '职务', true) returning id", [person]));
    expect(ok.rows).toHaveLength(1);
  });

  it('D4: office staff add a policy version as themselves; a member cannot (42501)', async () => {
    await expect(withCaller(as(w.memberA), (tx) =>
      tx.query("insert into policy_versions (value, reason, created_by) values ('{}', '试', $1)", [w.memberA]),
    )).rejects.toMatchObject({ code: '42501' });
    const ok = await withCaller(as(w.office), (tx) =>
      tx.query("insert into policy_versions (value, reason, created_by) values ('{}', '试', $1) returning id", [w.office]));
    expect(ok.rows).toHaveLength(1);
  });

  it('audit log: office staff read it, with the caller recorded as actor; a member reads nothing', async () => {
    await withCaller(as(officeA), (tx) => tx.query("update people set unit = '一局' where id = $1", [w.memberA]));
    const seen = await withCaller(as(officeA), (tx) => tx.query<{ actor_id: string; op: string }>(
      "select actor_id, op from audit_log where table_name = 'people' and row_id = $1 order by id desc limit 1", [w.memberA]));
    expect(seen.rows).toEqual([{ actor_id: officeA, op: 'UPDATE' }]);
    const member = await withCaller(as(w.memberA), (tx) => tx.query('select 1 from audit_log limit 1'));
    expect(member.rows).toEqual([]);
  });
});
