// FB-5: GET the office's year-end summary (stored, or a draft prefilled from the shared yearSummary);
// PUT the edited text (good practice, common problems, advice), stored with the figures it was written against.
import { ZId, ZSummaryText } from '@tingkan/shared';
import * as z from 'zod';
import { endpoint, handler } from '../_lib/handler';
import { now } from '../_lib/clock';
import { instantOrNull } from '../_lib/meetings/rows';
import { scopeRoot } from '../_lib/office/scope';
import { draftText, yearFigures } from '../_lib/feedback/summary';
import type { Queryable } from '../_lib/db';

const ZPath = z.object({ year: z.coerce.number().int().min(2000).max(2100), scopeOrgId: ZId.optional() }).strict();

async function summaryOf(tx: Queryable, scope: string, year: number) {
  const figures = await yearFigures(tx, year);
  const { rows } = await tx.query<{ good_practice: string; common_problems: string; advice: string; updated_by: string | null; updated_at: Date | string }>(
    'select good_practice, common_problems, advice, updated_by, updated_at from year_summaries where scope_org_id = $1 and year = $2', [scope, year],
  );
  const r = rows[0];
  return {
    year, scopeOrgId: scope, figures, stored: r !== undefined,
    text: r ? { goodPractice: r.good_practice, commonProblems: r.common_problems, advice: r.advice } : draftText(figures),
    draft: draftText(figures), updatedBy: r?.updated_by ?? null, updatedAt: instantOrNull(r?.updated_at ?? null),
  };
}

export default handler({
  GET: endpoint({
    auth: 'user', query: ZPath,
    async run({ query, tx }) {
      return summaryOf(tx, await scopeRoot(tx, query.scopeOrgId), query.year);
    },
  }),
  PUT: endpoint({
    auth: 'user', query: ZPath, body: ZSummaryText,
    async run({ query, body, caller, tx }) {
      const scope = await scopeRoot(tx, query.scopeOrgId);
      const figures = await yearFigures(tx, query.year);
      await tx.query(
        `insert into year_summaries (scope_org_id, year, good_practice, common_problems, advice, figures, updated_by, updated_at)
         values ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8)
         on conflict (scope_org_id, year) do update set good_practice = excluded.good_practice, common_problems = excluded.common_problems,
           advice = excluded.advice, figures = excluded.figures, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
        [scope, query.year, body.goodPractice, body.commonProblems, body.advice, JSON.stringify(figures), caller.sub, now().toISOString()],
      );
      return summaryOf(tx, scope, query.year);
    },
  }),
});
