// MTG-10: a branch's secretary files the yearly plan; the office sees who has not filed it or a candidate (OBS-1).
import { toShanghaiIso, ZFilePlanRequest, ZPlansQuery } from '@tingkan/shared';
import { endpoint, handler, reply } from '../_lib/handler';
import { now } from '../_lib/clock';
import { filings } from '../_lib/office/plans';
import { scopeRoot } from '../_lib/office/scope';
import { requireBranch } from '../_lib/office/orgs';

export default handler({
  // POST /api/plans {orgId, year, content}: filing again replaces the content (RLS: the branch's leaders only).
  POST: endpoint({
    auth: 'user',
    body: ZFilePlanRequest,
    async run({ body, caller, tx }) {
      await requireBranch(tx, body.orgId);
      const { rows } = await tx.query<{ id: string; filed_at: Date }>(
        `insert into yearly_plans (org_id, year, content, filed_by, filed_at) values ($1, $2, $3, $4, $5)
         on conflict (org_id, year) do update set content = excluded.content, filed_by = excluded.filed_by, filed_at = excluded.filed_at
         returning id, filed_at`,
        [body.orgId, body.year, body.content, caller.sub, now()],
      );
      const row = rows[0]!;
      return reply(201, { plan: { id: row.id, orgId: body.orgId, year: body.year, content: body.content, filedAt: toShanghaiIso(row.filed_at) } });
    },
  }),
  // GET /api/plans?year=&missing=1&orgId=: per branch in the office's scope, plan and candidates filed or not.
  GET: endpoint({
    auth: 'user',
    query: ZPlansQuery,
    async run({ query, tx }) {
      const root = await scopeRoot(tx, query.orgId);
      const all = await filings(tx, root, query.year, query.missing);
      return {
        year: query.year,
        total: all.length,
        limit: query.limit,
        offset: query.offset,
        missingPlan: all.filter((r) => r.missingPlan).length,
        missingCandidate: all.filter((r) => r.missingCandidate).length,
        branches: all.slice(query.offset, query.offset + query.limit),
      };
    },
  }),
});
