import { randomUUID } from 'node:crypto';
import { withCaller, type Claims, type Queryable } from '../../api/_lib/db';
import { results } from '../../api/_lib/office/results';
import { branchesUnder, scopeRoot, yearRange } from '../../api/_lib/office/scope';
import { startTestApp, type TestApp } from '../helpers/app';
import { addMember, insertOrg, insertPerson } from '../helpers/builders';
import { SEED, insertMeetingAt, insertObservation, insertSheet } from '../helpers/office-builders';

// SCORE-4 through app.score_summary (migration 20261126000100, decision record 0005): the results of a year
// must equal what the previous statement computed under the caller's RLS, and the function must check the
// caller's office scope itself. The year 2027 holds only this file's data (the seed's meetings are in 2026).
const YEAR = 2027;
const [FROM, TO] = yearRange(YEAR);
/** SCORE-1's lower bounds, highest first (results() passes the same). */
const BANDS = [15, 10, 5, 0];

/** The statement results() sent before the function (read under RLS): the reference for SCORE-3/SCORE-4. */
const PREVIOUS = `with latest as (
    select distinct on (s.observation_id, s.observer_id) s.id, s.observation_id, s.rubric
      from score_sheets s order by s.observation_id, s.observer_id, s.version desc
  ), scoped as (
    select o.id, map.key
      from observations o
      cross join lateral (select mm.org_id, mm.starts_at from meetings mm where mm.id = o.meeting_id limit 1) m
      join organisations org on org.id = m.org_id
      join unnest($3::uuid[], $4::uuid[]) as map(branch_id, key)
        on map.branch_id = coalesce(case when org.kind = 'party_group' then org.parent_id end, org.id)
     where o.status <> 'cancelled' and m.starts_at >= $1 and m.starts_at < $2
  ), per_obs as materialized (
    select sc.key, l.observation_id, l.rubric, i.criterion, avg(i.score)::float8 as mean, count(*)::int as sheets
      from latest l join scoped sc on sc.id = l.observation_id join score_sheet_items i on i.sheet_id = l.id
     group by sc.key, l.observation_id, l.rubric, i.criterion
  ), totals as (
    select key, observation_id, rubric, sum(mean) as total from per_obs group by key, observation_id, rubric
  )
  select 'criterion' as part, key::text, rubric, criterion, count(*)::int as observations, sum(sheets)::int as sheets,
         avg(mean)::float8 as mean, min(mean)::float8 as min, max(mean)::float8 as max, coalesce(stddev_pop(mean), 0)::float8 as stddev,
         (count(*) filter (where mean >= ($5::int[])[1]))::int as b0,
         (count(*) filter (where mean >= ($5::int[])[2] and mean < ($5::int[])[1]))::int as b1,
         (count(*) filter (where mean >= ($5::int[])[3] and mean < ($5::int[])[2]))::int as b2,
         (count(*) filter (where mean < ($5::int[])[3]))::int as b3,
         null::float8 as mean_total, null::float8 as min_total, null::float8 as max_total
    from per_obs group by key, rubric, criterion
  union all
  select 'total', key::text, rubric, null, count(*)::int, null, null, null, null, null, null, null, null, null,
         avg(total)::float8, min(total)::float8, max(total)::float8
    from totals group by key, rubric
  order by 1, 2, 3, 4`;

/** results() fed by the previous statement: the new call's parameters, in the old statement's order. */
const previous = (tx: Queryable): Queryable => ({
  query: (_text, params = []) => tx.query(PREVIOUS, [params[2], params[3], params[0], params[1], params[4]]),
  exec: (sql) => tx.exec(sql),
});

let app: TestApp;
const w = { f1: '', g1: '', f2: '', e1: '', member: '', secretary: '' };
const asCaller = (sub: string): Claims => ({ sub, role: 'authenticated' });

async function guanchaSheet(observationId: string, observerId: string, scores: [number, number, number]) {
  const id = randomUUID();
  await app.db.query(
    `insert into score_sheets (id, observation_id, observer_id, version, rubric, total, texts)
     values ($1, $2, $3, 1, 'guancha_3', $4, '{"strengths":"组织有序","shortcomings":"发言不足","suggestions":"加强准备"}')`,
    [id, observationId, observerId, scores.reduce((a, b) => a + b, 0)]);
  for (const [i, key] of ['leadership', 'quality', 'outcome'].entries()) {
    await app.db.query("insert into score_sheet_items (sheet_id, criterion, score, band) values ($1, $2, $3, '较好')", [id, key, scores[i]]);
  }
}

beforeAll(async () => {
  app = await startTestApp();
  const db = app.db;
  w.f1 = await insertOrg(db, { kind: 'branch', name: '财政局国库科党支部', parentId: SEED.finance });
  w.g1 = await insertOrg(db, { kind: 'party_group', name: '国库科第一党小组', parentId: w.f1 });
  w.f2 = await insertOrg(db, { kind: 'branch', name: '财政局税政科党支部', parentId: SEED.finance });
  w.e1 = await insertOrg(db, { kind: 'branch', name: '教育局基础教育科党支部', parentId: SEED.education });
  w.member = await insertPerson(db, { name: '国库科党员' });
  w.secretary = await insertPerson(db, { name: '国库科书记' });
  await addMember(db, w.member, w.f1);
  await addMember(db, w.secretary, w.f1, 'full', ['secretary']);

  const observed = async (orgId: string, startsAt: string, observers: string[], o: { status?: string; mode?: string } = {}) =>
    insertObservation(db, { meetingId: await insertMeetingAt(db, { orgId, startsAt, status: 'held' }), observers, status: o.status ?? 'held', mode: o.mode });
  const sheet = (observationId: string, observerId: string, scores: [number, number, number, number, number], version = 1) =>
    insertSheet(db, { observationId, observerId, scores, version });

  // 国库科: three versions of one sheet and two of another; only the latest count (SCORE-3).
  const a = await observed(w.f1, '2027-03-10T09:00:00+08:00', [SEED.wcOffice, SEED.guoBo, SEED.educationOffice]);
  await sheet(a, SEED.wcOffice, [10, 10, 10, 10, 10]);
  await sheet(a, SEED.wcOffice, [16, 15, 14, 15, 12], 2);
  await sheet(a, SEED.guoBo, [8, 8, 8, 8, 8]);
  await sheet(a, SEED.guoBo, [12, 11, 10, 9, 8], 2);
  await sheet(a, SEED.guoBo, [14, 13, 12, 11, 10], 3);
  await sheet(a, SEED.educationOffice, [18, 17, 16, 15, 14]);
  // Its 党小组's meeting counts for the branch; 00:30 on 1 January in Shanghai is still 2026 in UTC.
  const b = await observed(w.g1, '2027-01-01T00:30:00+08:00', [SEED.financeOffice, SEED.budgetDeputy], { status: 'feedback_sent' });
  await sheet(b, SEED.financeOffice, [20, 19, 18, 17, 16]);
  await sheet(b, SEED.budgetDeputy, [13, 12, 11, 10, 9]);
  // The last evening of the year (in Shanghai) counts; a correction lowers a sheet of full marks.
  const d = await observed(w.f1, '2027-12-31T23:30:00+08:00', [SEED.guoBo, SEED.wcOffice]);
  await sheet(d, SEED.guoBo, [6, 7, 8, 9, 10]);
  await sheet(d, SEED.wcOffice, [20, 20, 20, 20, 20]);
  await sheet(d, SEED.wcOffice, [7, 7, 7, 7, 7], 2);
  // Not counted: a cancelled observation, 00:10 on 1 January 2028 (still 2027 in UTC), 23:50 on 31 December 2026.
  await sheet(await observed(w.f1, '2027-05-20T09:00:00+08:00', [SEED.wcOffice], { status: 'cancelled' }), SEED.wcOffice, [0, 0, 0, 0, 0]);
  await sheet(await observed(w.f1, '2028-01-01T00:10:00+08:00', [SEED.wcOffice]), SEED.wcOffice, [20, 20, 20, 20, 20]);
  await sheet(await observed(w.f1, '2026-12-31T23:50:00+08:00', [SEED.wcOffice]), SEED.wcOffice, [1, 1, 1, 1, 1]);
  // 税政科: means in thirds, one exactly on the 好 bound (15).
  const h = await observed(w.f2, '2027-06-15T09:00:00+08:00', [SEED.wcOffice, SEED.guoBo, SEED.financeOffice]);
  await sheet(h, SEED.wcOffice, [15, 14, 13, 12, 11]);
  await sheet(h, SEED.guoBo, [14, 13, 12, 11, 10]);
  await sheet(h, SEED.financeOffice, [16, 12, 12, 12, 12]);
  // 教育局: a 评议表 and an 观察评价表 (guancha_3, its own rubric group).
  const i = await observed(w.e1, '2027-09-01T09:00:00+08:00', [SEED.educationOffice, SEED.wcOffice]);
  await sheet(i, SEED.educationOffice, [9, 9, 9, 9, 9]);
  await sheet(i, SEED.wcOffice, [6, 6, 6, 6, 6]);
  const j = await observed(w.e1, '2027-10-20T09:00:00+08:00', [SEED.educationOffice, SEED.wcOffice], { mode: 'guancha' });
  await guanchaSheet(j, SEED.educationOffice, [18, 16, 4]);
  await guanchaSheet(j, SEED.wcOffice, [17, 15, 3]);
});
afterAll(() => app.close());

type Group = Awaited<ReturnType<typeof results>>[number];
const criterion = (g: Group | undefined, key: string) => g?.criteria.find((c) => c.key === key);

describe('app.score_summary equals the previous RLS statement (SCORE-3, SCORE-4)', () => {
  for (const office of ['wcOffice', 'financeOffice'] as const) {
    for (const by of ['branch', 'department'] as const) {
      it(`${office}, by ${by}: the same groups, means, spreads and distributions as before`, async () => {
        const [now, before, raw, old] = await withCaller(asCaller(SEED[office]), async (tx) => {
          const { branches } = await branchesUnder(tx, await scopeRoot(tx));
          const ids = branches.map((x) => x.id);
          const keys = branches.map((x) => (by === 'branch' ? x.id : x.departmentId));
          return [
            await results(tx, branches, by, FROM, TO), await results(previous(tx), branches, by, FROM, TO),
            await tx.query(`select * from app.score_summary($1::uuid[], $2::uuid[], $3, $4, $5::int[])
                               order by part, key::text, rubric, criterion`, [ids, keys, FROM, TO, BANDS]),
            await tx.query(PREVIOUS, [FROM, TO, ids, keys, BANDS]),
          ] as const;
        });
        expect(now.length).toBeGreaterThan(0);
        expect(now).toEqual(before);
        // Unrounded: the same rows; numbers to 1e-9 (the function sums exactly, the statement in float8).
        expect(raw.rows).toHaveLength(old.rows.length);
        raw.rows.forEach((r: Record<string, unknown>, n) => {
          for (const [col, v] of Object.entries(old.rows[n] as Record<string, unknown>)) {
            if (typeof v === 'number' && !Number.isInteger(v)) expect(r[col]).toBeCloseTo(v, 9);
            else expect(r[col]).toEqual(v);
          }
        });
      });
    }
  }

  it('the literal figures: latest versions only, the 党小组 with its branch, the year in Shanghai, no cancelled (SCORE-4)', async () => {
    const byBranch = await withCaller(asCaller(SEED.wcOffice), async (tx) => results(tx, (await branchesUnder(tx, await scopeRoot(tx))).branches, 'branch', FROM, TO));
    const f1 = byBranch.find((g) => g.id === w.f1);
    // Observations 03-10, 01-01 00:30 (党小组) and 12-31 23:30: content means 16, 16.5 and 6.5.
    expect(f1).toMatchObject({ name: '财政局国库科党支部', rubric: 'pingyi_5', observations: 3, meanTotal: 60.22, minTotal: 37.5, maxTotal: 72.5 });
    expect(criterion(f1, 'content')).toEqual({ key: 'content', labelZh: '组织生活内容', sheets: 7, mean: 13, min: 6.5, max: 16.5, stddev: 4.6, band: '较好' });
    expect(f1?.distribution).toEqual({ 好: 4, 较好: 6, 一般: 5, 较差: 0 });
    const f2 = byBranch.find((g) => g.id === w.f2);
    expect(f2).toMatchObject({ observations: 1, meanTotal: 63 });
    expect(criterion(f2, 'content')).toMatchObject({ mean: 15, band: '好' }); // on the bound: the higher band (SCORE-1)
    expect(criterion(f2, 'procedure')).toMatchObject({ mean: 12.33, stddev: 0 });
    const byDepartment = await withCaller(asCaller(SEED.wcOffice), async (tx) => results(tx, (await branchesUnder(tx, await scopeRoot(tx))).branches, 'department', FROM, TO));
    expect(byDepartment.map((g) => [g.id, g.rubric, g.observations])).toEqual(expect.arrayContaining([
      [SEED.finance, 'pingyi_5', 4], [SEED.education, 'pingyi_5', 1], [SEED.education, 'guancha_3', 1],
    ]));
    expect(byDepartment).toHaveLength(3);
    expect(byDepartment.find((g) => g.rubric === 'guancha_3')).toMatchObject({ meanTotal: 36.5, distribution: { 好: 2, 较好: 0, 一般: 0, 较差: 1 } });
  });
});

describe("app.score_summary checks the caller's office scope (SCORE-4, ORG-3)", () => {
  const call = (sub: string, branchIds: string[]) => withCaller(asCaller(sub), async (tx) => (await tx.query<{ key: string }>(
    'select distinct key from app.score_summary($1::uuid[], $1::uuid[], $2, $3, $4::int[])', [branchIds, FROM, TO, BANDS])).rows.map((r) => r.key).sort());
  const sorted = (ids: string[]) => ids.slice().sort();

  it('the work committee office gets every branch; the finance office its own, the other department dropped', async () => {
    expect(await call(SEED.wcOffice, [w.f1, w.f2, w.e1])).toEqual(sorted([w.f1, w.f2, w.e1]));
    expect(await call(SEED.financeOffice, [w.f1, w.f2, w.e1])).toEqual(sorted([w.f1, w.f2]));
  });

  it('an office person of another department gets no rows (and their own branch)', async () => {
    expect(await call(SEED.educationOffice, [w.f1, w.f2])).toEqual([]);
    expect(await call(SEED.educationOffice, [w.e1])).toEqual([w.e1]);
  });

  it("an ordinary member, and the branch's own 书记, get no rows", async () => {
    expect(await call(w.member, [w.f1])).toEqual([]);
    expect(await call(w.secretary, [w.f1])).toEqual([]);
  });
});
