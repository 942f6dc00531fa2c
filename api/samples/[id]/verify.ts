// CALC-1: anyone who can read a draw can re-run the shared rule on its stored inputs and seed.
import { drawSample, verifySample, ZId } from '@tingkan/shared';
import * as z from 'zod';
import { endpoint, handler } from '../../_lib/handler';
import { loadDraw } from '../../_lib/office/sampling';

export default handler({
  // POST /api/samples/:id/verify → {matches, recordedBranchIds, rerunBranchIds, seed, algorithm, inputFingerprint}
  POST: endpoint({
    auth: 'user',
    query: z.object({ id: ZId }).loose(),
    async run({ query, tx }) {
      const d = await loadDraw(tx, query.id);
      const recorded = { branchIds: d.branch_ids, seed: d.seed, algorithm: d.algorithm as 'strat-v1' };
      const matches = verifySample(d.inputs, recorded);
      const rerun = drawSample({ ...d.inputs, seed: d.seed });
      return {
        drawId: d.id, matches, seed: d.seed, algorithm: d.algorithm,
        recordedBranchIds: d.branch_ids.slice().sort(), rerunBranchIds: rerun.branchIds, inputFingerprint: rerun.inputFingerprint,
      };
    },
  }),
});
