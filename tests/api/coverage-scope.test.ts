import { withCaller, type Claims, type Queryable } from '../../api/_lib/db';
import { coverage } from '../../api/_lib/office/compliance';
import { branchesUnder, scopeRoot, yearRange } from '../../api/_lib/office/scope';
import { startTestApp, type TestApp } from '../helpers/app';
import { SEED, insertMeetingAt, insertObservation, loginAs } from '../helpers/office-builders';

// OBS-2..4 through app.observation_coverage (migration 20261126000400, decision record 0005): the year's
// coverage must equal what the previous statement returned under the caller's RLS, and the function must check
// the caller's office scope itself. The seed holds no observations: the year 2026 holds only this file's.
const YEAR = 2026;
const [FROM, TO] = yearRange(YEAR);

/** The statement coverage() sent before the function (read under RLS): the reference. */
const PREVIOUS = `select distinct x.branch_id, ob.mode, x.date
       from observations ob
       join lateral (
         select coalesce(case when o.kind = 'party_group' then o.parent_id end, o.id) as branch_id,
                ((m.starts_at at time zone 'Asia/Shanghai')::date)::text as date
           from meetings m join organisations o on o.id = m.org_id
          where m.id = ob.meeting_id and m.starts_at >= $1 and m.starts_at < $2 limit 1) x on true
      where ob.status <> 'cancelled'`;
const CALL = 'select branch_id, mode, date from app.observation_coverage($1::timestamptz, $2::timestamptz)';

/** coverage() fed by the previous statement. */
const previous = (tx: Queryable): Queryable => ({ query: (_text, params = []) => tx.query(PREVIOUS, params), exec: (sql) => tx.exec(sql) });

type Row = { branch_id: string; mode: string; date: string };
const key = (r: Row) => `${r.branch_id} ${r.mode} ${r.date}`;
const keys = (rows: Row[]) => rows.map(key).sort();
const asCaller = (sub: string): Claims => ({ sub, role: 'authenticated' });

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  const db = app.db;
  const observed = async (orgId: string, startsAt: string, o: { status?: string; mode?: string; observers?: string[] } = {}) =>
    insertObservation(db, { meetingId: await insertMeetingAt(db, { orgId, startsAt, status: 'held' }), status: o.status ?? 'held', mode: o.mode, observers: o.observers });
  // 预算科: two 巡听 on one day (one row), and its 党小组's 旁听 (counts for the branch).
  await observed(SEED.budgetBranch, '2026-03-10T09:00:00+08:00', { mode: 'xunting' });
  await observed(SEED.budgetBranch, '2026-03-10T15:00:00+08:00', { mode: 'xunting' });
  await observed(SEED.budgetGroup1, '2026-05-05T09:00:00+08:00', { mode: 'pangting' });
  // Not counted: a cancelled one.
  await observed(SEED.budgetBranch, '2026-06-01T09:00:00+08:00', { mode: 'guancha', status: 'cancelled' });
  // The year in Shanghai: 00:30 on 1 January 2026 is in (2025 in UTC), 00:30 on 1 January 2027 is out.
  // The finance office observes the first: readable to it under RLS as an observer, outside its scope.
  await observed(SEED.eduFirstBranch, '2026-01-01T00:30:00+08:00', { mode: 'guancha', observers: [SEED.financeOffice, SEED.guoBo] });
  await observed(SEED.eduFirstBranch, '2027-01-01T00:30:00+08:00', { mode: 'xunting' });
  await observed(SEED.financeOfficeBranch, '2026-12-31T23:30:00+08:00', { mode: 'pangting', status: 'feedback_sent' });
});
afterAll(() => app.close());

describe('app.observation_coverage equals the previous RLS statement (OBS-2..4)', () => {
  for (const office of ['wcOffice', 'financeOffice'] as const) {
    it(`${office}: the same rows in its scope, and the same coverage`, async () => {
      const [raw, old, now, before, ids] = await withCaller(asCaller(SEED[office]), async (tx) => {
        const { branches } = await branchesUnder(tx, await scopeRoot(tx));
        return [
          (await tx.query<Row>(CALL, [FROM, TO])).rows, (await tx.query<Row>(PREVIOUS, [FROM, TO])).rows,
          await coverage(tx, branches, YEAR, FROM, TO), await coverage(previous(tx), branches, YEAR, FROM, TO),
          new Set(branches.map((b) => b.id)),
        ] as const;
      });
      expect(raw.length).toBeGreaterThan(0);
      // Every row is in the scope's branches; the old statement's rows there are exactly these. Outside them it
      // returned what the caller reads for another reason (an observer's), which coverage() dropped.
      expect(raw.every((r) => ids.has(r.branch_id))).toBe(true);
      expect(keys(raw)).toEqual(keys(old.filter((r) => ids.has(r.branch_id))));
      if (office === 'financeOffice') expect(old.some((r) => r.branch_id === SEED.eduFirstBranch)).toBe(true);
      const sorted = (c: typeof now) => ({ ...c, modes: [...c.modes].map(([id, m]) => `${id}:${[...m].sort().join(',')}`).sort() });
      expect(sorted(now)).toEqual(sorted(before));
    });
  }

  it('the literal rows: one per branch, mode and day, the 党小组 with its branch, the year in Shanghai, no cancelled', async () => {
    const rows = await withCaller(asCaller(SEED.wcOffice), async (tx) => (await tx.query<Row>(CALL, [FROM, TO])).rows);
    expect(keys(rows)).toEqual(keys([
      { branch_id: SEED.budgetBranch, mode: 'xunting', date: '2026-03-10' },
      { branch_id: SEED.budgetBranch, mode: 'pangting', date: '2026-05-05' },
      { branch_id: SEED.eduFirstBranch, mode: 'guancha', date: '2026-01-01' },
      { branch_id: SEED.financeOfficeBranch, mode: 'pangting', date: '2026-12-31' },
    ]));
  });
});

describe("app.observation_coverage checks the caller's office scope (OBS-2, ORG-3)", () => {
  const branchesSeenBy = (sub: string) => withCaller(asCaller(sub), async (tx) =>
    [...new Set((await tx.query<Row>(CALL, [FROM, TO])).rows.map((r) => r.branch_id))].sort());
  const sorted = (ids: string[]) => ids.slice().sort();

  it('the work committee office gets every branch; the finance office its own, not the one it observed elsewhere', async () => {
    expect(await branchesSeenBy(SEED.wcOffice)).toEqual(sorted([SEED.budgetBranch, SEED.eduFirstBranch, SEED.financeOfficeBranch]));
    expect(await branchesSeenBy(SEED.financeOffice)).toEqual(sorted([SEED.budgetBranch, SEED.financeOfficeBranch]));
  });

  it('an office person of another department gets none of finance, only their own', async () => {
    expect(await branchesSeenBy(SEED.educationOffice)).toEqual([SEED.eduFirstBranch]);
  });

  it("an ordinary member, the branch's own 书记 and an observer get no rows", async () => {
    expect(await branchesSeenBy(SEED.budgetMember)).toEqual([]);
    expect(await branchesSeenBy(SEED.budgetSecretary)).toEqual([]);
    expect(await branchesSeenBy(SEED.guoBo)).toEqual([]);
  });
});

describe('GET /api/compliance shows each branch\'s observed modes and the year\'s coverage (OBS-2..4)', () => {
  it('per branch the modes it had, the 党小组\'s with its branch; departments without 巡听 and branches never observed', async () => {
    const res = await app.request('GET', `/api/compliance?year=${YEAR}&limit=500`, { token: await loginAs(app)(SEED.wcOffice) });
    expect(res.status).toBe(200);
    const observed = (id: string) => res.body.branches.find((b: { orgId: string }) => b.orgId === id).observed;
    expect(observed(SEED.budgetBranch)).toEqual({ xunting: true, pangting: true, guancha: false });
    expect(observed(SEED.eduFirstBranch)).toEqual({ xunting: false, pangting: false, guancha: true });
    expect(observed(SEED.financeOfficeBranch)).toEqual({ xunting: false, pangting: true, guancha: false });
    const others = res.body.branches.filter((b: { orgId: string }) => !([SEED.budgetBranch, SEED.eduFirstBranch, SEED.financeOfficeBranch] as string[]).includes(b.orgId));
    expect(others).toHaveLength(10);
    expect(others.every((b: { observed: object }) => JSON.stringify(b.observed) === JSON.stringify({ xunting: false, pangting: false, guancha: false }))).toBe(true);
    // Only 预算科's department had a 巡听 (OBS-2); 观察员 visits do not count as observed (OBS-4).
    expect(res.body.coverage.departmentsWithoutXunting.sort()).toEqual([SEED.education, SEED.health].sort());
    expect(res.body.coverage.branchesNeverObserved.sort()).toEqual(others.map((b: { orgId: string }) => b.orgId).concat(SEED.eduFirstBranch).sort());
  });
});
