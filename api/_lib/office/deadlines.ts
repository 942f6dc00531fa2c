// CALC-3: every observation's deadlines by the shared rule, with done-ness read from the data: the plan
// (plan_submitted_at), the sheets (every group member's first version), the feedback (feedback_sent_at), the
// rectification (the committee's discussion and each item's loop, FB-2), the report-back (FB-3) and the
// periodic reports (FB-4). Branch bookings (OBS-5) are not modelled: every visit is scheduled by the office,
// so no booking deadline arises, and the board says so (untracked).
import { boardDeadlinesOf, ownSheetDeadline as ownSheet, shanghaiDate, type TBoardDeadline, type TBoardObservationParsed, type TDeadline, type TDeadlineKey, type TMeetingKind, type TPolicy } from '@tingkan/shared';
import type { Queryable } from '../db';
import { loadOfficeDeadlineObservations, type DeadlineObservation } from './deadline-data';
import { yearRange } from './scope';

export type { DeadlineObservation, Member } from './deadline-data';

export const UNTRACKED: readonly TDeadlineKey[] = ['booking'];

/** The office's observations of the year (not cancelled), with everything their deadlines depend on (app.deadline_data). */
export async function observationsForDeadlines(tx: Queryable, year: number): Promise<DeadlineObservation[]> {
  const [from, to] = yearRange(year);
  return loadOfficeDeadlineObservations(tx, from, to);
}

/** An instant as toISOString writes it. The loaders' own strings are in that form already: kept, not parsed again. */
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const iso = (d: Date | string): string => (typeof d === 'string' && ISO.test(d) ? d : new Date(d).toISOString());

/** The rule's input, as ZBoardObservation would parse it: built from the database's own values (ids, enums, instants, dates). */
function boardInput(o: DeadlineObservation): TBoardObservationParsed {
  // FB-1: the group's sheets are in when the last member's first version is.
  let allSheets: string | undefined;
  for (const g of o.group) {
    if (g.sheetAt === null) { allSheets = undefined; break; }
    const t = iso(g.sheetAt);
    if (allSheets === undefined || t > allSheets) allSheets = t;
  }
  const done: TBoardObservationParsed['done'] = {};
  if (o.plan_submitted_at) done.plan_submission = iso(o.plan_submitted_at);
  if (allSheets) done.sheet_submission = allSheets;
  if (o.feedback_sent_at) done.feedback_to_branch = iso(o.feedback_sent_at);
  return {
    observation: { id: o.id, mode: o.mode, kind: o.kind as TMeetingKind, startsAt: iso(o.starts_at), scheduledBy: 'office' },
    done, discussedAt: o.discussedAt ?? [], items: o.items ?? [], reports: o.reports ?? [],
  };
}

/**
 * The deadlines of many observations at `now` in one pass of the rule; null where the holiday data does not reach their dates.
 * The rule runs on input already parsed (boardDeadlinesOf): every value comes from the database, and the policy was parsed once.
 */
export function deadlinesOfAll(list: DeadlineObservation[], now: Date, policy: TPolicy): (TBoardDeadline[] | null)[] {
  return boardDeadlinesOf(list.map(boardInput), now.toISOString(), policy).map((r) => r.rows);
}

/** The deadlines of one observation at `now`, or null when the holiday data does not reach its dates. */
export function deadlinesOf(o: DeadlineObservation, now: Date, policy: TPolicy): TBoardDeadline[] | null {
  return deadlinesOfAll([o], now, policy)[0] ?? null;
}

/** One observer's own sheet deadline: the group's due date, done when their own first version came in. */
export function ownSheetDeadline(groupRow: TDeadline, sheetAt: string | null, now: Date, policy: TPolicy): TDeadline {
  return ownSheet(groupRow, sheetAt ? iso(sheetAt) : null, shanghaiDate(now.toISOString()), policy);
}
