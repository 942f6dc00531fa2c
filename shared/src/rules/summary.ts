// SCORE-4: observation results feed branch assessment and 评优评先 (000).
// FB-5: the office's year-end summary: good practice, common problems, advice (001, 000).
import * as z from 'zod';
import { parsePolicy, type TPolicyInput } from '../policy';
import { ZId, ZObservationMode } from '../schemas/common';
import { ZBand } from '../schemas/scoring';
import { assertUniqueIds } from './org';
import { parseRuleInput } from './parse';
import { quotaLimit } from './quotas';

const ZBranchScore = z.object({ branchId: ZId, meanTotal: z.number().min(0), maxTotal: z.number().gt(0) }).strict()
  .refine((b) => b.meanTotal <= b.maxTotal, { message: '得分不能高于满分', path: ['meanTotal'] });
// Schemas made once: zod compiles a schema on its first parse, so one made per call was compiled per call (see periods.ts).
const ZRankingInput = z.object({ results: z.array(ZBranchScore) }).strict();

/**
 * SCORE-4: rank branches by their observation score as a share of the maximum (rubrics differ in
 * size) and mark the top ones that fit the 先进 quota (RATE-2) as candidates for 评优评先.
 * Ties share a rank; a tie at the quota edge leaves all tied branches out, for the committee to decide.
 */
export function assessmentRanking(input: unknown, policyInput: TPolicyInput = {}): { branchId: string; percent: number; rank: number; advancedCandidate: boolean }[] {
  const { results } = parseRuleInput(ZRankingInput, input);
  assertUniqueIds(results.map((r) => r.branchId), '支部');
  const limit = quotaLimit(results.length, parsePolicy(policyInput).quotas.advancedOrgs);
  const rows = results.map((r) => ({ branchId: r.branchId, percent: Math.round((r.meanTotal / r.maxTotal) * 10000) / 100 }))
    .sort((a, b) => b.percent - a.percent || (a.branchId < b.branchId ? -1 : 1));
  return rows.map((r) => {
    const rank = rows.filter((x) => x.percent > r.percent).length + 1;
    const tiedOrBetter = rows.filter((x) => x.percent >= r.percent).length;
    return { ...r, rank, advancedCandidate: tiedOrBetter <= limit };
  });
}

const ZObservedItem = z.object({
  branchId: ZId,
  mode: ZObservationMode,
  date: z.string(),
  /** Mean per criterion of the group result (SCORE-3), keyed by criterion. */
  criterionMeans: z.record(z.string(), z.number().min(0)),
  band: ZBand,
  /** Short tags the office attaches to the written strengths and shortcomings. */
  strengthTags: z.array(z.string().trim().min(1)).default([]),
  problemTags: z.array(z.string().trim().min(1)).default([]),
}).strict();
const ZYearSummaryInput = z.object({ year: z.number().int().min(2000).max(2100), observations: z.array(ZObservedItem), top: z.number().int().min(1).max(20).default(5) }).strict();

function topTags(lists: string[][], n: number): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  lists.forEach((l) => new Set(l).forEach((t) => counts.set(t, (counts.get(t) ?? 0) + 1)));
  return [...counts.entries()].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : 1)).slice(0, n);
}

/** FB-5: the year's figures: how many observed, bands, the weakest criterion, good practice and common problems. */
export function yearSummary(input: unknown) {
  const { year, observations, top } = parseRuleInput(ZYearSummaryInput, input);
  const items = observations.filter((o) => o.date.startsWith(`${year}-`));
  const bandCounts = { 好: 0, 较好: 0, 一般: 0, 较差: 0 };
  items.forEach((o) => { bandCounts[o.band] += 1; });
  const sums = new Map<string, { sum: number; n: number }>();
  items.forEach((o) => Object.entries(o.criterionMeans).forEach(([k, v]) => {
    const s = sums.get(k) ?? { sum: 0, n: 0 };
    sums.set(k, { sum: s.sum + v, n: s.n + 1 });
  }));
  const criterionMeans = [...sums.entries()].map(([key, s]) => ({ key, mean: Math.round((s.sum / s.n) * 100) / 100 })).sort((a, b) => a.mean - b.mean || (a.key < b.key ? -1 : 1));
  return {
    year,
    observationCount: items.length,
    branchesObserved: new Set(items.map((o) => o.branchId)).size,
    bandCounts,
    weakestCriterion: criterionMeans[0]?.key ?? null,
    criterionMeans,
    goodPractice: topTags(items.map((o) => o.strengthTags), top),
    commonProblems: topTags(items.map((o) => o.problemTags), top),
  };
}
