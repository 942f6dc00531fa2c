// OBS-2..5 / CALC-2: the observations of the year as the schedule page lists them, and how the
// group rules' refusals are explained (OBS-8).
import type { TMeetingKind } from '../../../services/schemas';
import type { TGroupView, TObservationListItem } from '../../../services/office/schemas';
import { MEETING_KIND_ZH, OBSERVATION_MODE_ZH } from '../../../constants/labels';
import { formatWhenZh } from '../../components/dates';

export const OBSERVATION_STATUS_ZH: Record<TObservationListItem['status'], string> = {
  scheduled: '已安排',
  held: '已举行',
  feedback_sent: '已反馈',
  closed: '已结束',
  cancelled: '已取消',
};

/** '支部党员大会：学习…'; topics often start with the kind already, and it is not said twice. */
export function meetingTitle(kind: TMeetingKind, topic: string): string {
  return topic.startsWith(MEETING_KIND_ZH[kind]) ? topic : `${MEETING_KIND_ZH[kind]}：${topic}`;
}

/** The group in one line: '崔悦佳（组长）、石雯丽、郭博'. */
export function groupText(group: TObservationListItem['group']): string {
  if (group.length === 0) return '未安排观察小组';
  return group.map((m) => (m.isLeader ? `${m.name}（组长）` : m.name)).join('、');
}

/** The row after the rule picked its group (OBS-8), as the list would give it on the next load. */
export function withGroup(o: TObservationListItem, g: TGroupView): TObservationListItem {
  const group = g.members.map((m) => ({ personId: m.personId, name: m.name, isLeader: m.isLeader }));
  return { ...o, groupSize: group.length, group };
}

export interface ObservationRow {
  id: string;
  branch: string;
  mode: string;
  meeting: string;
  when: string;
  status: string;
  group: string;
  /** Scheduled and no group yet: the page offers 自动分组. */
  needsGroup: boolean;
  cancelled: boolean;
}

export function observationRow(o: TObservationListItem, year: number): ObservationRow {
  return {
    id: o.id,
    branch: o.orgName,
    mode: OBSERVATION_MODE_ZH[o.mode],
    meeting: meetingTitle(o.kind, o.topic),
    when: formatWhenZh(o.startsAt, year),
    status: OBSERVATION_STATUS_ZH[o.status],
    group: groupText(o.group),
    needsGroup: o.groupSize === 0 && o.status !== 'cancelled',
    cancelled: o.status === 'cancelled',
  };
}

/** What the office can do about a refusal of the group rules, after the server's own sentence. */
const NEXT_STEP_ZH: Record<string, string> = {
  POOL_TOO_SMALL: '请在人员库中增加可参加此类观摩的人员，或在制度参数中调整小组人数。',
  NO_OFFICE_STAFF: '请把机关党委办工作人员加入人员库后再分组。',
  NO_COMMITTEE_MEMBER: '请把其他支部的支委加入人员库后再分组。',
  GROUP_SINGLE_UNIT: '请换入一名其他单位的人员。',
  CONFLICT_OF_INTEREST: '请换下标出的人员：观察人员不得观摩本人所在的支部（OBS-8）。',
  GROUP_LOCKED: '已有组员签到，小组不能再调整。',
  NOT_IN_POOL: '请从人员库中选择在册的人员。',
  OBSERVATION_CANCELLED: '本次观摩已取消，无需分组。',
};

export function refusalText(e: { code: string; message: string }): string {
  const next = NEXT_STEP_ZH[e.code];
  return next ? `${e.message}。${next}` : e.message;
}
