// OBS-5: the 观察员 round for a year with the shared rule, continuing last year's order: last year's
// visits in the order they happened, and the branches not visited then open this year's round.
import { roundRobinSchedule, ZRoundRobinQuery } from '@tingkan/shared';
import { endpoint, handler } from '../_lib/handler';
import { branchesUnder, scopeRoot, yearRange } from '../_lib/office/scope';

export default handler({
  // GET /api/schedule/round-robin?year=&scopeOrgId= → {year, order, slots: [{branchId, name, month}], previousOrder, notVisitedLastYear}
  GET: endpoint({
    auth: 'user',
    query: ZRoundRobinQuery,
    async run({ query, tx }) {
      const root = await scopeRoot(tx, query.scopeOrgId);
      const { branches } = await branchesUnder(tx, root);
      const [from, to] = yearRange(query.year - 1);
      const { rows } = await tx.query<{ branch_id: string }>(
        `select branch_id from (
           select coalesce(case when org.kind = 'party_group' then org.parent_id end, org.id) as branch_id, min(m.starts_at) as first_visit
             from observations o join meetings m on m.id = o.meeting_id join organisations org on org.id = m.org_id
            where o.mode = 'guancha' and o.status <> 'cancelled' and m.starts_at >= $1 and m.starts_at < $2
            group by 1
         ) v order by first_visit, branch_id`,
        [from, to],
      );
      const ids = branches.map((b) => b.id);
      const previousOrder = rows.map((r) => r.branch_id).filter((id) => ids.includes(id));
      // No round last year (the first year): nothing to carry over.
      const notVisitedLastYear = previousOrder.length === 0 ? [] : ids.filter((id) => !previousOrder.includes(id)).sort();
      if (ids.length === 0) return { year: query.year, order: [], slots: [], previousOrder, notVisitedLastYear };
      const schedule = roundRobinSchedule({ year: query.year, branchIds: ids, previousOrder, notVisitedLastYear });
      const name = new Map(branches.map((b) => [b.id, b.name]));
      return { ...schedule, slots: schedule.slots.map((s) => ({ ...s, name: name.get(s.branchId) ?? '' })), previousOrder, notVisitedLastYear };
    },
  }),
});
