// CALC-3: the deadlines board as the page shows it: per branch or per observer, overdue first and
// highlighted, dates in Chinese with the weekday; deadlines past the holiday calendar are 待公布.
import type { TDeadlineBoard, TDeadlineState, TObservationListItem } from '../../../services/office/schemas';
import { OBSERVATION_MODE_ZH } from '../../../constants/labels';
import { daysBetween, formatDayZh, formatWhenZh } from '../../components/dates';

export const DEADLINE_STATE_ZH: Record<TDeadlineState, string> = {
  overdue: '已超期',
  due_soon: '即将到期',
  upcoming: '未到期',
  done: '已完成',
};

/** '超期 3 天' / '今天到期' / '还剩 2 天', from the two dates the server sent. */
export function dueInText(today: string, dueDate: string): string {
  const d = daysBetween(today, dueDate);
  if (d < 0) return `超期 ${-d} 天`;
  return d === 0 ? '今天到期' : `还剩 ${d} 天`;
}

export interface DeadlineRow {
  key: string;
  label: string;
  ruleId: string;
  /** Per observer: which branch the item is about; per branch: which observation mode. */
  about: string;
  due: string;
  dueIn: string;
  state: TDeadlineState;
  stateZh: string;
  overdue: boolean;
}

export interface DeadlineSection { id: string; name: string; overdue: number; dueSoon: number; rows: DeadlineRow[] }

const STATE_ORDER: Record<TDeadlineState, number> = { overdue: 0, due_soon: 1, upcoming: 2, done: 3 };

export function boardSections(board: TDeadlineBoard): DeadlineSection[] {
  const year = Number(board.today.slice(0, 4));
  return board.groups
    .map((g) => ({
      id: g.id,
      name: g.name || '（未署名）',
      overdue: g.counts.overdue ?? 0,
      dueSoon: g.counts.due_soon ?? 0,
      rows: g.items
        .slice()
        .sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.dueDate.localeCompare(b.dueDate))
        .map((i): DeadlineRow => ({
          key: `${i.observationId}:${i.key}`,
          label: i.labelZh,
          ruleId: i.ruleId,
          about: board.by === 'observer' ? `${i.branchName} · ${OBSERVATION_MODE_ZH[i.mode]}` : OBSERVATION_MODE_ZH[i.mode],
          due: formatDayZh(i.dueDate, year),
          dueIn: dueInText(board.today, i.dueDate),
          state: i.state,
          stateZh: DEADLINE_STATE_ZH[i.state],
          overdue: i.state === 'overdue',
        })),
    }))
    .sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name, 'zh'));
}

export function boardTotals(board: TDeadlineBoard): { overdue: number; dueSoon: number } {
  return board.groups.reduce((t, g) => ({ overdue: t.overdue + (g.counts.overdue ?? 0), dueSoon: t.dueSoon + (g.counts.due_soon ?? 0) }), { overdue: 0, dueSoon: 0 });
}

/** Observations whose deadlines run past the published holiday calendar (FB-6): shown as 待公布. */
export function pendingRows(board: TDeadlineBoard, observations: readonly TObservationListItem[]): { id: string; title: string; detail: string }[] {
  const year = Number(board.today.slice(0, 4));
  const byId = new Map(observations.map((o) => [o.id, o]));
  return board.beyondCalendar.map((id) => {
    const o = byId.get(id);
    return o
      ? { id, title: o.orgName, detail: `${OBSERVATION_MODE_ZH[o.mode]} · ${formatWhenZh(o.startsAt, year)} · 期限待公布` }
      : { id, title: '一次观摩', detail: '期限待公布' };
  });
}
