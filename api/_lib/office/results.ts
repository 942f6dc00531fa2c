// SCORE-4: group results of the year aggregated in SQL: latest sheet version per observer (SCORE-3),
// the group mean per observation and criterion, then per branch or department the mean, min, max,
// spread and the count of observation means per band (SCORE-1 bands, from the rubric as data).
import { bandOf, RUBRICS, type TBand, type TRubricId } from '@tingkan/shared';
import type { Queryable } from '../db';
import type { ScopeBranch } from './scope';

interface Row {
  key: string; rubric: TRubricId; criterion: string; observations: number; sheets: number;
  mean: number; min: number; max: number; stddev: number; b0: number; b1: number; b2: number; b3: number;
}
interface TotalRow { key: string; rubric: TRubricId; observations: number; mean_total: number; min_total: number; max_total: number }

const round2 = (x: number) => Math.round(x * 100) / 100;

export async function results(tx: Queryable, branches: ScopeBranch[], by: 'branch' | 'department', from: string, to: string) {
  // Both rubrics share the 0-20 bands (rules/rubrics.ts); their lower bounds, highest first.
  const bands = RUBRICS.pingyi_5.bands.slice().sort((a, b) => b.min - a.min);
  // One statement for the criteria and the totals: the sheets, observations and policies are read once (issue 7).
  const { rows: all } = await tx.query<(Row & { part: 'criterion' }) | (TotalRow & { part: 'total' })>(
    `with latest as (
       select distinct on (s.observation_id, s.observer_id) s.id, s.observation_id, s.rubric
         from score_sheets s
        order by s.observation_id, s.observer_id, s.version desc
     ), scoped as (
       -- Each observation's meeting by its id (limit 1 keeps the lookup per observation: a few
       -- thousand index probes, where a join would scan and filter every meeting of the year).
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
     order by 1, 2, 3, 4`,
    [from, to, branches.map((b) => b.id), branches.map((b) => (by === 'branch' ? b.id : b.departmentId)), bands.map((b) => b.min)],
  );
  const rows = all.filter((r): r is Row & { part: 'criterion' } => r.part === 'criterion');
  const totals = { rows: all.filter((r): r is TotalRow & { part: 'total' } => r.part === 'total') };
  const names = new Map(branches.map((b) => (by === 'branch' ? [b.id, b.name] : [b.departmentId, b.departmentName])));
  return totals.rows.map((t) => {
    const rubric = RUBRICS[t.rubric];
    const mine = rows.filter((r) => r.key === t.key && r.rubric === t.rubric);
    const distribution = Object.fromEntries(bands.map((b) => [b.band, 0])) as Record<TBand, number>;
    mine.forEach((r) => [r.b0, r.b1, r.b2, r.b3].forEach((n, i) => { const band = bands[i]?.band; if (band) distribution[band] += n; }));
    return {
      id: t.key, name: names.get(t.key) ?? '', rubric: t.rubric, observations: t.observations,
      meanTotal: round2(t.mean_total), minTotal: round2(t.min_total), maxTotal: round2(t.max_total),
      maxPossible: rubric.criteria.reduce((a, c) => a + c.max, 0),
      criteria: rubric.criteria.map((c) => {
        const r = mine.find((x) => x.criterion === c.key);
        return r
          ? { key: c.key, labelZh: c.labelZh, sheets: r.sheets, mean: round2(r.mean), min: round2(r.min), max: round2(r.max), stddev: round2(r.stddev), band: bandOf(r.mean, rubric) }
          : { key: c.key, labelZh: c.labelZh, sheets: 0, mean: null, min: null, max: null, stddev: null, band: null };
      }),
      /** How many (observation, criterion) group means fall in each band. */
      distribution,
    };
  });
}
