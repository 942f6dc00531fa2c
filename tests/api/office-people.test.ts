import { startTestApp, type TestApp } from '../helpers/app';
import { addMember, addOffice, insertOrg, insertPerson, twoBranches } from '../helpers/builders';
import { setClock } from '../../api/_lib/clock';

let app: TestApp;
let w: Awaited<ReturnType<typeof twoBranches>>;
let deptB: string;
let branchC: string;
let officeA: string;
let officeB: string;
let memberC: string;
const login = (personId: string) => app.login(personId);
const as = async (personId: string, method: string, path: string, body?: unknown) => app.request(method, path, { token: await login(personId), body });
const count = async (table: string): Promise<number> =>
  (await app.db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n;

beforeAll(async () => {
  app = await startTestApp();
  w = await twoBranches(app.db);
  // A second department with its own office; the first department gets a department-level office too.
  deptB = await insertOrg(app.db, { kind: 'department_committee', name: '测试二局党委', parentId: w.root });
  branchC = await insertOrg(app.db, { kind: 'branch', name: '丙党支部', parentId: deptB });
  officeA = await insertPerson(app.db, { name: '一局机关党委办' });
  officeB = await insertPerson(app.db, { name: '二局机关党委办' });
  memberC = await insertPerson(app.db, { name: '丙党员', mobile: '13900000001' });
  await addOffice(app.db, officeA, w.dept);
  await addOffice(app.db, officeB, deptB);
  await addMember(app.db, memberC, branchC);
});
afterAll(async () => {
  setClock(undefined);
  await app.close();
});

describe('organisations (ORG-1)', () => {
  it('ORG-1: office staff add a branch under their department and a 党小组 under it', async () => {
    const branch = await as(officeA, 'POST', '/api/orgs', { parentId: w.dept, kind: 'branch', name: '丁党支部', hasCommittee: true });
    expect(branch.status).toBe(201);
    expect(branch.body.org).toMatchObject({ parentId: w.dept, kind: 'branch', name: '丁党支部', hasCommittee: true, memberCount: 0 });
    const group = await as(officeA, 'POST', '/api/orgs', { parentId: branch.body.org.id, kind: 'party_group', name: '第一党小组' });
    expect(group.status).toBe(201);
  });

  it('ORG-1: a branch under a 党小组 is refused with a Chinese reason and nothing is written', async () => {
    const group = await insertOrg(app.db, { kind: 'party_group', name: '甲第一党小组', parentId: w.branchA });
    const before = await count('organisations');
    const res = await as(w.office, 'POST', '/api/orgs', { parentId: group, kind: 'branch', name: '错误支部' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'ORG_TREE_INVALID', fields: [{ path: 'parentId', message: '党支部不能隶属于党小组' }] });
    expect(await count('organisations')).toBe(before);
  });

  it('ORG-1: an organisation cannot be moved under its own 党小组 (a cycle)', async () => {
    const group = await insertOrg(app.db, { kind: 'party_group', name: '乙第一党小组', parentId: w.branchB });
    const res = await as(w.office, 'PATCH', `/api/orgs/${w.branchB}`, { parentId: group });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('ORG_TREE_INVALID');
    const { rows } = await app.db.query('select parent_id from organisations where id = $1', [w.branchB]);
    expect(rows).toEqual([{ parent_id: w.dept }]);
  });

  it('ORG-1: office staff of one department cannot add to or edit another department\'s branches', async () => {
    const before = await count('organisations');
    const add = await as(officeA, 'POST', '/api/orgs', { parentId: deptB, kind: 'branch', name: '越权支部' });
    expect(add.status).toBe(403);
    expect(add.body.error.code).toBe('FORBIDDEN');
    const edit = await as(officeA, 'PATCH', `/api/orgs/${branchC}`, { name: '改名' });
    expect(edit.status).toBe(403);
    expect(await count('organisations')).toBe(before);
    const { rows } = await app.db.query('select name from organisations where id = $1', [branchC]);
    expect(rows).toEqual([{ name: '丙党支部' }]);
  });

  it('ORG-1: office staff rename a branch of their scope', async () => {
    const res = await as(officeA, 'PATCH', `/api/orgs/${w.branchB}`, { name: '乙党支部（更名）', hasCommittee: true });
    expect(res.status).toBe(200);
    expect(res.body.org).toMatchObject({ id: w.branchB, name: '乙党支部（更名）', hasCommittee: true });
  });

  it('GET /api/orgs is the tree of the caller\'s scope only', async () => {
    const res = await as(officeB, 'GET', '/api/orgs');
    expect(res.status).toBe(200);
    expect(res.body.roots).toHaveLength(1);
    expect(res.body.roots[0]).toMatchObject({ id: deptB, name: '测试二局党委', children: [{ id: branchC, name: '丙党支部', memberCount: 1, children: [] }] });
    const all = await as(w.office, 'GET', `/api/orgs?rootId=${w.root}`);
    expect(all.body.roots.map((r: { id: string }) => r.id)).toEqual([w.root]);
    expect(all.body.roots[0].children.map((c: { name: string }) => c.name).sort()).toEqual(['测试二局党委', '测试局党组'].sort());
  });

  it('GET /api/orgs/:id shows the organisation and its current members', async () => {
    const res = await as(w.office, 'GET', `/api/orgs/${w.branchA}`);
    expect(res.status).toBe(200);
    expect(res.body.org).toMatchObject({ id: w.branchA, kind: 'branch', memberCount: 2 });
    expect(res.body.members.map((m: { name: string }) => m.name).sort()).toEqual(['甲书记', '甲党员'].sort());
  });
});

describe('people and memberships (ORG-2, ORG-3)', () => {
  it('ORG-2: office staff add a person with a membership; a fellow member sees the mobile masked, office staff in full', async () => {
    const res = await as(officeA, 'POST', '/api/people', {
      name: '新党员', gender: 'female', mobile: '13700001111', unit: '测试局', post: '科员',
      membership: { orgId: w.branchA, status: 'probationary', joinedOn: '2026-03-01' },
    });
    expect(res.status).toBe(201);
    expect(res.body.person).toMatchObject({
      name: '新党员', gender: 'female', mobile: '13700001111', wechatBound: false, invitationExpiresAt: null,
      memberships: [{ orgId: w.branchA, status: 'probationary', roles: [], joinedOn: '2026-03-01', leftOn: null }],
    });
    const asFellow = await as(w.memberA, 'GET', `/api/people/${res.body.person.id}`);
    expect(asFellow.status).toBe(200);
    expect(asFellow.body.person.mobile).toBe('137****1111');
  });

  it('bad input is a 400 with Chinese field messages and writes nothing', async () => {
    const before = await count('people');
    const res = await as(w.office, 'POST', '/api/people', { name: '', mobile: '12345', gender: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields).toEqual(expect.arrayContaining([
      { path: 'name', message: '必填' },
      { path: 'mobile', message: '手机号码应为 11 位数字，以 1 开头' },
      { path: 'gender', message: '取值不在允许范围内' },
    ]));
    expect(await count('people')).toBe(before);
  });

  it('a mobile already registered is refused (MOBILE_TAKEN) and nothing is written', async () => {
    const before = await count('people');
    const res = await as(w.office, 'POST', '/api/people', { name: '重复', mobile: '13812341234' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'MOBILE_TAKEN', fields: [{ path: 'mobile', message: '该手机号码已登记给其他人员' }] });
    expect(await count('people')).toBe(before);
  });

  it('a member cannot add people', async () => {
    const before = await count('people');
    const res = await as(w.memberA, 'POST', '/api/people', { name: '冒名' });
    expect(res.status).toBe(403);
    expect(await count('people')).toBe(before);
  });

  it('ORG-2: office staff of one department cannot edit a person of another department; their own, yes', async () => {
    const refused = await as(officeA, 'PATCH', `/api/people/${memberC}`, { post: '改了' });
    expect(refused.status).toBe(403);
    const own = await as(officeA, 'PATCH', `/api/people/${w.memberA}`, { post: '副主任科员', unit: '测试局' });
    expect(own.status).toBe(200);
    expect(own.body.person).toMatchObject({ post: '副主任科员', unit: '测试局' });
    const { rows } = await app.db.query('select post from people where id = $1', [memberC]);
    expect(rows).toEqual([{ post: null }]);
  });

  it('search: name prefix, one organisation, and keyset pages that cover everyone once', async () => {
    const byName = await as(w.office, 'GET', `/api/people?q=${encodeURIComponent('甲')}&orgId=${w.branchA}`);
    expect(byName.status).toBe(200);
    expect(byName.body.items.map((p: { name: string }) => p.name).sort()).toEqual(['甲书记', '甲党员'].sort());
    const byMobile = await as(w.office, 'GET', '/api/people?q=1381234');
    expect(byMobile.body.items.map((p: { name: string }) => p.name)).toEqual(['甲党员']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } =
        await as(w.office, 'GET', `/api/people?orgId=${w.branchA}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.body.items.map((p) => p.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    const { rows } = await app.db.query<{ person_id: string }>('select person_id from memberships where org_id = $1 and left_on is null', [w.branchA]);
    expect(seen.sort()).toEqual(rows.map((r) => r.person_id).sort());
    const tooMany = await as(w.office, 'GET', '/api/people?limit=101');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.fields).toEqual([{ path: 'limit', message: '不能大于 100' }]);
  });

  it('ORG-3: only a 正式党员 holds a branch office, and 党小组长 belongs in a 党小组', async () => {
    const person = await insertPerson(app.db, { name: '候选人' });
    const probationary = await as(w.office, 'POST', `/api/people/${person}/memberships`, { orgId: w.branchA, status: 'probationary', roles: ['committee_member'] });
    expect(probationary.status).toBe(400);
    expect(probationary.body.error).toMatchObject({ code: 'MEMBERSHIP_INVALID', fields: [{ path: 'roles', message: '只有正式党员可以担任书记、副书记、委员或党小组长' }] });
    const groupLeader = await as(w.office, 'POST', `/api/people/${person}/memberships`, { orgId: w.branchA, status: 'full', roles: ['group_leader'] });
    expect(groupLeader.body.error.fields).toEqual([{ path: 'roles', message: '党小组长须登记在党小组中' }]);
    const { rows } = await app.db.query('select 1 from memberships where person_id = $1', [person]);
    expect(rows).toEqual([]);
    const ok = await as(w.office, 'POST', `/api/people/${person}/memberships`, { orgId: w.branchA, status: 'full', roles: ['committee_member'], joinedOn: '2026-01-05' });
    expect(ok.status).toBe(201);
    expect(ok.body.membership).toMatchObject({ orgId: w.branchA, status: 'full', roles: ['committee_member'], joinedOn: '2026-01-05' });
    const again = await as(w.office, 'POST', `/api/people/${person}/memberships`, { orgId: w.branchA, status: 'full' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('MEMBERSHIP_EXISTS');
  });

  it('ORG-2: a membership is changed, then ended with leftOn (the row stays)', async () => {
    const person = await insertPerson(app.db, { name: '转出党员' });
    await addMember(app.db, person, w.branchB, 'probationary');
    const full = await as(officeA, 'PATCH', `/api/people/${person}/memberships`, { orgId: w.branchB, status: 'full', roles: ['deputy_secretary'] });
    expect(full.status).toBe(200);
    expect(full.body.membership).toMatchObject({ status: 'full', roles: ['deputy_secretary'], leftOn: null });
    const early = await as(officeA, 'PATCH', `/api/people/${person}/memberships`, { orgId: w.branchB, leftOn: '1999-01-01' });
    expect(early.status).toBe(400);
    expect(early.body.error.fields[0].path).toBe('leftOn');
    const ended = await as(officeA, 'PATCH', `/api/people/${person}/memberships`, { orgId: w.branchB, leftOn: '2099-12-31' });
    expect(ended.body.membership.leftOn).toBe('2099-12-31');
    const org = await as(officeA, 'GET', `/api/orgs/${w.branchB}`);
    expect(org.body.members.map((m: { id: string }) => m.id)).not.toContain(person);
  });

  it('ORG-3: office staff of another department cannot change a membership in this one', async () => {
    const res = await as(officeB, 'PATCH', `/api/people/${w.memberA}/memberships`, { orgId: w.branchA, roles: ['secretary'] });
    expect([403, 404]).toContain(res.status);
    const { rows } = await app.db.query<{ roles: string[] }>('select roles::text[] as roles from memberships where person_id = $1', [w.memberA]);
    expect(rows[0]?.roles).toEqual([]);
  });

  it('D3: an invitation code is 8 unambiguous characters, valid 30 days, answered once and never shown again', async () => {
    setClock('2026-03-06T09:30:00+08:00');
    const res = await as(w.office, 'POST', `/api/people/${w.memberB}/invitation`);
    expect(res.status).toBe(201);
    expect(res.body.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    expect(res.body.expiresAt).toBe('2026-04-05T09:30:00+08:00');
    const { rows } = await app.db.query('select invitation_code from people where id = $1', [w.memberB]);
    expect(rows).toEqual([{ invitation_code: res.body.code }]);
    const person = await as(w.office, 'GET', `/api/people/${w.memberB}`);
    expect(JSON.stringify(person.body)).not.toContain(res.body.code);
    expect(person.body.person.invitationExpiresAt).toBe('2026-04-05T09:30:00+08:00');
    const byMember = await as(w.memberA, 'POST', `/api/people/${w.memberA}/invitation`);
    expect(byMember.status).toBe(403);
  });

  it('D3: a person already bound to WeChat needs no invitation', async () => {
    const bound = await insertPerson(app.db, { name: '已绑定', openid: 'openid-bound-1' });
    const res = await as(w.office, 'POST', `/api/people/${bound}/invitation`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('INVITATION_NOT_NEEDED');
  });
});

describe('observer pool (ORG-4)', () => {
  let observerId: string;

  it('ORG-4: office staff add a new person to the pool', async () => {
    const res = await as(w.office, 'POST', '/api/observers', {
      name: '观察员甲', gender: 'male', mobile: '13611112222', unit: '测试机关工委', post: '组织部副部长', serves: ['xunting', 'pangting'],
    });
    expect(res.status).toBe(201);
    expect(res.body.observer).toMatchObject({ name: '观察员甲', unit: '测试机关工委', serves: ['xunting', 'pangting'], active: true, mobile: '13611112222' });
    observerId = res.body.observer.id;
  });

  it('ORG-4: mobiles are masked for members and shown in full to office staff', async () => {
    const asMember = await as(w.memberB, 'GET', `/api/observers?q=${encodeURIComponent('观察员甲')}`);
    expect(asMember.status).toBe(200);
    expect(asMember.body.items).toEqual([expect.objectContaining({ id: observerId, mobile: '136****2222' })]);
    const asOffice = await as(w.office, 'GET', `/api/observers?q=${encodeURIComponent('观察员甲')}`);
    expect(asOffice.body.items).toEqual([expect.objectContaining({ id: observerId, mobile: '13611112222' })]);
  });

  it('ORG-4: an existing person joins the pool once; a member cannot add anyone', async () => {
    const first = await as(w.office, 'POST', '/api/observers', { personId: w.secretaryA, unit: '测试局', post: '支部书记', serves: ['pangting'] });
    expect(first.status).toBe(201);
    const again = await as(w.office, 'POST', '/api/observers', { personId: w.secretaryA, unit: '测试局', post: '支部书记', serves: ['pangting'] });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_OBSERVER');
    const before = await count('observer_pool');
    const byMember = await as(w.memberA, 'POST', '/api/observers', { personId: w.memberA, unit: '测试局', post: '科员', serves: ['pangting'] });
    expect(byMember.status).toBe(403);
    expect(await count('observer_pool')).toBe(before);
  });

  it('ORG-4: office staff retire an observer and change what they serve in; a member cannot', async () => {
    const res = await as(w.office, 'PATCH', '/api/observers', { id: observerId, active: false, serves: ['xunting'] });
    expect(res.status).toBe(200);
    expect(res.body.observer).toMatchObject({ active: false, serves: ['xunting'] });
    const byMember = await as(w.memberA, 'PATCH', '/api/observers', { id: observerId, active: true });
    expect(byMember.status).toBe(403);
    const none = await as(w.office, 'PATCH', '/api/observers', { id: observerId, serves: [] });
    expect(none.status).toBe(400);
    expect(none.body.error.fields).toEqual([{ path: 'serves', message: '巡听、旁听至少选一项' }]);
  });
});
