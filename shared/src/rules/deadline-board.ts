// CALC-3 over many observations at once (the office's deadlines board, the reminder sender): every deadline
// of OBS-5 and FB-1..4 with what the data says is done, each rectification item (FB-2) on its own due date,
// and FB-4's periodic reports as the next one still owed. The policy is parsed once and date arithmetic is
// remembered across batches: a province's year is thousands of observations on a few hundred distinct days.
import { isDomainError } from '../errors';
import { parsePolicy, type TPolicy, type TPolicyInput } from '../policy';
import { ZBoardInput, type TBoardDeadline, type TDeadline, type TDeadlineKey } from '../schemas/deadlines';
import { DEADLINE_LABELS, PLAIN_CALENDAR, deadlineRows, stateOf, type DeadlineCalendar } from './deadlines';
import { rectificationDoneAt } from './rectification';
import { remember } from './memo';
import { parseRuleInput } from './parse';
import type * as z from 'zod';

/** One observation of the board as ZBoardObservation parses it (defaults filled in). */
export type TBoardObservationParsed = z.output<typeof ZBoardInput>['observations'][number];
type Parsed = TBoardObservationParsed;

/** OBS-5: the cycle is yearly, so FB-4's reports are followed for the 12 months after the feedback; the next visit takes over. */
export const REPORT_HORIZON_MONTHS = 12;
/** FB-2, FB-4: the branch's clock starts when the feedback reaches it; until then the late one is FB-1's feedback. */
const AFTER_FEEDBACK: ReadonlySet<TDeadlineKey> = new Set(['rectification', 'progress_report', 'commitment_report']);
const SHANGHAI_MS = 8 * 3600 * 1000;

// Working-day and month arithmetic (FB-6) goes through zod, dayjs and the holiday data on every call; the answers
// depend on the arguments alone (strings, shared safely), so they are remembered across batches. Bounded: a
// year's board asks a few thousand; a failure (CALENDAR_OUT_OF_RANGE) is not remembered and throws each time.
const MEMO_MAX = 20_000;
const workdaysMemo = new Map<string, string>();
const shiftMemo = new Map<string, string>();
const nextDayMemo = new Map<string, string>();

/**
 * The Shanghai date of an instant at the fixed +08:00 of D9 (China keeps no DST): toDateString without a date
 * library, for batches. The instants a batch reads are mostly toISOString's own form (YYYY-MM-DDTHH:mm:ss.sssZ):
 * for those the date is the UTC date, or the next day from 16:00 UTC on, read off the text.
 */
export function shanghaiDate(instant: string): string {
  if (instant.length === 24 && instant.charCodeAt(23) === 90 /* Z */ && instant.charCodeAt(10) === 84 /* T */) {
    const day = instant.slice(0, 10);
    const hour = (instant.charCodeAt(11) - 48) * 10 + (instant.charCodeAt(12) - 48);
    return hour < 16 ? day : remember(nextDayMemo, day, MEMO_MAX, () => new Date(Date.parse(`${day}T16:00:00.000Z`) + SHANGHAI_MS).toISOString().slice(0, 10));
  }
  return new Date(Date.parse(instant) + SHANGHAI_MS).toISOString().slice(0, 10);
}

/** The shared calendar with every answer remembered. */
const BATCH_CALENDAR: DeadlineCalendar = {
  workdays: (date, n) => remember(workdaysMemo, `${date}|${n}`, MEMO_MAX, () => PLAIN_CALENDAR.workdays(date, n)),
  shift: (date, n, unit) => remember(shiftMemo, `${date}|${n}|${unit}`, MEMO_MAX, () => PLAIN_CALENDAR.shift(date, n, unit)),
  dateOf: shanghaiDate,
};

/**
 * FB-1 for one observer: the group's sheet deadline, done when their own first version came in (`sheetAt`).
 * `groupRow` comes from this rule, so only the member's own done-ness is new: no date library per member.
 */
export function ownSheetDeadline(groupRow: TDeadline, sheetAt: string | null, today: string, policy: TPolicy): TDeadline {
  const doneOn = sheetAt ? shanghaiDate(sheetAt) : null;
  const state = doneOn !== null ? 'done' : groupRow.state !== 'done' ? groupRow.state : stateOf(groupRow.dueDate, today, null, policy, PLAIN_CALENDAR);
  return { ...groupRow, doneOn, state, late: doneOn !== null && doneOn > groupRow.dueDate };
}

/** When period `n` of a report of this kind was held, if it was (the last one filed counts). */
function heldOnOf(reports: Parsed['reports'], kind: TDeadlineKey, n: number): string | undefined {
  for (let i = reports.length - 1; i >= 0; i -= 1) {
    const r = reports[i]!;
    if (r.kind === kind && r.periodNo === n) return r.heldOn;
  }
  return undefined;
}

/** FB-4: the first period not yet reported within the horizon (period n falls due n-1 intervals after the first); all reported: the last, done. */
function nextReport(first: TDeadline, o: Parsed, months: number, today: string, policy: TPolicy, cal: DeadlineCalendar): TBoardDeadline {
  const periods = Math.max(1, Math.floor(REPORT_HORIZON_MONTHS / months));
  for (let n = 1; n <= periods; n += 1) {
    const dueDate = n === 1 ? first.dueDate : cal.shift(first.dueDate, (n - 1) * months, 'month');
    const heldOn = heldOnOf(o.reports, first.key, n);
    if (heldOn === undefined || n === periods) {
      const doneOn = heldOn ?? null;
      // The first period's row with its own period, date and state (a literal: this runs for every observation).
      return { key: first.key, ruleId: first.ruleId, labelZh: first.labelZh, dueDate, basis: first.basis,
        state: stateOf(dueDate, today, doneOn, policy, cal), doneOn, late: doneOn !== null && doneOn > dueDate, periodNo: n };
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
  // FB-2 needs the committee's discussion first: most observations have none, and then no item is looked at.
  const rectified = o.discussedAt.length > 0 ? rectificationDoneAt(o.discussedAt, o.items) : null;
  if (rectified) done.rectification = rectified;
  const sent = done.feedback_to_branch !== undefined;
  const rows: TBoardDeadline[] = [];
  for (const d of deadlineRows(o.observation, done, today, policy, cal)) {
    if (!sent && AFTER_FEEDBACK.has(d.key)) continue;
    if (d.key === 'progress_report') rows.push(nextReport(d, o, policy.progressReportMonths, today, policy, cal));
    else if (d.key === 'commitment_report') rows.push(nextReport(d, o, policy.commitmentReportMonths, today, policy, cal));
    else rows.push(d);
  }
  for (const i of o.items) rows.push(itemRow(i, today, policy, cal));
  return rows;
}

/**
 * CALC-3: the deadlines of each observation at `now`, in input order; `rows` is null for an observation whose
 * working-day deadlines fall past the holiday data (CALENDAR_OUT_OF_RANGE): not known yet, rather than guessed.
 */
export function boardDeadlines(input: unknown, policyInput: TPolicyInput = {}): { id: string | undefined; rows: TBoardDeadline[] | null }[] {
  const policy = parsePolicy(policyInput);
  const { observations, now } = parseRuleInput(ZBoardInput, input);
  return boardDeadlinesOf(observations, now, policy);
}

/**
 * boardDeadlines on input already parsed: the API builds it from its own tables (ids, enums, instants and dates
 * as the database gives them) with a policy it parsed once. Parsing 4,000 observations again was a third of
 * the board's rule time on the province bench (issue 7).
 */
export function boardDeadlinesOf(observations: readonly Parsed[], now: string, policy: TPolicy): { id: string | undefined; rows: TBoardDeadline[] | null }[] {
  const today = shanghaiDate(now);
  // CALC-3's due-soon limit (today + policy.dueSoonDays) is asked for every row: answered without the memo.
  const soonDays = policy.dueSoonDays;
  const soonLimit = BATCH_CALENDAR.shift(today, soonDays, 'day');
  const cal: DeadlineCalendar = {
    ...BATCH_CALENDAR,
    shift: (date, n, unit) => (date === today && n === soonDays && unit === 'day' ? soonLimit : BATCH_CALENDAR.shift(date, n, unit)),
  };
  return observations.map((o) => {
    try {
      return { id: o.observation.id, rows: rowsOf(o, today, policy, cal) };
    } catch (e) {
      if (isDomainError(e) && e.code === 'CALENDAR_OUT_OF_RANGE') return { id: o.observation.id, rows: null };
      throw e;
    }
  });
}
