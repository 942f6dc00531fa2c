import { absenceFlags } from '@tingkan/shared';
import { codeOf, uid } from './fixtures';

const A = uid(1); // attends in March
const B = uid(2); // never attends, no leave
const C = uid(3); // never attends, always on leave with a reason
const D = uid(4); // joined 5 months ago, never attends
const E = uid(5); // activist: no duty
const F = uid(6); // never attends, leave without a reason
const everyone = [A, B, C, D, E, F];
const meeting = (id: number, date: string, presentIds: string[], leaves: { personId: string; category: 'sick' | 'personal' | 'official'; reason: string }[] = []) =>
  ({ id: uid(100 + id), kind: 'theme_day', date, expectedIds: everyone, presentIds, leaves });

const input = {
  asOf: '2026-06-30',
  members: [
    { personId: A, status: 'full', joinedOn: '2020-01-01' },
    { personId: B, status: 'full', joinedOn: '2020-01-01' },
    { personId: C, status: 'probationary', joinedOn: '2025-06-01' },
    { personId: D, status: 'full', joinedOn: '2026-01-31' },
    { personId: E, status: 'activist', joinedOn: '2020-01-01' },
    { personId: F, status: 'full', joinedOn: '2020-01-01' },
  ],
  meetings: [
    meeting(1, '2025-11-07', [A, B]),
    meeting(2, '2026-01-02', [], [{ personId: C, category: 'sick', reason: '住院' }, { personId: F, category: 'personal', reason: ' ' }]),
    meeting(3, '2026-03-06', [A], [{ personId: C, category: 'official', reason: '出差' }]),
  ],
};

describe('absenceFlags', () => {
  it('ATT-1: six months without attendance and without a valid leave is flagged; leave with a reason, recent joiners and activists are not', () => {
    const r = absenceFlags(input);
    expect(r.windowStart).toBe('2025-12-30');
    expect(r.flaggedIds).toStrictEqual([B, F]);
    expect(r.members.map((x) => [x.personId, x.flagged, x.lastAttendedOn, x.missedInWindow, x.missedWithoutLeave])).toStrictEqual([
      [A, false, '2026-03-06', 1, 1],
      [B, true, '2025-11-07', 2, 2],
      [C, false, null, 2, 0],
      [D, false, null, 2, 2],
      [F, true, null, 2, 2],
    ]);
  });
  it('ATT-1: a member who joined 5 months ago is not judged yet', () => {
    expect(absenceFlags(input).members.find((x) => x.personId === D)?.reasonZh).toBe('加入本支部不满 6 个月，暂不判断');
  });
  it('ATT-1: the flag explains itself in Chinese', () => {
    expect(absenceFlags(input).members.find((x) => x.personId === B)?.reasonZh).toBe('连续 6 个月未参加组织生活，其中 2 次无正当理由，需按规定处理');
  });
  it('ATT-1 (policy): with a 3-month window and no meeting since 30 March, nobody has missed anything and nobody is flagged', () => {
    const r = absenceFlags({ ...input, asOf: '2026-06-30' }, { absenceFlagMonths: 3 });
    expect([r.windowStart, r.flaggedIds]).toStrictEqual(['2026-03-30', []]);
  });
  it('ATT-1: duplicate members are refused', () => {
    expect(codeOf(() => absenceFlags({ ...input, members: [...input.members, input.members[0]] }))).toBe('DUPLICATE_MEMBER');
  });
});
