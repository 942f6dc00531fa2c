import type { THistoryState, TMyAttendanceItem, TMyAttendanceResponse, TMyRectificationItem } from '../../../services/branch-schemas';
import { MEETING_KIND_ZH } from '../../../constants/labels';
import { BRANCH_ROUTE_TO } from '../../../constants/routes';
import { DEADLINE_STATE_ZH, RECTIFICATION_STATUS_ZH } from '../../../constants/rectification';
import { formatDateZh, formatSpanZh, formatTimeZh } from '../../../components/format';

/** 出席 / 补录 / 请假 / 缺席 (ATT-1). */
export const HISTORY_STATE_ZH: Record<THistoryState, string> = { present: '出席', backfill: '补录', leave: '请假', absent: '缺席' };

/** '2026年：出席 5 次 · 补录 1 次 · 请假 2 次 · 缺席 1 次' (the whole year, not the page). */
export function countsLine(h: Pick<TMyAttendanceResponse, 'year' | 'counts'>): string {
  const order: THistoryState[] = ['present', 'backfill', 'leave', 'absent'];
  const total = order.reduce((n, s) => n + h.counts[s], 0);
  if (total === 0) return `${h.year}年还没有已结束的会议记录`;
  return `${h.year}年：${order.map((s) => `${HISTORY_STATE_ZH[s]} ${h.counts[s]} 次`).join(' · ')}`;
}

/** One past meeting: topic; when, what and where; how I attended (with the leave reason or check-in time). */
export function attendanceRow(i: TMyAttendanceItem): { title: string; description: string; state: string; stateClass: THistoryState } {
  const detail =
    i.state === 'leave' ? `请假理由：${i.leaveReason ?? '—'}`
    : i.state === 'absent' ? '未签到，也没有请假'
    : i.checkedInAt ? `${i.state === 'backfill' ? '主持人补录' : '签到'} ${formatTimeZh(i.checkedInAt)}`
    : '';
  return {
    title: i.topic,
    description: `${formatSpanZh(i.startsAt, i.endsAt)}\n${MEETING_KIND_ZH[i.kind]} · ${i.orgName}${detail ? `\n${detail}` : ''}`,
    state: HISTORY_STATE_ZH[i.state],
    stateClass: i.state,
  };
}

/** The next page added after the ones already shown (a meeting is never listed twice). */
export function appendPage(shown: TMyAttendanceItem[], page: TMyAttendanceItem[]): TMyAttendanceItem[] {
  const seen = new Set(shown.map((i) => i.meetingId));
  return [...shown, ...page.filter((i) => !seen.has(i.meetingId))];
}

/** One item I own (FB-2, FB-4): by when, where it stands, and why it came back. */
export function myItemRow(i: TMyRectificationItem): { title: string; description: string; urgent: boolean; url: string } {
  const deadline = i.status === 'closed' ? '' : ` · ${DEADLINE_STATE_ZH[i.state]}`;
  const reason = i.status === 'returned' && i.returnReason ? `\n退回理由：${i.returnReason}` : '';
  return {
    title: i.title,
    description: `${formatDateZh(i.dueDate)}前完成${deadline}\n${RECTIFICATION_STATUS_ZH[i.status]}（${i.orgName}：${i.meetingTopic}）${reason}`,
    urgent: i.state === 'overdue' || i.status === 'returned',
    url: BRANCH_ROUTE_TO.item(i.observationId, i.id),
  };
}
