import fc from 'fast-check';
import { assignObserverGroups, assignObservers, DEFAULT_POLICY, hashString, ROLES_BY_MODE, type TAssignmentResult, type TPoolMember } from '@tingkan/shared';
import { tieBreak } from '../../shared/src/rules/assignment-pool';
import { codeOf, uid } from './fixtures';

type Mode = 'xunting' | 'pangting' | 'guancha';
type Member = Required<TPoolMember>;

/** The rule as one whole-pool sort per call (its shape before the batch API), with assign-v2's tie-break: the oracle. */
function reference(mode: Mode, observed: string, pool: Member[], seed: string, size: number, allowSingleUnitGroup: boolean): TAssignmentResult {
  const fail = (code: 'POOL_TOO_SMALL' | 'NO_OFFICE_STAFF' | 'NO_COMMITTEE_MEMBER' | 'GROUP_SINGLE_UNIT', needed: number, available: number, reasonZh: string): TAssignmentResult => ({ ok: false, code, needed, available, reasonZh });
  const key = (m: Member) => tieBreak(hashString(seed), hashString(m.personId));
  const eligible = pool
    .filter((m) => m.available && m.serves.includes(mode) && !m.branchIds.includes(observed))
    .filter((m) => m.roles.some((r) => ROLES_BY_MODE[mode].includes(r)))
    .sort((a, b) => a.load - b.load || key(a) - key(b));
  type Slot = 'office' | 'invited_committee_member' | 'observer';
  let group: { m: Member; roleInGroup: Slot }[];
  if (mode === 'guancha') {
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
    const available = mode === 'guancha' ? group.length : eligible.length;
    return fail('POOL_TOO_SMALL', size, available, `需要 ${size} 人，符合条件的只有 ${available} 人`);
  }
  if (!allowSingleUnitGroup && group.length > 1 && new Set(group.map((g) => g.m.unitId)).size === 1) {
    const unit = group[0]?.m.unitId;
    const fits = (m: Member, slot: Slot) => slot === 'observer' || (slot === 'office' ? m.roles.includes('office') : m.roles.includes('branch_committee') && !m.roles.includes('office'));
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
    ok: true, mode, observerIds, seed, algorithm: 'assign-v2',
    members: group.map((g) => ({ personId: g.m.personId, unitId: g.m.unitId, roleInGroup: g.roleInGroup })),
    reasonZh: `已按工作量从少到多选出 ${observerIds.length} 人，均不属于被观摩支部`,
  };
}

const branchIds = [uid(900), uid(901), uid(902), uid(903)];
const roles = fc.constantFrom<Member['roles'][number]>('office', 'work_committee_member', 'unit_leader', 'fulltime_deputy', 'party_affairs', 'branch_leader', 'member_rep', 'branch_committee');
// Loads from a small range so that ties (and the seeded tie-break) are the common case.
const arbPool = fc.array(fc.record({
  unit: fc.integer({ min: 0, max: 2 }),
  branches: fc.subarray(branchIds),
  roles: fc.array(roles, { minLength: 1, maxLength: 3 }),
  serves: fc.subarray(['xunting', 'pangting', 'guancha'] as const, { minLength: 1 }),
  load: fc.nat(3),
  available: fc.boolean(),
}), { maxLength: 40 }).map((rows) => rows.map((r, i): Member => ({
  personId: uid(i + 1), unitId: uid(800 + r.unit), branchIds: r.branches, roles: [...new Set(r.roles)], serves: [...r.serves], load: r.load, available: r.available,
})));
const arbSeed = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s !== '');
const arbRequest = fc.record({ mode: fc.constantFrom<Mode>('xunting', 'pangting', 'guancha'), observedBranchId: fc.constantFrom(...branchIds), seed: arbSeed });
const sizeFor = (mode: Mode) => DEFAULT_POLICY.groupSize[mode].min;

describe('tieBreak', () => {
  it('CALC-2, OBS-8: among equally loaded people nobody is always first in line: over 300 seeds each of six is picked first', () => {
    const pool = Array.from({ length: 6 }, (_, i): TPoolMember => ({
      personId: uid(i + 1), unitId: uid(800 + (i % 2)), branchIds: [uid(950)], serves: ['pangting'], roles: ['party_affairs'], load: 0,
    }));
    const first = new Set(Array.from({ length: 300 }, (_, s) => {
      const r = assignObservers({ mode: 'pangting', observedBranchId: uid(900), pool, seed: `seed-${s}` });
      return r.ok ? r.observerIds[0] : undefined;
    }));
    expect([...first].sort()).toStrictEqual(pool.map((p) => p.personId));
  });
  it('CALC-2: one seed, one order; twenty seeds order eight people in twenty different ways', () => {
    const people = Array.from({ length: 8 }, (_, i) => uid(i + 1));
    const order = (seed: string) => [...people].sort((x, y) => tieBreak(hashString(seed), hashString(x)) - tieBreak(hashString(seed), hashString(y))).join();
    const seeds = Array.from({ length: 20 }, (_, i) => `2026-旁听-${i}`);
    expect(seeds.map(order)).toStrictEqual(seeds.map(order));
    expect(new Set(seeds.map(order)).size).toBe(20);
  });
});

describe('assignObservers and assignObserverGroups (properties)', () => {
  it('CALC-2, OBS-8: one group is exactly what a sort of the whole pool gives (every mode, both unit policies)', () => {
    fc.assert(fc.property(arbPool, arbRequest, fc.boolean(), (pool, r, allowSingleUnitGroup) => {
      const got = assignObservers({ ...r, pool }, { allowSingleUnitGroup });
      expect(got).toStrictEqual(reference(r.mode, r.observedBranchId, pool, r.seed, sizeFor(r.mode), allowSingleUnitGroup));
    }), { numRuns: 500 });
  });

  it('CALC-2: a batch equals repeated single calls, each seeing the loads raised by the groups before it', () => {
    fc.assert(fc.property(arbPool, fc.array(arbRequest, { maxLength: 12 }), (pool, requests) => {
      const batch = assignObserverGroups({ pool, requests });
      let current = pool;
      requests.forEach((r, i) => {
        const single = assignObservers({ ...r, pool: current });
        expect(batch[i]).toStrictEqual(single);
        if (single.ok) current = current.map((m) => (single.observerIds.includes(m.personId) ? { ...m, load: m.load + 1 } : m));
      });
      return batch.length === requests.length;
    }), { numRuns: 300 });
  });

  it('CALC-2: with carryLoad false every group of the batch is the single call on the pool as given', () => {
    fc.assert(fc.property(arbPool, fc.array(arbRequest, { maxLength: 8 }), (pool, requests) => {
      const batch = assignObserverGroups({ pool, requests, carryLoad: false });
      expect(batch).toStrictEqual(requests.map((r) => assignObservers({ ...r, pool })));
    }), { numRuns: 200 });
  });

  it('OBS-8: over a schedule, nobody gets a second 巡听 while someone eligible for every group so far has none', () => {
    // Everyone serves everywhere and belongs to no observed branch: the load must stay within one.
    const pool = Array.from({ length: 12 }, (_, i): TPoolMember => ({
      personId: uid(i + 1), unitId: uid(800 + (i % 3)), branchIds: [uid(950)], serves: ['xunting'], roles: ['unit_leader'], load: 0,
    }));
    const requests = Array.from({ length: 8 }, (_, i) => ({ mode: 'xunting' as const, observedBranchId: branchIds[i % 4] as string, seed: `2026-巡听-${i}` }));
    const picks = assignObserverGroups({ pool, requests }).flatMap((r) => (r.ok ? r.observerIds : []));
    const load = pool.map((m) => picks.filter((id) => id === m.personId).length);
    expect(picks).toHaveLength(24);
    expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(1);
  });
});

describe('assignObserverGroups', () => {
  const pool = Array.from({ length: 6 }, (_, i): TPoolMember => ({
    personId: uid(i + 1), unitId: uid(800 + (i % 2)), branchIds: [uid(950)], serves: ['pangting'], roles: ['party_affairs'], load: 0,
  }));
  it('OBS-3: a size outside the range in any request refuses the whole batch before a group is formed', () => {
    const requests = [{ mode: 'pangting' as const, observedBranchId: uid(900), seed: 'a' }, { mode: 'pangting' as const, observedBranchId: uid(900), seed: 'b', size: 6 }];
    expect(codeOf(() => assignObserverGroups({ pool, requests }))).toBe('VALIDATION_FAILED');
  });
  it('CALC-2: a duplicate person in the pool is refused once for the whole batch', () => {
    expect(codeOf(() => assignObserverGroups({ pool: [...pool, pool[0]], requests: [] }))).toBe('DUPLICATE_MEMBER');
  });
  it('CALC-2: a failed group changes no load: the next group is formed as if it had not been asked', () => {
    const r = assignObserverGroups({ pool, requests: [
      { mode: 'xunting', observedBranchId: uid(900), seed: 'a' },
      { mode: 'pangting', observedBranchId: uid(900), seed: 'b' },
    ] });
    expect(r[0]).toStrictEqual({ ok: false, code: 'POOL_TOO_SMALL', needed: 3, available: 0, reasonZh: '需要 3 人，符合条件的只有 0 人' });
    expect(r[1]).toStrictEqual(assignObservers({ mode: 'pangting', observedBranchId: uid(900), seed: 'b', pool }));
  });
});
