// CALC-2: pick an observer group (OBS-2 巡听 ≈3 leaders, OBS-3 旁听 3-5 staff/leaders/reps,
// OBS-5 观察员: office staff + one committee member of another branch). OBS-8: never someone
// from the observed branch, not all from one unit (policy), least-loaded first. Failures are
// returned as codes, not thrown: "the pool is too small" is an answer the office acts on.
import { DomainError } from '../errors';
import { parsePolicy, type TPolicyInput } from '../policy';
import { ZAssignmentInput, ZPoolMember, type TAssignmentResult, type TPoolRole } from '../schemas/assignment';
import { ZId, type TObservationMode } from '../schemas/common';
import { z } from 'zod';
import { assertUniqueIds } from './org';
import { parseRuleInput } from './parse';
import { hashString } from './prng';

type Member = z.infer<typeof ZPoolMember>;
type Picked = { m: Member; roleInGroup: 'office' | 'invited_committee_member' | 'observer' };

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

export function assignObservers(input: unknown, policyInput: TPolicyInput = {}): TAssignmentResult {
  const policy = parsePolicy(policyInput);
  const p = parseRuleInput(ZAssignmentInput, input);
  assertUniqueIds(p.pool.map((m) => m.personId), '人员库');
  const range = policy.groupSize[p.mode];
  const size = p.size ?? range.min;
  if (size < range.min || size > range.max) throw new DomainError('VALIDATION_FAILED', `观察小组人数应在 ${range.min}-${range.max} 人之间`);
  // Least load first; ties broken by a seeded hash so nobody is always first in line.
  const key = (m: Member) => hashString(`${p.seed}|${m.personId}`);
  const eligible = p.pool
    .filter((m) => m.available && m.serves.includes(p.mode) && !belongsToObserved(m, p.observedBranchId))
    .filter((m) => m.roles.some((r) => ROLES_BY_MODE[p.mode].includes(r)))
    .sort((a, b) => a.load - b.load || key(a) - key(b));

  let group: Picked[];
  if (p.mode === 'guancha') {
    const office = eligible.filter((m) => m.roles.includes('office'));
    const committee = eligible.filter((m) => m.roles.includes('branch_committee') && !m.roles.includes('office'));
    if (office.length === 0) return fail('NO_OFFICE_STAFF', 1, 0, '人员库中没有可参加的机关党委办人员');
    const invited = committee[0];
    if (!invited) return fail('NO_COMMITTEE_MEMBER', 1, 0, '没有其他支部的支委可以受邀参加观摩');
    group = [{ m: invited, roleInGroup: 'invited_committee_member' }, ...office.slice(0, size - 1).map((m) => ({ m, roleInGroup: 'office' as const }))];
  } else {
    group = eligible.slice(0, size).map((m) => ({ m, roleInGroup: 'observer' as const }));
  }
  if (group.length < size) {
    const available = p.mode === 'guancha' ? group.length : eligible.length;
    return fail('POOL_TOO_SMALL', size, available, `需要 ${size} 人，符合条件的只有 ${available} 人`);
  }
  if (!policy.allowSingleUnitGroup && group.length > 1 && new Set(group.map((g) => g.m.unitId)).size === 1) {
    // Swap one member (last first) for the next eligible person of the same slot from another unit.
    const unit = group[0]?.m.unitId;
    const fits = (m: Member, slot: Picked['roleInGroup']) => slot === 'observer' || (slot === 'office'
      ? m.roles.includes('office') : m.roles.includes('branch_committee') && !m.roles.includes('office'));
    let swapped = false;
    for (let i = group.length - 1; i >= 0 && !swapped; i -= 1) {
      const cur = group[i];
      const replacement = cur && eligible.find((m) => m.unitId !== unit && fits(m, cur.roleInGroup) && !group.some((g) => g.m.personId === m.personId));
      if (cur && replacement) { group[i] = { m: replacement, roleInGroup: cur.roleInGroup }; swapped = true; }
    }
    if (!swapped) return fail('GROUP_SINGLE_UNIT', 2, 1, '符合条件的人员都来自同一单位，无法组成跨单位的小组');
  }
  const observerIds = group.map((g) => g.m.personId);
  return {
    ok: true, mode: p.mode, observerIds, seed: p.seed, algorithm: 'assign-v1',
    members: group.map((g) => ({ personId: g.m.personId, unitId: g.m.unitId, roleInGroup: g.roleInGroup })),
    reasonZh: `已按工作量从少到多选出 ${observerIds.length} 人，均不属于被观摩支部`,
  };
}

/** OBS-8: check a group the office put together by hand; returns every conflict found. */
export function groupConflicts(input: unknown, policyInput: TPolicyInput = {}): { personId: string | null; messageZh: string }[] {
  const policy = parsePolicy(policyInput);
  const { observedBranchId, members } = parseRuleInput(z.object({ observedBranchId: ZId, members: z.array(ZPoolMember) }).strict(), input);
  assertUniqueIds(members.map((m) => m.personId), '小组');
  const out: { personId: string | null; messageZh: string }[] = members
    .filter((m) => belongsToObserved(m, observedBranchId))
    .map((m) => ({ personId: m.personId, messageZh: '不得观摩本人所在的支部' }));
  if (!policy.allowSingleUnitGroup && members.length > 1 && new Set(members.map((m) => m.unitId)).size === 1) {
    out.push({ personId: null, messageZh: '小组成员不能全部来自同一单位' });
  }
  return out;
}
