// SCORE-4: the year's observation results per branch or per department, aggregated in SQL.
import { ZResultsQuery } from '@tingkan/shared';
import { endpoint, handler } from './_lib/handler';
import { results } from './_lib/office/results';
import { branchesUnder, scopeRoot, yearRange } from './_lib/office/scope';

export default handler({
  // GET /api/results?year=&by=branch|department → {year, by, groups: [{id, name, rubric, observations, meanTotal, criteria, distribution}]}
  GET: endpoint({
    auth: 'user',
    query: ZResultsQuery,
    async run({ query, tx }) {
      const root = await scopeRoot(tx);
      const { branches } = await branchesUnder(tx, root);
      const [from, to] = yearRange(query.year);
      return { year: query.year, by: query.by, groups: await results(tx, branches, query.by, from, to) };
    },
  }),
});
