// CALC-3 over many observations at once (the office's deadlines board, the reminder sender): every deadline
// of OBS-5 and FB-1..4 with what the data says is done, each rectification item (FB-2) on its own due date,
// and FB-4's periodic reports as the next one still owed. The policy is parsed once and date arithmetic is
// cached for the batch: a province's year is thousands of observations on a few hundred distinct days.
import { isDomainError } from '../errors';
import { parsePolicy, type TPolicy, type TPolicyInput } from '../policy';
import { ZBoardInput, type TBoardDeadline, type TDeadline, type TDeadlineKey } from '../schemas/deadlines';
import { DEADLINE_LABELS, PLAIN_CALENDAR, deadlineRows, stateOf, type DeadlineCalendar } from './deadlines';
import { rectificationDoneAt } from './rectification';
import { parseRuleInput } from './parse';
import type * as z from 'zod';

type Parsed = z.infer<typeof ZBoardInput>['observations'][number];

/** OBS-5: the cycle is yearly, so FB-4's reports are followed for the 12 months after the feedback; the next visit takes over. */
export const REPORT_HORIZON_MONTHS = 12;
/** FB-2, FB-4: the branch's clock starts when the feedback reaches it; until then the late one is FB-1's feedback. */
const AFTER_FEEDBACK: ReadonlySet<TDeadlineKey> = new Set(['rectification', 'progress_report', 'commitment_report']);
const SHANGHAI_MS = 8 * 3600 * 1000;

function memo<A extends unknown[]>(fn: (...a: A) => string): (...a: A) => string {
  const cache = new Map<string, string>();
  return (...a) => {
    const k = a.join('|');
    let v = cache.get(k);
    if (v === undefined) { v = fn(...a); cache.set(k, v); }
    return v;
  };
}

/** The Shanghai date of an instant at the fixed +08:00 of D9 (China keeps no DST): toDateString without a date library, for batches. */
export function shanghaiDate(instant: string): string {
  return new Date(Date.parse(instant) + SHANGHAI_MS).toISOString().slice(0, 10);
}

/** The shared calendar with every answer remembered. */
function batchCalendar(): DeadlineCalendar {
  return { workdays: memo(PLAIN_CALENDAR.workdays), shift: memo(PLAIN_CALENDAR.shift), dateOf: shanghaiDate };
}

/**
 * FB-1 for one observer: the group's sheet deadline, done when their own first version came in (`sheetAt`).
 * `groupRow` comes from this rule, so only the member's own done-ness is new: no date library per member.
 */
export function ownSheetDeadline(groupRow: TDeadline, sheetAt: string | null, today: string, policy: TPolicy): TDeadline {
  const doneOn = sheetAt ? shanghaiDate(sheetAt) : null;
  const state = doneOn !== null ? 'done' : groupRow.state !== 'done' ? groupRow.state : stateOf(groupRow.dueDate, today, null, policy, PLAIN_CALENDAR);
  return { ...groupRow, doneOn, state, late: doneOn !== null && doneOn > groupRow.dueDate };
}

/** FB-4: the first period not yet reported within the horizon (period n falls due n-1 intervals after the first); all reported: the last, done. */
function nextReport(first: TDeadline, o: Parsed, months: number, today: string, policy: TPolicy, cal: DeadlineCalendar): TBoardDeadline {
  const filed = new Map(o.reports.filter((r) => r.kind === first.key).map((r) => [r.periodNo, r.heldOn]));
  const periods = Math.max(1, Math.floor(REPORT_HORIZON_MONTHS / months));
  for (let n = 1; n <= periods; n += 1) {
    const dueDate = cal.shift(first.dueDate, (n - 1) * months, 'month');
    const heldOn = filed.get(n);
    if (heldOn === undefined || n === periods) {
      const doneOn = heldOn ?? null;
      return { ...first, periodNo: n, dueDate, doneOn, state: stateOf(dueDate, today, doneOn, policy, cal), late: doneOn !== null && doneOn > dueDate };
    }
  }
  return first;
}

function itemRow(i: Parsed['items'][number], today: string, policy: TPolicy, cal: DeadlineCalendar): TBoardDeadline {
  const doneOn = i.status === 'closed' && i.closedAt ? cal.dateOf(i.closedAt) : null;
  return {
    key: 'rectification_item', ruleId: DEADLINE_LABELS.rectification_item[0], labelZh: `${DEADLINE_LABELS.rectification_item[1]}：${i.title}`,
    dueDate: i.dueDate, basis: 'item_due_date', state: stateOf(i.dueDate, today, doneOn, policy, cal), doneOn, late: doneOn !== null && doneOn > i.dueDate,
    itemId: i.id, ownerId: i.ownerId, loop: i.status,
  };
}

function rowsOf(o: Parsed, today: string, policy: TPolicy, cal: DeadlineCalendar): TBoardDeadline[] {
  const done: Partial<Record<TDeadlineKey, string>> = { ...o.done };
  const reportBack = o.reports.find((r) => r.kind === 'report_back');
  if (reportBack) done.report_back = `${reportBack.heldOn}T12:00:00+08:00`;
  const rectified = rectificationDoneAt(o.discussedAt, o.items.map((i) => ({ status: i.status, closedAt: i.closedAt })));
  if (rectified) done.rectification = rectified;
  const sent = done.feedback_to_branch !== undefined;
  const rows: TBoardDeadline[] = deadlineRows(o.observation, done, today, policy, cal)
    .filter((d) => sent || !AFTER_FEEDBACK.has(d.key))
    .map((d) => {
      if (d.key === 'progress_report') return nextReport(d, o, policy.progressReportMonths, today, policy, cal);
      if (d.key === 'commitment_report') return nextReport(d, o, policy.commitmentReportMonths, today, policy, cal);
      return d;
    });
  return [...rows, ...o.items.map((i) => itemRow(i, today, policy, cal))];
}

/**
 * CALC-3: the deadlines of each observation at `now`, in input order; `rows` is null for an observation whose
 * working-day deadlines fall past the holiday data (CALENDAR_OUT_OF_RANGE): not known yet, rather than guessed.
 */
export function boardDeadlines(input: unknown, policyInput: TPolicyInput = {}): { id: string | undefined; rows: TBoardDeadline[] | null }[] {
  const policy = parsePolicy(policyInput);
  const { observations, now } = parseRuleInput(ZBoardInput, input);
  const cal = batchCalendar();
  const today = cal.dateOf(now);
  return observations.map((o) => {
    try {
      return { id: o.observation.id, rows: rowsOf(o, today, policy, cal) };
    } catch (e) {
      if (isDomainError(e) && e.code === 'CALENDAR_OUT_OF_RANGE') return { id: o.observation.id, rows: null };
      throw e;
    }
  });
}
