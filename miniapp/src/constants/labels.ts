import type { TBranchRole, TLeaveCategory, TMeetingKind, TMemberStatus, TObservationMode, TOrgKind, TRosterRow } from '../services/schemas';

type TAttendanceStateName = TRosterRow['state'];

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

export const MEETING_KIND_ZH: Record<TMeetingKind, string> = {
  general_meeting: '支部党员大会',
  committee_meeting: '支部委员会',
  group_meeting: '党小组会',
  party_lecture: '党课',
  theme_day: '主题党日',
  life_meeting: '组织生活会',
  member_appraisal: '民主评议党员',
  heart_talk: '谈心谈话',
};

export const LEAVE_CATEGORY_ZH: Record<TLeaveCategory, string> = {
  sick: '病假',
  personal: '事假',
  official: '公假',
};

export const ATTENDANCE_STATE_ZH: Record<TAttendanceStateName, string> = {
  confirmed: '已确认参会',
  present: '已签到',
  leave: '已请假',
  absent: '缺席',
  unknown: '未回复',
};

export const OBSERVATION_MODE_ZH: Record<TObservationMode, string> = {
  xunting: '巡听',
  pangting: '旁听',
  guancha: '观察',
};

export const VOTE_CHOICE_ZH = { yes: '同意', no: '不同意', abstain: '弃权' } as const;
