import type { TBranchRole, TMemberStatus, TOrgKind } from '../services/schemas';

// Chinese names of the shared enums, for display only.
export const ORG_KIND_ZH: Record<TOrgKind, string> = {
  work_committee: '工委',
  department_committee: '部门党委',
  party_committee: '党委',
  general_branch: '党总支',
  branch: '党支部',
  party_group: '党小组',
};

export const MEMBER_STATUS_ZH: Record<TMemberStatus, string> = {
  full: '正式党员',
  probationary: '预备党员',
  activist: '入党积极分子',
  candidate: '发展对象',
  non_member: '非党员',
};

export const BRANCH_ROLE_ZH: Record<TBranchRole, string> = {
  secretary: '书记',
  deputy_secretary: '副书记',
  committee_member: '委员',
  group_leader: '党小组组长',
};
