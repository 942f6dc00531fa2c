import fc from 'fast-check';
import { assignObservers, groupConflicts, type TPoolMember } from '@tingkan/shared';
import { codeOf, uid } from './fixtures';

const OBSERVED = uid(900);
const OTHER = uid(901);
const UNIT_A = uid(800);
const UNIT_B = uid(801);
const person = (n: number, roles: TPoolMember['roles'], over: Partial<TPoolMember> = {}): TPoolMember =>
  ({ personId: uid(n), unitId: n % 2 === 0 ? UNIT_A : UNIT_B, branchIds: [OTHER], serves: ['xunting', 'pangting', 'guancha'], roles, load: 0, ...over });

describe('assignObservers', () => {
  it('OBS-2, CALC-2: a 巡听 group is 3 leaders, least loaded first, nobody from the observed branch', () => {
    const pool = [
      person(1, ['work_committee_member'], { load: 2 }),
      person(2, ['unit_leader'], { load: 0 }),
      person(3, ['fulltime_deputy'], { load: 1 }),
      person(4, ['unit_leader'], { load: 0, branchIds: [OBSERVED] }),
      person(5, ['work_committee_member'], { load: 0 }),
      person(6, ['member_rep'], { load: 0 }),
    ];
    const r = assignObservers({ mode: 'xunting', observedBranchId: OBSERVED, pool, seed: 's' });
    expect(r.ok && [...r.observerIds].sort()).toStrictEqual([uid(2), uid(3), uid(5)]);
  });
  it('OBS-3: a 旁听 group of 5 when asked, within the 3-5 range', () => {
    const pool = Array.from({ length: 8 }, (_, i) => person(i + 1, ['party_affairs']));
    const r = assignObservers({ mode: 'pangting', observedBranchId: OBSERVED, pool, size: 5, seed: 's' });
    expect(r.ok && r.observerIds.length).toBe(5);
  });
  it('OBS-3: a 旁听 group of 6 is outside the policy range and refused', () => {
    const pool = Array.from({ length: 8 }, (_, i) => person(i + 1, ['party_affairs']));
    expect(codeOf(() => assignObservers({ mode: 'pangting', observedBranchId: OBSERVED, pool, size: 6, seed: 's' }))).toBe('VALIDATION_FAILED');
  });
  it('OBS-5: a 观察员 group is one committee member of another branch plus office staff', () => {
    const pool = [
      person(1, ['office'], { load: 1 }), person(2, ['office'], { load: 0 }),
      person(3, ['branch_committee'], { branchIds: [OBSERVED] }), person(5, ['branch_committee'], { load: 3 }),
    ];
    const r = assignObservers({ mode: 'guancha', observedBranchId: OBSERVED, pool, seed: 's' });
    expect(r).toStrictEqual({
      ok: true, mode: 'guancha', observerIds: [uid(5), uid(2)], seed: 's', algorithm: 'assign-v2',
      members: [{ personId: uid(5), unitId: UNIT_B, roleInGroup: 'invited_committee_member' }, { personId: uid(2), unitId: UNIT_A, roleInGroup: 'office' }],
      reasonZh: '已按工作量从少到多选出 2 人，均不属于被观摩支部',
    });
  });
  it('OBS-5: without a committee member from another branch the answer is a code, not an exception', () => {
    const pool = [person(1, ['office']), person(3, ['branch_committee'], { branchIds: [OBSERVED] })];
    expect(assignObservers({ mode: 'guancha', observedBranchId: OBSERVED, pool, seed: 's' })).toStrictEqual({ ok: false, code: 'NO_COMMITTEE_MEMBER', needed: 1, available: 0, reasonZh: '没有其他支部的支委可以受邀参加观摩' });
  });
  it('CALC-2: a pool too small for a 巡听 returns POOL_TOO_SMALL with the numbers', () => {
    const pool = [person(1, ['unit_leader']), person(2, ['unit_leader']), person(3, ['member_rep'])];
    expect(assignObservers({ mode: 'xunting', observedBranchId: OBSERVED, pool, seed: 's' })).toStrictEqual({ ok: false, code: 'POOL_TOO_SMALL', needed: 3, available: 2, reasonZh: '需要 3 人，符合条件的只有 2 人' });
  });
  it('OBS-8 (policy): a group all from one unit is mixed with someone from another unit', () => {
    const pool = [person(2, ['party_affairs']), person(4, ['party_affairs']), person(6, ['party_affairs']), person(7, ['party_affairs'], { load: 5 })];
    const r = assignObservers({ mode: 'pangting', observedBranchId: OBSERVED, pool, seed: 's' });
    expect(r.ok && r.observerIds.includes(uid(7))).toBe(true);
  });
  it('OBS-8 (policy): when everyone eligible is from one unit the answer is GROUP_SINGLE_UNIT; a deployment may allow it', () => {
    const pool = [person(2, ['party_affairs']), person(4, ['party_affairs']), person(6, ['party_affairs'])];
    expect(assignObservers({ mode: 'pangting', observedBranchId: OBSERVED, pool, seed: 's' })).toMatchObject({ ok: false, code: 'GROUP_SINGLE_UNIT' });
    expect(assignObservers({ mode: 'pangting', observedBranchId: OBSERVED, pool, seed: 's' }, { allowSingleUnitGroup: true })).toMatchObject({ ok: true });
  });
  it('OBS-8: people not serving in this mode, or unavailable, are not picked', () => {
    const pool = [person(1, ['unit_leader'], { serves: ['pangting'] }), person(2, ['unit_leader'], { available: false }), person(3, ['unit_leader']), person(4, ['unit_leader']), person(5, ['unit_leader'])];
    const r = assignObservers({ mode: 'xunting', observedBranchId: OBSERVED, pool, seed: 's' });
    expect(r.ok && [...r.observerIds].sort()).toStrictEqual([uid(3), uid(4), uid(5)]);
  });
  it('CALC-2: a duplicate person in the pool is refused', () => {
    expect(codeOf(() => assignObservers({ mode: 'xunting', observedBranchId: OBSERVED, pool: [person(1, ['unit_leader']), person(1, ['unit_leader'])], seed: 's' }))).toBe('DUPLICATE_MEMBER');
  });
});

describe('groupConflicts', () => {
  it('OBS-8: a hand-made group with a member of the observed branch, all from one unit, has two conflicts', () => {
    expect(groupConflicts({ observedBranchId: OBSERVED, members: [person(2, ['office'], { branchIds: [OBSERVED] }), person(4, ['office'])] })).toStrictEqual([
      { personId: uid(2), messageZh: '不得观摩本人所在的支部' }, { personId: null, messageZh: '小组成员不能全部来自同一单位' },
    ]);
  });
});

describe('assignObservers (properties)', () => {
  const roles = fc.constantFrom<TPoolMember['roles'][number]>('office', 'work_committee_member', 'unit_leader', 'fulltime_deputy', 'party_affairs', 'branch_leader', 'member_rep', 'branch_committee');
  const branchIds = [uid(900), uid(901), uid(902)];
  const arbPool = fc.array(fc.record({
    unit: fc.integer({ min: 0, max: 2 }),
    branches: fc.subarray(branchIds),
    roles: fc.array(roles, { minLength: 1, maxLength: 3 }),
    serves: fc.subarray(['xunting', 'pangting', 'guancha'] as const, { minLength: 1 }),
    load: fc.nat(10),
  }), { maxLength: 25 }).map((rows) => rows.map((r, i) => ({ personId: uid(i + 1), unitId: uid(800 + r.unit), branchIds: r.branches, roles: [...new Set(r.roles)], serves: [...r.serves], load: r.load })));
  const arbCase = fc.record({ pool: arbPool, mode: fc.constantFrom('xunting', 'pangting', 'guancha'), observed: fc.constantFrom(...branchIds), seed: fc.string({ minLength: 1 }).filter((s) => s.trim() !== '') });

  it('OBS-8, CALC-2: never an observer from the observed branch, ever; ok groups have the right size and no repeats', () => {
    fc.assert(fc.property(arbCase, ({ pool, mode, observed, seed }) => {
      const r = assignObservers({ mode, observedBranchId: observed, pool, seed });
      if (!r.ok) return true;
      const members = r.observerIds.map((id) => pool.find((p) => p.personId === id));
      return members.every((m) => m !== undefined && !m.branchIds.includes(observed) && m.serves.includes(mode))
        && new Set(r.observerIds).size === r.observerIds.length
        && r.observerIds.length === { xunting: 3, pangting: 3, guancha: 2 }[mode]
        && new Set(members.map((m) => m?.unitId)).size > 1;
    }), { numRuns: 300 });
  });
  it('OBS-5: an ok 观察员 group always has exactly one invited committee member and at least one office member', () => {
    fc.assert(fc.property(arbCase, ({ pool, observed, seed }) => {
      const r = assignObservers({ mode: 'guancha', observedBranchId: observed, pool, seed });
      if (!r.ok) return true;
      return r.members.filter((m) => m.roleInGroup === 'invited_committee_member').length === 1 && r.members.some((m) => m.roleInGroup === 'office');
    }), { numRuns: 300 });
  });
  it('OBS-8: the load is balanced: nobody picked has more load than an eligible person left out of the same slot kind (without the unit swap)', () => {
    fc.assert(fc.property(arbCase, ({ pool, observed, seed }) => {
      const r = assignObservers({ mode: 'xunting', observedBranchId: observed, pool, seed }, { allowSingleUnitGroup: true });
      if (!r.ok) return true;
      const eligible = pool.filter((p) => p.serves.includes('xunting') && !p.branchIds.includes(observed) && p.roles.some((x) => ['work_committee_member', 'unit_leader', 'fulltime_deputy'].includes(x)));
      const maxPicked = Math.max(...r.observerIds.map((id) => pool.find((p) => p.personId === id)?.load ?? 0));
      return eligible.filter((p) => !r.observerIds.includes(p.personId)).every((p) => p.load >= maxPicked);
    }), { numRuns: 300 });
  });
});
