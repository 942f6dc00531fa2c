import type { TMe, TMeeting, TObservationDetail } from '../../services/schemas';
import { MEETING_KIND_ZH, OBSERVATION_MODE_ZH } from '../../constants/labels';
import { ROUTE_TO } from '../../constants/routes';
import { dateOfInstant, formatTimeZh } from '../../components/format';

export type TaskKind = 'meeting' | 'observation' | 'sheet';

/** One line of 我的待办. `date` is YYYY-MM-DD as the server gave it; pages only format it. */
export interface TaskItem {
  key: string;
  kind: TaskKind;
  /** What to do, e.g. '参加：支部党员大会'. */
  label: string;
  title: string;
  detail: string;
  date: string;
  time: string | null;
  url: string;
}

const KIND_ORDER: Record<TaskKind, number> = { observation: 0, sheet: 1, meeting: 2 };

/**
 * Builds the list from what the API gives today: the meetings the caller can see (from today on) and
 * the observations among them where the caller is in the group. A meeting of one's own branch is one
 * to attend; an observation adds its notes-and-plan item and its score sheet.
 */
export function buildTasks(me: TMe, meetings: TMeeting[], observations: TObservationDetail[]): TaskItem[] {
  const myOrgs = new Set(me.memberships.map((m) => m.orgId));
  const mine = observations.filter((o) => o.status !== 'cancelled' && o.group.some((g) => g.personId === me.id));
  const observed = new Set(mine.map((o) => o.meeting.id));
  const items: TaskItem[] = [];

  for (const o of mine) {
    const m = o.meeting;
    const where = `${m.orgName} · ${m.place}`;
    items.push({
      key: `observation:${o.id}`, kind: 'observation', label: `${OBSERVATION_MODE_ZH[o.mode]}任务`,
      title: m.topic, detail: `${MEETING_KIND_ZH[m.kind]} · ${where}`,
      date: dateOfInstant(m.startsAt), time: formatTimeZh(m.startsAt), url: ROUTE_TO.meeting(m.id),
    });
    items.push({
      key: `sheet:${o.id}`, kind: 'sheet', label: '评分表',
      title: m.topic, detail: `会后填写并提交 · ${m.orgName}`,
      date: dateOfInstant(m.startsAt), time: null, url: ROUTE_TO.score(o.id),
    });
  }

  for (const m of meetings) {
    if (m.status !== 'planned' || !myOrgs.has(m.orgId) || observed.has(m.id)) continue;
    items.push({
      key: `meeting:${m.id}`, kind: 'meeting', label: `参加${MEETING_KIND_ZH[m.kind]}`,
      title: m.topic, detail: `${m.orgName} · ${m.place}`,
      date: dateOfInstant(m.startsAt), time: formatTimeZh(m.startsAt), url: ROUTE_TO.meeting(m.id),
    });
  }

  return items.sort((a, b) => a.date.localeCompare(b.date)
    || (a.time ?? '99:99').localeCompare(b.time ?? '99:99')
    || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}
