import { committeeMeetingQuorum, generalMeetingQuorum, moreThanHalf, motionPasses } from '@tingkan/shared';
import { codeOf, uid } from './fixtures';

/** n full members (ids 1..n), then p probationary members and a activists after them. */
function roster(full: number, probationary = 0, activists = 0) {
  const r = [];
  for (let i = 1; i <= full; i += 1) r.push({ personId: uid(i), status: 'full' as const, roles: [] });
  for (let i = 1; i <= probationary; i += 1) r.push({ personId: uid(100 + i), status: 'probationary' as const, roles: [] });
  for (let i = 1; i <= activists; i += 1) r.push({ personId: uid(200 + i), status: 'activist' as const, roles: [] });
  return r;
}
const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => uid(from + i));

describe('generalMeetingQuorum', () => {
  it.each([
    ['VOTE-1: 9 of 17 full members present is more than half: valid', 17, ids(1, 9), true, 9],
    ['VOTE-1: 8 of 17 is not: invalid', 17, ids(1, 8), false, 9],
    ['VOTE-1: exactly half (8 of 16) is not more than half: invalid', 16, ids(1, 8), false, 9],
    ['VOTE-1: 9 of 16 is valid', 16, ids(1, 9), true, 9],
  ])('%s', (_name, full, present, valid, needed) => {
    const r = generalMeetingQuorum({ roster: roster(full), presentIds: present });
    expect([r.valid, r.needed, r.expected, r.present]).toStrictEqual([valid, needed, full, present.length]);
  });
  it('VOTE-4: 预备党员 and activists present do not make up a missing quorum', () => {
    const r = generalMeetingQuorum({ roster: roster(10, 3, 2), presentIds: [...ids(1, 5), uid(101), uid(102), uid(103), uid(201)] });
    expect(r).toStrictEqual({ valid: false, expected: 10, present: 5, needed: 6, reasonZh: '应到有表决权的正式党员 10 人，实到 5 人，未超过半数（至少需 6 人），会议无效' });
  });
  it('VOTE-1: guests not on the roster and double sign-ins are ignored', () => {
    const r = generalMeetingQuorum({ roster: roster(4), presentIds: [uid(1), uid(1), uid(2), uid(999)] });
    expect([r.valid, r.present, r.needed]).toStrictEqual([false, 2, 3]);
  });
  it('VOTE-1: duplicate member ids in the roster are refused', () => {
    expect(codeOf(() => generalMeetingQuorum({ roster: [...roster(2), ...roster(1)], presentIds: [] }))).toBe('DUPLICATE_MEMBER');
  });
  it('VOTE-1: an unknown status is refused', () => {
    expect(codeOf(() => generalMeetingQuorum({ roster: [{ personId: uid(1), status: 'honorary', roles: [] }], presentIds: [] }))).toBe('VALIDATION_FAILED');
  });
  it('VOTE-1: a branch with no full members cannot hold a valid 党员大会', () => {
    expect(generalMeetingQuorum({ roster: roster(0, 2), presentIds: [uid(101), uid(102)] }).valid).toBe(false);
  });
});

describe('committeeMeetingQuorum', () => {
  const committee = [
    { personId: uid(1), status: 'full' as const, roles: ['secretary' as const] },
    { personId: uid(2), status: 'full' as const, roles: ['deputy_secretary' as const] },
    { personId: uid(3), status: 'full' as const, roles: ['committee_member' as const] },
    { personId: uid(4), status: 'full' as const, roles: ['committee_member' as const] },
    { personId: uid(5), status: 'full' as const, roles: [], onCommittee: true },
    { personId: uid(6), status: 'full' as const, roles: ['group_leader' as const] },
  ];
  it.each([
    ['VOTE-3: 3 of 5 committee members present: valid', [uid(1), uid(2), uid(3)], true],
    ['VOTE-3: 2 of 5 plus a non-committee member: invalid', [uid(1), uid(2), uid(6)], false],
  ])('%s', (_name, present, valid) => {
    const r = committeeMeetingQuorum({ roster: committee, presentIds: present });
    expect([r.valid, r.expected, r.needed]).toStrictEqual([valid, 5, 3]);
  });
  it('VOTE-3: exactly half of a 4-member committee is not enough', () => {
    const r = committeeMeetingQuorum({ roster: committee.slice(0, 4), presentIds: [uid(1), uid(2)] });
    expect(r).toStrictEqual({ valid: false, expected: 4, present: 2, needed: 3, reasonZh: '应到支委 4 人，实到 2 人，未超过半数（至少需 3 人），会议无效' });
  });
});

describe('motionPasses', () => {
  const yes = (from: number, to: number) => ids(from, to).map((personId) => ({ personId, choice: 'yes' as const }));
  it('VOTE-2: 9 yes of 17 expected voters passes, even if only 10 are present', () => {
    const r = motionPasses({ body: 'general_meeting', roster: roster(17), votes: [...yes(1, 9), { personId: uid(10), choice: 'no' }] });
    expect(r).toStrictEqual({ passed: true, expected: 17, yes: 9, no: 1, abstain: 0, needed: 9, ignoredVoterIds: [], reasonZh: '应到有表决权 17 人，赞成 9 票，超过应到人数的半数（至少需 9 票），通过' });
  });
  it('VOTE-2: 6 yes of 7 present fails when 17 should attend (a majority of those present is not enough)', () => {
    const r = motionPasses({ body: 'general_meeting', roster: roster(17), votes: [...yes(1, 6), { personId: uid(7), choice: 'abstain' }] });
    expect([r.passed, r.yes, r.abstain, r.needed]).toStrictEqual([false, 6, 1, 9]);
  });
  it('VOTE-2: exactly half (8 yes of 16) fails', () => {
    expect(motionPasses({ body: 'general_meeting', roster: roster(16), votes: yes(1, 8) }).passed).toBe(false);
  });
  it('VOTE-4: votes of 预备党员 and activists are not counted and are listed', () => {
    const r = motionPasses({ body: 'general_meeting', roster: roster(5, 2, 1), votes: [...yes(1, 2), { personId: uid(101), choice: 'yes' }, { personId: uid(201), choice: 'yes' }] });
    expect([r.passed, r.yes, r.expected, r.ignoredVoterIds]).toStrictEqual([false, 2, 5, [uid(101), uid(201)]]);
  });
  it('VOTE-2: a person voting twice is refused', () => {
    expect(codeOf(() => motionPasses({ body: 'general_meeting', roster: roster(3), votes: [...yes(1, 1), ...yes(1, 1)] }))).toBe('DUPLICATE_MEMBER');
  });
  it('VOTE-3: in a 支委会 only committee members vote', () => {
    const r = motionPasses({ body: 'committee_meeting', roster: [
      { personId: uid(1), status: 'full', roles: ['secretary'] },
      { personId: uid(2), status: 'full', roles: ['committee_member'] },
      { personId: uid(3), status: 'full', roles: ['committee_member'] },
      { personId: uid(4), status: 'full', roles: [] },
    ], votes: [...yes(1, 1), ...yes(4, 4)] });
    expect([r.passed, r.expected, r.yes, r.ignoredVoterIds]).toStrictEqual([false, 3, 1, [uid(4)]]);
  });
});

describe('moreThanHalf', () => {
  it.each([[17, 9], [16, 9], [4, 3], [1, 1], [0, 1]])('VOTE-1: more than half of %i is %i', (n, needed) => {
    expect(moreThanHalf(n)).toBe(needed);
  });
  it('VOTE-1: a negative or fractional count is refused', () => {
    expect([codeOf(() => moreThanHalf(-1)), codeOf(() => moreThanHalf(2.5))]).toStrictEqual(['VALIDATION_FAILED', 'VALIDATION_FAILED']);
  });
});
