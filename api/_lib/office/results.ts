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
  // One scoped call (decision record 0005, migration 20261126000100): app.score_summary checks the caller's
  // office scope once, on the branches, then aggregates as the owner instead of RLS checking every sheet and item.
  const { rows: all } = await tx.query<(Row & { part: 'criterion' }) | (TotalRow & { part: 'total' })>(
    // Ordered as the groups have always been listed: by the key's text.
    `select * from app.score_summary($1::uuid[], $2::uuid[], $3, $4, $5::int[])
      order by part, key::text, rubric, criterion`,
    [branches.map((b) => b.id), branches.map((b) => (by === 'branch' ? b.id : b.departmentId)), from, to, bands.map((b) => b.min)],
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
