import { withCaller } from '../../api/_lib/db';
import { setClock } from '../../api/_lib/clock';
import { startTestApp, type TestApp } from '../helpers/app';
import { addMember, addOffice, insertOrg, insertPerson, twoBranches } from '../helpers/builders';
import { count } from '../helpers/meeting-builders';

// 测试局党组 (dept) has 7 branches: 甲 and 乙 of twoBranches plus 丙..庚, each with a 书记. Branch 甲 has 6 正式党员
// (甲书记, 甲党员, 甲一..甲四) and one 预备党员. 乙's office (scope: another department) and 甲党员 are outsiders.
let app: TestApp;
let w: Awaited<ReturnType<typeof twoBranches>>;
const members: string[] = [];
let probationary: string;
const branches: string[] = [];
const secretaries: string[] = [];
let otherOffice: string;
const tok: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  w = await twoBranches(app.db);
  members.push(w.secretaryA, w.memberA);
  for (const n of ['甲一', '甲二', '甲三', '甲四']) {
    const id = await insertPerson(app.db, { name: n });
    await addMember(app.db, id, w.branchA);
    members.push(id);
  }
  probationary = await insertPerson(app.db, { name: '甲预备' });
  await addMember(app.db, probationary, w.branchA, 'probationary');
  branches.push(w.branchA, w.branchB);
  secretaries.push(w.secretaryA, w.secretaryB);
  for (const n of ['丙', '丁', '戊', '己', '庚']) {
    const b = await insertOrg(app.db, { kind: 'branch', name: `${n}党支部`, parentId: w.dept });
    const s = await insertPerson(app.db, { name: `${n}书记` });
    await addMember(app.db, s, b, 'full', ['secretary']);
    branches.push(b);
    secretaries.push(s);
  }
  const otherDept = await insertOrg(app.db, { kind: 'department_committee', name: '另一局党组', parentId: w.root });
  otherOffice = await insertPerson(app.db, { name: '另一局党办' });
  await addOffice(app.db, otherOffice, otherDept);
  for (const [k, id] of Object.entries({ office: w.office, other: otherOffice, memA: w.memberA, secA: w.secretaryA })) tok[k] = await app.login(id);
  setClock('2026-12-10T10:00:00+08:00');
});
afterAll(async () => {
  setClock(undefined);
  await app.close();
});

const post = (body: unknown, token = tok.office) => app.request('POST', '/api/gradings', { token, body });
const memberBatch = (excellent: number) => ({
  kind: 'member', orgId: w.branchA, year: 2026,
  grades: [...members.map((personId, i) => ({ personId, grade: i < excellent ? 'excellent' : 'qualified' })), { personId: probationary, grade: null }],
});
const stored = (kind: string, orgId = w.branchA) => count(app.db, 'gradings', 'kind = $1 and org_id = $2', [kind, orgId]);

describe('POST /api/gradings: one whole batch per organisation, year and kind (RATE-1..3)', () => {
  it('RATE-1: 3 优秀 of 6 正式党员 is refused with the quota rule\'s words (QUOTA_EXCEEDED); nothing stored', async () => {
    const res = await post(memberBatch(3));
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: 'QUOTA_EXCEEDED', message: '6 个参评对象中“优秀”最多 2 个（33.33%），现有 3 个，超出 1 个',
      fields: [{ path: 'grades', message: '6 个参评对象中“优秀”最多 2 个（33.33%），现有 3 个，超出 1 个' }],
    });
    expect(await stored('member')).toBe(0);
  });

  it('RATE-1: 2 优秀 of 6 is stored with the 预备党员 ungraded; the answer is the batch with its check', async () => {
    const res = await post(memberBatch(2));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ orgId: w.branchA, year: 2026, replaced: 0, batch: { kind: 'member', gradedBy: w.office, gradedAt: '2026-12-10T10:00:00+08:00' } });
    expect(res.body.batch.check).toMatchObject({ ruleId: 'RATE-1', ok: true, limit: 2, denominator: 6, actual: 2 });
    expect(res.body.batch.grades.find((g: { subjectId: string }) => g.subjectId === probationary)).toEqual({ subjectId: probationary, name: '甲预备', grade: null, memberStatus: 'probationary' });
    expect(await stored('member')).toBe(7);
  });

  it('a later batch that breaks a rule leaves the stored one as it was (all or nothing)', async () => {
    expect((await post(memberBatch(4))).status).toBe(400);
    const res = await app.request('GET', `/api/gradings?orgId=${w.branchA}&year=2026`, { token: tok.office });
    expect(res.body.batches.map((b: { kind: string; check: { actual: number } }) => [b.kind, b.check.actual])).toEqual([['member', 2]]);
  });

  it('a new valid batch replaces the old one whole; the audit log keeps both (who, what)', async () => {
    const res = await post(memberBatch(1));
    expect(res.status).toBe(201);
    expect(res.body.replaced).toBe(7);
    expect(await stored('member')).toBe(7);
    expect(await count(app.db, 'audit_log', "table_name = 'gradings' and op = 'DELETE' and actor_id = $1", [w.office])).toBe(7);
    expect(await count(app.db, 'audit_log', "table_name = 'gradings' and op = 'INSERT' and actor_id = $1 and new ->> 'grade' = 'excellent'", [w.office])).toBe(3);
  });

  it.each([
    ['a 预备党员 given a grade', 'grades.0.grade', '预备党员参加评议但不评定等次', () => ({ ...memberBatch(1), grades: [{ personId: probationary, grade: 'qualified' }, { personId: members[1], grade: 'qualified' }] })],
    ['a 正式党员 left without a grade', 'grades.1.grade', '正式党员须评定等次', () => ({ ...memberBatch(1), grades: [{ personId: members[0], grade: 'qualified' }, { personId: members[1], grade: null }] })],
    ['someone of another branch', 'grades.0.personId', '不是该组织的现有党员', () => ({ ...memberBatch(1), grades: [{ personId: w.memberB, grade: 'qualified' }] })],
    ['a branch not under the committee', 'grades.0.orgId', '不是该组织下属的基层党组织', () => ({ kind: 'branch', orgId: w.dept, year: 2026, grades: [{ orgId: w.dept, grade: 'first' }] })],
    ['a member who is no secretary', 'grades.0.personId', '不是该组织下属基层党组织的书记', () => ({ kind: 'secretary', orgId: w.dept, year: 2026, grades: [{ personId: w.memberA, grade: 'good' }] })],
    ['a grade of another scale', 'grades.0.grade', '取值不在允许范围内', () => ({ kind: 'branch', orgId: w.dept, year: 2026, grades: [{ orgId: w.branchA, grade: 'excellent' }] })],
    ['no grades at all', 'grades', '不能小于 1', () => ({ kind: 'branch', orgId: w.dept, year: 2026, grades: [] })],
  ])('%s → 400 VALIDATION_FAILED, %s: %s; nothing written', async (_n, path, message, body) => {
    const before = await count(app.db, 'gradings');
    const res = await post(body());
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path, message }] });
    expect(await count(app.db, 'gradings')).toBe(before);
  });

  it('RATE-2: 先进 for 2 of the 7 branches under the committee is one too many; 1 is stored', async () => {
    const batch = (advanced: number) => ({ kind: 'branch', orgId: w.dept, year: 2026, grades: branches.map((orgId, i) => ({ orgId, grade: i < advanced ? 'advanced' : 'first' })) });
    const over = await post(batch(2));
    expect([over.status, over.body.error.code, over.body.error.message]).toEqual([400, 'QUOTA_EXCEEDED', '7 个参评对象中“先进”最多 1 个（15%），现有 2 个，超出 1 个']);
    const ok = await post(batch(1));
    expect(ok.status).toBe(201);
    expect(ok.body.batch.grades.map((g: { name: string; grade: string }) => [g.name, g.grade])).toContainEqual(['甲党支部', 'advanced']);
    expect(await stored('branch', w.dept)).toBe(7);
  });

  it('RATE-3: 好 for 2 of the 7 secretaries is refused, 1 is stored', async () => {
    const batch = (good: number) => ({ kind: 'secretary', orgId: w.dept, year: 2026, grades: secretaries.map((personId, i) => ({ personId, grade: i < good ? 'good' : 'fairly_good' })) });
    expect((await post(batch(2))).body.error.code).toBe('QUOTA_EXCEEDED');
    const ok = await post(batch(1));
    expect(ok.body.batch.check).toMatchObject({ ruleId: 'RATE-3', ok: true, limit: 1, actual: 1 });
  });
});

describe('GET /api/gradings and who may grade', () => {
  it('the committee\'s batches of the year, one per kind, each with its quota check', async () => {
    const res = await app.request('GET', `/api/gradings?orgId=${w.dept}&year=2026`, { token: tok.office });
    expect(res.status).toBe(200);
    expect(res.body.batches.map((b: { kind: string; grades: unknown[]; check: { ok: boolean } }) => [b.kind, b.grades.length, b.check.ok])).toEqual([['branch', 7, true], ['secretary', 7, true]]);
    const other = await app.request('GET', `/api/gradings?orgId=${w.dept}&year=2025&kind=branch`, { token: tok.office });
    expect(other.body.batches).toEqual([]);
  });

  it('office staff of another department, a secretary and a member are refused (403), nothing written', async () => {
    const before = await count(app.db, 'gradings');
    for (const token of [tok.other, tok.secA, tok.memA]) {
      expect((await post(memberBatch(1), token)).status).toBe(403);
      expect((await app.request('GET', `/api/gradings?orgId=${w.branchA}&year=2026`, { token })).status).toBe(403);
    }
    expect(await count(app.db, 'gradings')).toBe(before);
  });

  it('under RLS, outsiders read no grading and nobody grades in someone else\'s name', async () => {
    for (const sub of [otherOffice, w.secretaryA, w.memberA]) {
      const { rows } = await withCaller({ sub, role: 'authenticated' }, (tx) => tx.query('select 1 from gradings'));
      expect({ sub, rows: rows.length }).toEqual({ sub, rows: 0 });
    }
    const asOffice = await withCaller({ sub: w.office, role: 'authenticated' }, (tx) => tx.query('select 1 from gradings'));
    expect(asOffice.rows.length).toBe(21);
    await expect(withCaller({ sub: w.office, role: 'authenticated' }, (tx) =>
      tx.query("insert into gradings (org_id, year, kind, person_id, member_status, grade, graded_by) values ($1, 2027, 'member', $2, 'full', 'qualified', $3)", [w.branchA, w.memberA, otherOffice]),
    )).rejects.toMatchObject({ code: '42501' });
    await expect(withCaller({ sub: otherOffice, role: 'authenticated' }, (tx) =>
      tx.query('delete from gradings returning 1'),
    )).resolves.toMatchObject({ rows: [] });
  });

  it('the database refuses a grade for a 预备党员 and a second grade for one subject, whoever writes', async () => {
    await expect(app.db.query("insert into gradings (org_id, year, kind, person_id, member_status, grade, graded_by) values ($1, 2027, 'member', $2, 'probationary', 'qualified', $3)", [w.branchA, probationary, w.office]))
      .rejects.toMatchObject({ code: '23514' });
    await expect(app.db.query("insert into gradings (org_id, year, kind, person_id, member_status, grade, graded_by) values ($1, 2026, 'member', $2, 'full', 'qualified', $3)", [w.branchA, members[0], w.office]))
      .rejects.toMatchObject({ code: '23505' });
  });
});
