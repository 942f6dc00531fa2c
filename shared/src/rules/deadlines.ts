// CALC-3: every due date around an observation (OBS-5, FB-1..4) and its state at `now`.
// Dates go out as YYYY-MM-DD (D9); a due date is the last allowed day, inclusive.
import * as z from 'zod';
import { addWorkingDays } from '../calendar';
import { ZCalendarDate } from '../schemas/period';
import { parsePolicy, type TPolicy, type TPolicyInput } from '../policy';
import { ZDeadlinesInput, type TDeadline, type TDeadlineKey, type TDeadlineState } from '../schemas/deadlines';
import { onDate, toDateString } from '../time';
import { parseRuleInput } from './parse';

// Schemas made once: zod compiles a schema on its first parse, so one made per call was compiled per call (see periods.ts).
const ZDeadlineStateInput = z.object({ dueDate: ZCalendarDate, today: ZCalendarDate, doneOn: ZCalendarDate.nullable() });

const fmt = 'YYYY-MM-DD';
const shift = (date: string, n: number, unit: 'day' | 'month') => onDate(date).add(n, unit).format(fmt);

/** Date arithmetic the rules need; a batch (rules/deadline-board.ts) hands in a cached one. */
export interface DeadlineCalendar {
  /** FB-6: `n` working days after `date` (CALENDAR_OUT_OF_RANGE past the holiday data). */
  workdays(date: string, n: number): string;
  shift(date: string, n: number, unit: 'day' | 'month'): string;
  /** The Shanghai date of an instant. */
  dateOf(instant: string): string;
}
export const PLAIN_CALENDAR: DeadlineCalendar = { workdays: addWorkingDays, shift, dateOf: toDateString };

/** deadlineState on inputs already known to be dates (a batch checks its input once). */
export function stateOf(dueDate: string, today: string, doneOn: string | null, policy: TPolicy, cal: DeadlineCalendar): TDeadlineState {
  if (doneOn !== null) return 'done';
  if (today > dueDate) return 'overdue';
  return cal.shift(today, policy.dueSoonDays, 'day') >= dueDate ? 'due_soon' : 'upcoming';
}

/** CALC-3: upcoming → due_soon (within policy.dueSoonDays) → overdue (the day after); done wins. */
export function deadlineState(dueDate: string, today: string, doneOn: string | null, policy: TPolicy): TDeadlineState {
  parseRuleInput(ZDeadlineStateInput, { dueDate, today, doneOn });
  return stateOf(dueDate, today, doneOn, policy, PLAIN_CALENDAR);
}

export const DEADLINE_LABELS: Record<TDeadlineKey, [string, string]> = {
  booking: ['OBS-5', '支部预约观摩时间'],
  plan_submission: ['OBS-5', '提交组织方案（议程、内容、主持人、时间地点）'],
  sheet_submission: ['FB-1', '评议表报送机关工委'],
  feedback_to_branch: ['FB-1', '书面评价反馈被观摩支部'],
  rectification: ['FB-2', '支委会研究反馈意见并完成整改'],
  report_back: ['FB-3', '受邀支委在本支部支委会上汇报'],
  progress_report: ['FB-4', '向党员通报整改进展（每半年）'],
  commitment_report: ['FB-4', '党员报告个人承诺落实情况（每季度）'],
  rectification_item: ['FB-2', '整改事项'],
};

type Observation = { mode: string; startsAt: string; scheduledBy?: 'office' | 'branch'; inviteeNextCommitteeMeetingOn?: string };

/** The rows of one observation whose input is already parsed; `today` is a Shanghai date. */
export function deadlineRows(o: Observation, done: Partial<Record<TDeadlineKey, string>>, today: string, policy: TPolicy, cal: DeadlineCalendar): TDeadline[] {
  const meetingDay = cal.dateOf(o.startsAt);
  const rows: { key: TDeadlineKey; dueDate: string; basis: TDeadline['basis'] }[] = [];
  if (o.mode === 'guancha') {
    if (o.scheduledBy === 'branch') rows.push({ key: 'booking', dueDate: cal.shift(meetingDay, -policy.bookingMonthsAhead, 'month'), basis: 'months' });
    rows.push({ key: 'plan_submission', dueDate: cal.shift(meetingDay, -policy.planDueDaysBefore, 'day'), basis: 'calendar_days' });
  }
  rows.push({ key: 'sheet_submission', dueDate: cal.workdays(meetingDay, policy.sheetsDueWorkingDays), basis: 'working_days' });
  const feedbackDue = cal.workdays(meetingDay, policy.feedbackDueWorkingDays);
  rows.push({ key: 'feedback_to_branch', dueDate: feedbackDue, basis: 'working_days' });
  // FB-2, FB-4 run from the day the feedback actually arrived; until then, from its due date.
  const feedbackDay = done.feedback_to_branch ? cal.dateOf(done.feedback_to_branch) : feedbackDue;
  rows.push({ key: 'rectification', dueDate: cal.shift(feedbackDay, policy.rectificationMonths, 'month'), basis: 'months' });
  if (o.mode === 'guancha') {
    // FB-3: at the next committee meeting; committees meet monthly (MTG-2), so by the end of next month at the latest.
    const fallback = onDate(meetingDay).add(1, 'month').endOf('month').format(fmt);
    rows.push(o.inviteeNextCommitteeMeetingOn
      ? { key: 'report_back', dueDate: o.inviteeNextCommitteeMeetingOn, basis: 'next_committee_meeting' }
      : { key: 'report_back', dueDate: fallback, basis: 'months' });
  }
  rows.push({ key: 'commitment_report', dueDate: cal.shift(feedbackDay, policy.commitmentReportMonths, 'month'), basis: 'months' });
  rows.push({ key: 'progress_report', dueDate: cal.shift(feedbackDay, policy.progressReportMonths, 'month'), basis: 'months' });
  return rows.map(({ key, dueDate, basis }) => {
    const at = done[key];
    const doneOn = at ? cal.dateOf(at) : null;
    const [ruleId, labelZh] = DEADLINE_LABELS[key];
    return { key, ruleId, labelZh, dueDate, basis, state: stateOf(dueDate, today, doneOn, policy, cal), doneOn, late: doneOn !== null && doneOn > dueDate };
  });
}

/**
 * CALC-3: due dates of one observation. Working-day deadlines (FB-1) use China's calendar (FB-6)
 * and throw CALENDAR_OUT_OF_RANGE past the holiday data rather than guess.
 */
export function observationDeadlines(input: unknown, policyInput: TPolicyInput = {}): TDeadline[] {
  const policy = parsePolicy(policyInput);
  const { observation, done, now } = parseRuleInput(ZDeadlinesInput, input);
  return deadlineRows(observation, done, toDateString(now), policy, PLAIN_CALENDAR);
}
