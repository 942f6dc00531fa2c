// SCORE-4: results per branch or department as CSS bars: the mean total against the form's maximum,
// each criterion's mean against its 20 points, and how the group means spread over the bands.
import { RUBRICS } from '../../../services/schemas';
import type { TResultGroup } from '../../../services/office/schemas';
import type { BarTone } from '../../components/bar/tone';

export const BANDS = ['好', '较好', '一般', '较差'] as const;
type Band = typeof BANDS[number];
export const BAND_TONE: Record<Band, BarTone> = { 好: 'good', 较好: 'fair', 一般: 'average', 较差: 'poor' };

export interface BarRow { key: string; label: string; value: string; widthPct: number; tone: BarTone }

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);
const num = (x: number) => String(Math.round(x * 10) / 10);

/** A share of the maximum read with SCORE-1's bands (15, 10, 5 of 20 → 75%, 50%, 25%). */
export function toneOf(share: number): BarTone {
  return share >= 0.75 ? 'good' : share >= 0.5 ? 'fair' : share >= 0.25 ? 'average' : 'poor';
}

/** Groups by mean total, best first; one bar each. */
export function totalBars(groups: readonly TResultGroup[]): BarRow[] {
  return groups
    .slice()
    .sort((a, b) => b.meanTotal / b.maxPossible - a.meanTotal / a.maxPossible || a.name.localeCompare(b.name, 'zh'))
    .map((g) => ({
      key: g.id + g.rubric,
      label: g.name,
      value: `${num(g.meanTotal)}/${g.maxPossible}`,
      widthPct: pct(g.meanTotal, g.maxPossible),
      tone: toneOf(g.meanTotal / g.maxPossible),
    }));
}

export function criterionBars(g: TResultGroup): BarRow[] {
  const rubric = RUBRICS[g.rubric];
  return g.criteria.map((c) => {
    const max = rubric.criteria.find((r) => r.key === c.key)?.max ?? 20;
    return c.mean === null
      ? { key: c.key, label: c.labelZh, value: '无评分', widthPct: 0, tone: 'neutral' as const }
      : { key: c.key, label: c.labelZh, value: `${num(c.mean)} ${c.band ?? ''}`.trim(), widthPct: pct(c.mean, max), tone: toneOf(c.mean / max) };
  });
}

/** Band counts summed over the groups; bars scaled to the largest count. */
export function distributionBars(groups: readonly Pick<TResultGroup, 'distribution'>[]): BarRow[] {
  const counts = BANDS.map((b) => groups.reduce((n, g) => n + (g.distribution[b] ?? 0), 0));
  const max = Math.max(0, ...counts);
  const total = counts.reduce((a, b) => a + b, 0);
  return BANDS.map((b, i) => ({
    key: b, label: b, value: total > 0 ? `${counts[i]}（${pct(counts[i]!, total)}%）` : '0',
    widthPct: pct(counts[i]!, max), tone: BAND_TONE[b],
  }));
}

/** The group's line under its name: observations, spread of totals, form. */
export function groupSummary(g: TResultGroup): string {
  return `${RUBRICS[g.rubric].nameZh} · ${g.observations} 次观摩 · 平均 ${num(g.meanTotal)} 分（最低 ${num(g.minTotal)}，最高 ${num(g.maxTotal)}，满分 ${g.maxPossible}）`;
}
