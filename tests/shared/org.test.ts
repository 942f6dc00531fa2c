import { canAttend, canPreside, maskMobile, observerEntryForViewer, statusRights, validateOrgTree } from '@tingkan/shared';
import { codeOf, uid } from './fixtures';

describe('validateOrgTree', () => {
  const tree = [
    { id: uid(1), parentId: null, kind: 'work_committee' },
    { id: uid(2), parentId: uid(1), kind: 'department_committee' },
    { id: uid(3), parentId: uid(2), kind: 'general_branch' },
    { id: uid(4), parentId: uid(3), kind: 'branch' },
    { id: uid(5), parentId: uid(4), kind: 'party_group' },
    { id: uid(6), parentId: uid(2), kind: 'branch' },
  ];
  it('ORG-1: 工委 → 部门党组 → 总支 → 支部 → 党小组 is a sound tree', () => {
    expect(validateOrgTree(tree)).toStrictEqual({ ok: true, issues: [] });
  });
  it('ORG-1: a branch directly under a party group, and a root that is not the 工委, are reported', () => {
    const bad = [...tree, { id: uid(7), parentId: uid(5), kind: 'branch' }, { id: uid(8), parentId: null, kind: 'branch' }];
    expect(validateOrgTree(bad)).toStrictEqual({ ok: false, issues: [
      { orgId: uid(7), code: 'WRONG_PARENT_KIND', messageZh: '党支部不能隶属于党小组' },
      { orgId: uid(8), code: 'ROOT_NOT_WORK_COMMITTEE', messageZh: '只有机关工委可以作为最上级组织' },
    ] });
  });
  it('ORG-1: a missing parent and a cycle are reported', () => {
    const bad = [
      { id: uid(1), parentId: uid(99), kind: 'department_committee' },
      { id: uid(2), parentId: uid(3), kind: 'branch' },
      { id: uid(3), parentId: uid(2), kind: 'general_branch' },
    ];
    expect(validateOrgTree(bad).issues.map((i) => [i.orgId, i.code])).toStrictEqual([
      [uid(1), 'MISSING_PARENT'], [uid(2), 'CYCLE'], [uid(3), 'WRONG_PARENT_KIND'], [uid(3), 'CYCLE'],
    ]);
  });
  it('ORG-1: duplicate ids are refused (DUPLICATE_MEMBER), an unknown kind too (UNKNOWN_MEETING_KIND is for meetings only)', () => {
    expect(codeOf(() => validateOrgTree([tree[0], tree[0]]))).toBe('DUPLICATE_MEMBER');
    expect(codeOf(() => validateOrgTree([{ id: uid(1), parentId: null, kind: 'club' }]))).toBe('VALIDATION_FAILED');
  });
});

describe('statusRights', () => {
  it.each([
    ['full', { isMember: true, canVote: true, graded: true }],
    ['probationary', { isMember: true, canVote: false, graded: false }],
    ['activist', { isMember: false, canVote: false, graded: false }],
    ['candidate', { isMember: false, canVote: false, graded: false }],
    ['non_member', { isMember: false, canVote: false, graded: false }],
  ] as const)('ORG-2: a %s member has %o', (status, rights) => {
    expect(statusRights(status)).toStrictEqual(rights);
  });
});

describe('canAttend', () => {
  it.each([
    ['activist', 'party_lecture', false, true],
    ['non_member', 'theme_day', false, true],
    ['activist', 'general_meeting', false, false],
    ['probationary', 'life_meeting', false, true],
    ['full', 'committee_meeting', false, false],
    ['full', 'committee_meeting', true, true],
  ] as const)('ORG-2: %s at %s (on committee: %s) → %s', (status, kind, onCommittee, expected) => {
    expect(canAttend(status, kind, onCommittee)).toBe(expected);
  });
  it('ORG-2: an unknown meeting kind is UNKNOWN_MEETING_KIND', () => {
    expect(codeOf(() => canAttend('full', 'picnic' as never))).toBe('UNKNOWN_MEETING_KIND');
  });
});

describe('canPreside', () => {
  it.each([
    ['general_meeting', ['secretary'], false, true],
    ['general_meeting', ['committee_member'], false, false],
    ['general_meeting', ['committee_member'], true, true],
    ['group_meeting', ['group_leader'], false, true],
    ['group_meeting', ['secretary'], true, false],
    ['life_meeting', ['deputy_secretary'], true, false],
  ] as const)('ORG-3: %s presided by %j (delegated: %s) → %s', (kind, roles, delegated, expected) => {
    expect(canPreside({ kind, roles: [...roles], delegated })).toBe(expected);
  });
});

describe('maskMobile', () => {
  it('ORG-4: 13812341234 is shown as 138****1234', () => {
    expect(maskMobile('13812341234')).toBe('138****1234');
  });
  it('ORG-4: refuses something that is not a mainland mobile number', () => {
    expect(codeOf(() => maskMobile('12345'))).toBe('VALIDATION_FAILED');
  });
});

describe('observerEntryForViewer', () => {
  const entry = { personId: uid(1), name: '张三', gender: 'male', unit: '区财政局', post: '办公室主任', mobile: '13812341234', serves: ['xunting', 'pangting'] };
  it('ORG-4: office staff see the full number, everyone else the masked one', () => {
    expect(observerEntryForViewer(entry, true).mobile).toBe('13812341234');
    expect(observerEntryForViewer(entry, false)).toStrictEqual({ ...entry, mobile: '138****1234' });
  });
});
