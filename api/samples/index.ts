// OBS-3 / CALC-1: draw the year's 旁听 sample (office), and read the current draw and the ones it replaced.
import { ZDrawRequest, ZSamplesQuery } from '@tingkan/shared';
import { endpoint, handler, reply } from '../_lib/handler';
import { now } from '../_lib/clock';
import { currentPolicy } from '../_lib/office/policy';
import { listDraws, storeDraw } from '../_lib/office/sampling';
import { scopeRoot } from '../_lib/office/scope';

export default handler({
  // POST /api/samples {year, seed?, reason?, scopeOrgId?} → 201 {draw, result}; again without reason → SAMPLE_ALREADY_DRAWN.
  POST: endpoint({
    auth: 'user',
    body: ZDrawRequest,
    async run({ body, caller, tx }) {
      const rootId = await scopeRoot(tx, body.scopeOrgId);
      const policy = await currentPolicy(tx);
      const { draw, result } = await storeDraw(tx, {
        rootId, year: body.year, seed: body.seed, reason: body.reason, rate: policy.samplingRate, caller: caller.sub, at: now(),
      });
      const { branchIds: _b, seed: _s, algorithm: _a, rate: _r, ...summary } = result;
      return reply(201, { draw, result: summary });
    },
  }),
  // GET /api/samples?year=&scopeOrgId=: current draws and the superseded ones, newest first.
  GET: endpoint({
    auth: 'user',
    query: ZSamplesQuery,
    async run({ query, tx }) {
      const draws = await listDraws(tx, query.year, query.scopeOrgId);
      return { year: query.year, current: draws.filter((d) => d.supersededBy === null), history: draws.filter((d) => d.supersededBy !== null) };
    },
  }),
});
