// CALC-2 / OBS-8: an observation's group. POST picks it with the shared rule; PUT takes a hand-made
// group after the rule's checks (a conflict of interest is refused and nothing is written).
import { assignObservers, DomainError, groupConflicts, ZAutoAssignRequest, ZId, ZManualGroupRequest } from '@tingkan/shared';
import * as z from 'zod';
import { endpoint, handler } from '../_lib/handler';
import { groupView, observationForOffice, replaceGroup } from '../_lib/office/observations';
import { currentPolicy } from '../_lib/office/policy';
import { asRuleMember, poolFor } from '../_lib/office/pool';

const ZPath = z.object({ observationId: ZId }).loose();

async function editable(tx: Parameters<typeof observationForOffice>[0], id: string) {
  const o = await observationForOffice(tx, id);
  if (o.status === 'cancelled') throw new DomainError('OBSERVATION_CANCELLED');
  return o;
}

export default handler({
  GET: endpoint({
    auth: 'user', query: ZPath,
    run: async ({ query, tx }) => groupView(tx, await observationForOffice(tx, query.observationId)),
  }),
  // POST /api/groups/:observationId {size?, seed?} → the group, least-loaded first (OBS-8); 409 with the rule's code when it cannot.
  POST: endpoint({
    auth: 'user', query: ZPath, body: ZAutoAssignRequest,
    async run({ query, body, tx }) {
      const o = await editable(tx, query.observationId);
      const policy = await currentPolicy(tx);
      const pool = await poolFor(tx, o.year);
      const seed = body.seed ?? o.id;
      const result = assignObservers({ mode: o.mode, observedBranchId: o.observedBranchId, pool: pool.map(asRuleMember), size: body.size, seed }, policy);
      if (!result.ok) throw new DomainError(result.code, result.reasonZh);
      // The leader: the office member of a 观察员 group (OBS-5), else the least-loaded member.
      const leader = result.members.find((m) => m.roleInGroup === 'office') ?? result.members[0];
      await replaceGroup(tx, o.id, result.members.map((m) => ({ personId: m.personId, isLeader: m.personId === leader?.personId })));
      return { ...(await groupView(tx, o)), seed, algorithm: result.algorithm, reasonZh: result.reasonZh };
    },
  }),
  // PUT /api/groups/:observationId {members: [{personId, isLeader}]} → the group as given, after OBS-8's checks.
  PUT: endpoint({
    auth: 'user', query: ZPath, body: ZManualGroupRequest,
    async run({ query, body, tx }) {
      const o = await editable(tx, query.observationId);
      const policy = await currentPolicy(tx);
      const ids = body.members.map((m) => m.personId);
      if (new Set(ids).size !== ids.length) throw new DomainError('DUPLICATE_MEMBER');
      const pool = await poolFor(tx, o.year, ids);
      const missing = ids.filter((id) => !pool.some((p) => p.personId === id && p.available));
      if (missing.length > 0) throw new DomainError('NOT_IN_POOL', undefined, missing.map((id) => ({ path: `members.${ids.indexOf(id)}.personId`, message: '不在人员库中或已停用' })));
      const range = policy.groupSize[o.mode];
      if (ids.length < range.min || ids.length > range.max) {
        throw new DomainError('VALIDATION_FAILED', `观察小组人数应在 ${range.min}-${range.max} 人之间`, [{ path: 'members', message: `应为 ${range.min}-${range.max} 人` }]);
      }
      if (body.members.filter((m) => m.isLeader).length > 1) throw new DomainError('VALIDATION_FAILED', '观察小组只能有一名组长', [{ path: 'members', message: '只能有一名组长' }]);
      const conflicts = groupConflicts({ observedBranchId: o.observedBranchId, members: pool.filter((p) => ids.includes(p.personId)).map(asRuleMember) }, policy);
      const personal = conflicts.filter((c) => c.personId !== null);
      if (personal.length > 0) {
        throw new DomainError('CONFLICT_OF_INTEREST', undefined, personal.map((c) => ({ path: `members.${ids.indexOf(c.personId!)}.personId`, message: c.messageZh })));
      }
      if (conflicts.length > 0) throw new DomainError('GROUP_SINGLE_UNIT', conflicts[0]?.messageZh);
      const hasLeader = body.members.some((m) => m.isLeader);
      await replaceGroup(tx, o.id, body.members.map((m, i) => ({ personId: m.personId, isLeader: hasLeader ? m.isLeader : i === 0 })));
      return groupView(tx, o);
    },
  }),
});
