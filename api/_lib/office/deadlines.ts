// CALC-3: every observation's deadlines by the shared rule, with done-ness read from the data: the plan
// (plan_submitted_at), the sheets (every group member's first version), the feedback (feedback_sent_at), the
// rectification (the committee's discussion and each item's loop, FB-2), the report-back (FB-3) and the
// periodic reports (FB-4). Branch bookings (OBS-5) are not modelled: every visit is scheduled by the office,
// so no booking deadline arises, and the board says so (untracked).
import { boardDeadlines, ownSheetDeadline as ownSheet, shanghaiDate, type TBoardDeadline, type TBoardObservation, type TDeadline, type TDeadlineKey, type TPolicy } from '@tingkan/shared';
import type { Queryable } from '../db';
import { loadDeadlineObservations, type DeadlineObservation } from './deadline-data';
import { yearRange } from './scope';

export type { DeadlineObservation, Member } from './deadline-data';

export const UNTRACKED: readonly TDeadlineKey[] = ['booking'];

/** The office's observations of the year (not cancelled), with everything their deadlines depend on. */
export async function observationsForDeadlines(tx: Queryable, year: number): Promise<DeadlineObservation[]> {
  const [from, to] = yearRange(year);
  return loadDeadlineObservations(tx, from, to, true);
}

const iso = (d: Date | string): string => new Date(d).toISOString();

function boardInput(o: DeadlineObservation): TBoardObservation {
  const sheetTimes = o.group.map((g) => g.sheetAt);
  const allSheets = o.group.length > 0 && sheetTimes.every((t) => t !== null) ? sheetTimes.map((t) => iso(t!)).sort().at(-1) : undefined;
  const done: TBoardObservation['done'] = {};
  if (o.plan_submitted_at) done.plan_submission = iso(o.plan_submitted_at);
  if (allSheets) done.sheet_submission = allSheets;
  if (o.feedback_sent_at) done.feedback_to_branch = iso(o.feedback_sent_at);
  return {
    observation: { id: o.id, mode: o.mode, kind: o.kind as TBoardObservation['observation']['kind'], startsAt: iso(o.starts_at) },
    done, discussedAt: o.discussedAt ?? [], items: o.items ?? [], reports: o.reports ?? [],
  };
}

/** The deadlines of many observations at `now` in one pass of the rule; null where the holiday data does not reach their dates. */
export function deadlinesOfAll(list: DeadlineObservation[], now: Date, policy: TPolicy): (TBoardDeadline[] | null)[] {
  return boardDeadlines({ observations: list.map(boardInput), now: now.toISOString() }, policy).map((r) => r.rows);
}

/** The deadlines of one observation at `now`, or null when the holiday data does not reach its dates. */
export function deadlinesOf(o: DeadlineObservation, now: Date, policy: TPolicy): TBoardDeadline[] | null {
  return deadlinesOfAll([o], now, policy)[0] ?? null;
}

/** One observer's own sheet deadline: the group's due date, done when their own first version came in. */
export function ownSheetDeadline(groupRow: TDeadline, sheetAt: string | null, now: Date, policy: TPolicy): TDeadline {
  return ownSheet(groupRow, sheetAt ? iso(sheetAt) : null, shanghaiDate(now.toISOString()), policy);
}
