// CALC-2: pick an observer group (OBS-2 巡听 ≈3 leaders, OBS-3 旁听 3-5 staff/leaders/reps,
// OBS-5 观察员: office staff + one committee member of another branch). OBS-8: never someone
// from the observed branch, not all from one unit (policy), least-loaded first. Failures are
// returned as codes, not thrown: "the pool is too small" is an answer the office acts on.
import { DomainError } from '../errors';
import { parsePolicy, type TPolicy, type TPolicyInput } from '../policy';
import { ZAssignmentBatchInput, ZAssignmentInput, ZPoolMember, type TAssignmentResult, type TPoolRole } from '../schemas/assignment';
import { ZId, type TObservationMode } from '../schemas/common';
import * as z from 'zod';
import { assertUniqueIds } from './org';
import { parseRuleInput } from './parse';
import { PreparedPool, type Member, type Slot } from './assignment-pool';

// Schemas made once: zod compiles a schema on its first parse, so one made per call was compiled per call (see periods.ts).
const ZGroupConflictsInput = z.object({ observedBranchId: ZId, members: z.array(ZPoolMember) }).strict();

type Picked = { i: number; slot: Slot };

/** OBS-2 / OBS-3: roles that may serve in each mode (guancha is handled by its two slots). */
export const ROLES_BY_MODE: Record<TObservationMode, readonly TPoolRole[]> = {
  xunting: ['work_committee_member', 'unit_leader', 'fulltime_deputy'],
  pangting: ['office', 'party_affairs', 'branch_leader', 'member_rep'],
  guancha: ['office', 'branch_committee'],
};

/** OBS-8: the conflict of interest that no group may ever contain. */
export function belongsToObserved(m: { branchIds: readonly string[] }, observedBranchId: string): boolean {
  return m.branchIds.includes(observedBranchId);
}

function fail(code: Exclude<TAssignmentResult, { ok: true }>['code'], needed: number, available: number, reasonZh: string): TAssignmentResult {
  return { ok: false, code, needed, available, reasonZh };
}

type Request = Omit<z.infer<typeof ZAssignmentInput>, 'pool'>;

/** The wanted group size, refused when outside the policy's range for the mode (OBS-2, OBS-3, OBS-5). */
function groupSize(r: Request, policy: TPolicy): number {
  const range = policy.groupSize[r.mode];
  const size = r.size ?? range.min;
  if (size < range.min || size > range.max) throw new DomainError('VALIDATION_FAILED', `观察小组人数应在 ${range.min}-${range.max} 人之间`);
  return size;
}

/** One group from a prepared pool: least load first, ties broken by the seed (tieBreak) so nobody is always first in line. */
function assignOne(pool: PreparedPool, r: Request, policy: TPolicy): TAssignmentResult {
  const size = groupSize(r, policy);
  const member = (i: number) => pool.members[i] as Member;
  const slot = (s: Slot) => pool.list(r.mode, s);
  const ordered = (s: Slot) => pool.ordered(slot(s), r.observedBranchId, r.seed);

  let group: Picked[];
  if (r.mode === 'guancha') {
    if (slot('office').countOutside(r.observedBranchId) === 0) return fail('NO_OFFICE_STAFF', 1, 0, '人员库中没有可参加的机关党委办人员');
    const invited = ordered('invited_committee_member').first(1)[0];
    if (invited === undefined) return fail('NO_COMMITTEE_MEMBER', 1, 0, '没有其他支部的支委可以受邀参加观摩');
    group = [{ i: invited, slot: 'invited_committee_member' }, ...ordered('office').first(size - 1).map((i) => ({ i, slot: 'office' as const }))];
  } else {
    group = ordered('observer').first(size).map((i) => ({ i, slot: 'observer' as const }));
  }
  if (group.length < size) {
    const available = r.mode === 'guancha' ? group.length : slot('observer').countOutside(r.observedBranchId);
    return fail('POOL_TOO_SMALL', size, available, `需要 ${size} 人，符合条件的只有 ${available} 人`);
  }
  if (!policy.allowSingleUnitGroup && group.length > 1 && new Set(group.map((g) => member(g.i).unitId)).size === 1) {
    // Swap one member (last first) for the next eligible person of the same slot from another unit.
    const unit = member(group[0]?.i ?? 0).unitId;
    let swapped = false;
    for (let k = group.length - 1; k >= 0 && !swapped; k -= 1) {
      const cur = group[k];
      const replacement = cur && ordered(cur.slot).find((i) => member(i).unitId !== unit && !group.some((g) => g.i === i));
      if (cur && replacement !== undefined) { group[k] = { i: replacement, slot: cur.slot }; swapped = true; }
    }
    if (!swapped) return fail('GROUP_SINGLE_UNIT', 2, 1, '符合条件的人员都来自同一单位，无法组成跨单位的小组');
  }
  const members = group.map((g) => ({ personId: member(g.i).personId, unitId: member(g.i).unitId, roleInGroup: g.slot }));
  const observerIds = members.map((m) => m.personId);
  return {
    ok: true, mode: r.mode, observerIds, seed: r.seed, algorithm: 'assign-v2', members,
    reasonZh: `已按工作量从少到多选出 ${observerIds.length} 人，均不属于被观摩支部`,
  };
}

/** CALC-2: one group. The same as a batch of one (assignObserverGroups). */
export function assignObservers(input: unknown, policyInput: TPolicyInput = {}): TAssignmentResult {
  const policy = parsePolicy(policyInput);
  const { pool, ...request } = parseRuleInput(ZAssignmentInput, input);
  return assignOne(new PreparedPool(pool, ROLES_BY_MODE), request, policy);
}

/**
 * CALC-2 for a whole schedule: the pool is parsed and prepared once, then each request gets its
 * group in order, exactly as repeated assignObservers calls would give it. With carryLoad (the
 * default) each group raises its members' load before the next request (OBS-8: a year's schedule
 * spreads the work); a request that fails changes nothing. Sizes are checked for every request
 * before any group is formed.
 */
export function assignObserverGroups(input: unknown, policyInput: TPolicyInput = {}): TAssignmentResult[] {
  const policy = parsePolicy(policyInput);
  const { pool, requests, carryLoad } = parseRuleInput(ZAssignmentBatchInput, input);
  const prepared = new PreparedPool(pool, ROLES_BY_MODE);
  requests.forEach((r) => groupSize(r, policy));
  return requests.map((r) => {
    const result = assignOne(prepared, r, policy);
    if (carryLoad && result.ok) prepared.addLoad(result.observerIds);
    return result;
  });
}

/** OBS-8: check a group the office put together by hand; returns every conflict found. */
export function groupConflicts(input: unknown, policyInput: TPolicyInput = {}): { personId: string | null; messageZh: string }[] {
  const policy = parsePolicy(policyInput);
  const { observedBranchId, members } = parseRuleInput(ZGroupConflictsInput, input);
  assertUniqueIds(members.map((m) => m.personId), '小组');
  const out: { personId: string | null; messageZh: string }[] = members
    .filter((m) => belongsToObserved(m, observedBranchId))
    .map((m) => ({ personId: m.personId, messageZh: '不得观摩本人所在的支部' }));
  if (!policy.allowSingleUnitGroup && members.length > 1 && new Set(members.map((m) => m.unitId)).size === 1) {
    out.push({ personId: null, messageZh: '小组成员不能全部来自同一单位' });
  }
  return out;
}
