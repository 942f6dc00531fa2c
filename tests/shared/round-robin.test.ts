import { roundRobinSchedule } from '@tingkan/shared';
import { codeOf, uid } from './fixtures';

describe('roundRobinSchedule', () => {
  const six = [uid(6), uid(5), uid(4), uid(3), uid(2), uid(1)];
  it('OBS-5: the first year visits every branch once, sorted, two months apart', () => {
    expect(roundRobinSchedule({ year: 2026, branchIds: six })).toStrictEqual({
      year: 2026,
      order: [uid(1), uid(2), uid(3), uid(4), uid(5), uid(6)],
      slots: [
        { branchId: uid(1), month: 1 }, { branchId: uid(2), month: 3 }, { branchId: uid(3), month: 5 },
        { branchId: uid(4), month: 7 }, { branchId: uid(5), month: 9 }, { branchId: uid(6), month: 11 },
      ],
    });
  });
  it('OBS-5: the next year continues the cycle: order kept, a dissolved branch dropped, a new one at the end, last year\'s missed visit first', () => {
    const r = roundRobinSchedule({ year: 2027, branchIds: [uid(1), uid(2), uid(3), uid(5), uid(7)], previousOrder: [uid(3), uid(1), uid(2), uid(4), uid(5)], notVisitedLastYear: [uid(5)], months: [3, 6, 9] });
    expect(r.order).toStrictEqual([uid(3), uid(1), uid(2), uid(5), uid(7)]);
    expect(r.slots).toStrictEqual([
      { branchId: uid(5), month: 3 }, { branchId: uid(3), month: 3 }, { branchId: uid(1), month: 6 },
      { branchId: uid(2), month: 6 }, { branchId: uid(7), month: 9 },
    ]);
  });
  it('OBS-5: more branches than months share months, and nobody is left out', () => {
    const ids = Array.from({ length: 30 }, (_, i) => uid(i + 1));
    const r = roundRobinSchedule({ year: 2026, branchIds: ids });
    expect([r.slots.length, new Set(r.slots.map((s) => s.branchId)).size, r.slots[29]?.month]).toStrictEqual([30, 30, 12]);
  });
  it('OBS-5: duplicate branches and an empty list are refused', () => {
    expect(codeOf(() => roundRobinSchedule({ year: 2026, branchIds: [uid(1), uid(1)] }))).toBe('DUPLICATE_MEMBER');
    expect(codeOf(() => roundRobinSchedule({ year: 2026, branchIds: [] }))).toBe('VALIDATION_FAILED');
  });
});
