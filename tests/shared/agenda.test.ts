import { criticismGaps, lifeMeetingAgenda, lifeMeetingForm, lifeMeetingNoticeWindow } from '@tingkan/shared';
import { codeOf, uid } from './fixtures';

describe('lifeMeetingForm', () => {
  it.each([
    [false, 0, 'general_form'],
    [false, 3, 'general_form'],
    [true, 0, 'committee_form'],
    [true, 2, 'group_form'],
  ] as const)('MTG-8: committee=%s, groups=%i → %s', (hasCommittee, groupCount, form) => {
    expect(lifeMeetingForm({ hasCommittee, groupCount })).toBe(form);
  });
  it('MTG-8: a negative group count is refused', () => {
    expect(codeOf(() => lifeMeetingForm({ hasCommittee: true, groupCount: -1 }))).toBe('VALIDATION_FAILED');
  });
});

describe('lifeMeetingAgenda', () => {
  it('MTG-8: the 党小组会 form runs committee → groups → members\' meeting in 9 numbered steps', () => {
    const a = lifeMeetingAgenda({ hasCommittee: true, groupCount: 2 });
    expect(a.stages.map((s) => [s.kind, s.steps.length])).toStrictEqual([['committee_meeting', 4], ['group_meeting', 1], ['general_meeting', 4]]);
    expect(a.numbered.map((s) => s.no)).toStrictEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(a.numbered[7]?.textZh).toBe('上级党组织指导员进行点评');
  });
  it('MTG-8: the 支委会 form has 7 steps, the 党员大会 form 6, both ending with the secretary\'s pledge', () => {
    const c = lifeMeetingAgenda({ hasCommittee: true, groupCount: 0 });
    const g = lifeMeetingAgenda({ hasCommittee: false, groupCount: 0 });
    expect([c.numbered.length, g.numbered.length]).toStrictEqual([7, 6]);
    expect([c.numbered[6]?.textZh, g.numbered[5]?.textZh]).toStrictEqual(['党支部书记进行表态讲话，并作出整改承诺', '党支部书记进行表态讲话，并作出整改承诺']);
    expect([c.presiderZh, c.labelZh, g.labelZh]).toStrictEqual(['党支部书记', '以支委会形式召开', '以党员大会形式召开']);
  });
});

describe('lifeMeetingNoticeWindow', () => {
  it('MTG-8: members are told 1-2 days before; a meeting on 1 March 2024 is announced 28-29 February (leap year)', () => {
    expect(lifeMeetingNoticeWindow('2024-03-01')).toStrictEqual({ earliest: '2024-02-28', latest: '2024-02-29' });
  });
});

describe('criticismGaps', () => {
  it('MTG-8: every participant criticises each peer at least once; the missing pairs are listed', () => {
    expect(criticismGaps({ participantIds: [uid(1), uid(2), uid(3)], criticisms: [
      { fromId: uid(1), toId: uid(2) }, { fromId: uid(1), toId: uid(3) }, { fromId: uid(2), toId: uid(1) },
      { fromId: uid(2), toId: uid(3) }, { fromId: uid(3), toId: uid(1) },
    ] })).toStrictEqual([{ fromId: uid(3), toId: uid(2) }]);
  });
});
