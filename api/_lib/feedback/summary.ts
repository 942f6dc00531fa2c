// FB-5: the year's figures (shared yearSummary over the feedback sent that year) and a first draft of the text.
import { bandOf, RUBRICS, toDateString, yearSummary, type TGroupResult, type TSummaryText } from '@tingkan/shared';
import type { Queryable } from '../db';

export type TYearFigures = ReturnType<typeof yearSummary>;

/** Every observation of the year in the caller's office scope whose feedback went out, as yearSummary's input. */
export async function yearFigures(tx: Queryable, year: number): Promise<TYearFigures> {
  const { rows } = await tx.query<{ org_id: string; mode: 'xunting' | 'pangting' | 'guancha'; starts_at: Date | string; group_result: TGroupResult; strength_tags: string[]; problem_tags: string[] }>(
    `select m.org_id, o.mode, m.starts_at, f.group_result, f.strength_tags, f.problem_tags
       from observation_feedback f join observations o on o.id = f.observation_id join meetings m on m.id = o.meeting_id
      where m.org_id in (select app.office_org_ids())
        and m.starts_at >= make_timestamptz($1, 1, 1, 0, 0, 0, 'Asia/Shanghai') and m.starts_at < make_timestamptz($1 + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')`,
    [year],
  );
  return yearSummary({
    year,
    observations: rows.map((r) => {
      const g = r.group_result;
      return {
        branchId: r.org_id, mode: r.mode, date: toDateString(r.starts_at),
        criterionMeans: Object.fromEntries(g.criteria.map((c) => [c.key, c.mean])),
        band: bandOf(g.meanTotal / g.criteria.length, RUBRICS[g.rubricId]),
        strengthTags: r.strength_tags, problemTags: r.problem_tags,
      };
    }),
  });
}

const LABELS: Record<string, string> = Object.fromEntries(Object.values(RUBRICS).flatMap((r) => r.criteria.map((c) => [c.key, c.labelZh])));

/** A first draft the office edits: the counted tags and the weakest criterion, in words. */
export function draftText(f: TYearFigures): TSummaryText {
  const list = (tags: { tag: string; count: number }[]) => tags.map((t) => `${t.tag}（${t.count} 个支部）`).join('；');
  const weakest = f.weakestCriterion ? LABELS[f.weakestCriterion] ?? f.weakestCriterion : null;
  return {
    goodPractice: f.goodPractice.length > 0 ? `${f.year} 年共观摩 ${f.branchesObserved} 个支部 ${f.observationCount} 次。值得推广的做法：${list(f.goodPractice)}。` : '',
    commonProblems: [f.commonProblems.length > 0 ? `共性问题：${list(f.commonProblems)}。` : '', weakest ? `各项评议中“${weakest}”平均得分最低。` : ''].join(''),
    advice: weakest ? `建议来年各支部重点提升“${weakest}”。` : '',
  };
}
