// RATE-1..3: gradings stored per organisation, year and kind. POST stores one whole batch (replacing an earlier one)
// or nothing: every subject must belong there and the quota rule must pass (QUOTA_EXCEEDED in its own words).
// GET lists the stored batches of an organisation and year, each with the quota rule over it.
import { ZGradingsQuery, ZStoreGradingsRequest, type TStoredGrade } from '@tingkan/shared';
import { endpoint, handler, reply } from '../_lib/handler';
import { now } from '../_lib/clock';
import { currentPolicy } from '../_lib/office/policy';
import { scopeRoot } from '../_lib/office/scope';
import { subjectsOf } from '../_lib/gradings/subjects';
import { assertStorable, loadBatches, storeBatch } from '../_lib/gradings/batch';

export default handler({
  POST: endpoint({
    auth: 'user', body: ZStoreGradingsRequest,
    async run({ body, caller, tx }) {
      await scopeRoot(tx, body.orgId);
      const ids = body.grades.map((g) => ('orgId' in g ? g.orgId : g.personId));
      const subjects = await subjectsOf(tx, body.kind, body.orgId, ids);
      const grades: TStoredGrade[] = body.grades.map((g, i) => ({ subjectId: ids[i]!, name: subjects[i]!.name, grade: g.grade, memberStatus: subjects[i]!.status }));
      const policy = await currentPolicy(tx);
      assertStorable(body.kind, grades, policy);
      const replaced = await storeBatch(tx, { orgId: body.orgId, year: body.year, kind: body.kind, gradedBy: caller.sub, at: now(), grades });
      const [batch] = await loadBatches(tx, body.orgId, body.year, body.kind, policy);
      return reply(201, { orgId: body.orgId, year: body.year, replaced, batch });
    },
  }),
  GET: endpoint({
    auth: 'user', query: ZGradingsQuery,
    async run({ query, tx }) {
      await scopeRoot(tx, query.orgId);
      return { orgId: query.orgId, year: query.year, batches: await loadBatches(tx, query.orgId, query.year, query.kind, await currentPolicy(tx)) };
    },
  }),
});
