// CALC-3: every observation's deadlines by the shared rule, with done-ness read from the data:
// the plan (plan_submitted_at), the sheets (every group member's first submitted version) and the
// feedback (feedback_sent_at). Rectification, report-back and progress reports have no records yet,
// so they are listed as untracked rather than shown as overdue.
import { deadlineState, isDomainError, observationDeadlines, toDateString, type TDeadline, type TDeadlineKey, type TObservationMode, type TPolicy } from '@tingkan/shared';
import type { Queryable } from '../db';
import { yearRange } from './scope';

export const TRACKED: readonly TDeadlineKey[] = ['plan_submission', 'sheet_submission', 'feedback_to_branch'];
export const UNTRACKED: readonly TDeadlineKey[] = ['booking', 'rectification', 'report_back', 'progress_report', 'commitment_report'];

interface Member { personId: string; name: string | null; isLeader: boolean; sheetAt: string | null }
export interface DeadlineObservation {
  id: string; mode: TObservationMode; kind: string; starts_at: Date; plan_submitted_at: Date | null; feedback_sent_at: Date | null;
  meeting_id: string; branch_id: string; branch_name: string; group: Member[];
}

/** The office's observations of the year (not cancelled), with their group and each member's first sheet. */
export async function observationsForDeadlines(tx: Queryable, year: number): Promise<DeadlineObservation[]> {
  const [from, to] = yearRange(year);
  const { rows } = await tx.query<DeadlineObservation>(
    `select o.id, o.mode, m.kind, m.starts_at, o.plan_submitted_at, o.feedback_sent_at, o.meeting_id,
            b.id as branch_id, b.name as branch_name,
            coalesce((select json_agg(json_build_object('personId', a.person_id, 'name', p.name, 'isLeader', a.is_leader,
                        'sheetAt', (select min(s.submitted_at) from score_sheets s where s.observation_id = o.id and s.observer_id = a.person_id))
                        order by a.person_id)
                        from observation_assignments a left join people p on p.id = a.person_id where a.observation_id = o.id), '[]') as "group"
       from observations o
       join meetings m on m.id = o.meeting_id
       join organisations org on org.id = m.org_id
       join organisations b on b.id = coalesce(case when org.kind = 'party_group' then org.parent_id end, org.id)
      where o.id in (select app.office_observation_ids()) and o.status <> 'cancelled'
        and m.starts_at >= $1 and m.starts_at < $2
      order by m.starts_at, o.id`,
    [from, to],
  );
  return rows;
}

const iso = (d: Date | string | null): string | undefined => (d ? new Date(d).toISOString() : undefined);

/** The tracked deadlines of one observation at `now`, or null when the holiday data does not reach its dates. */
export function deadlinesOf(o: DeadlineObservation, now: Date, policy: TPolicy): TDeadline[] | null {
  const sheetTimes = o.group.map((g) => g.sheetAt);
  const allSheets = o.group.length > 0 && sheetTimes.every((t) => t !== null)
    ? sheetTimes.map((t) => new Date(t!).toISOString()).sort().at(-1) : undefined;
  const done: Partial<Record<TDeadlineKey, string>> = {};
  const plan = iso(o.plan_submitted_at); if (plan) done.plan_submission = plan;
  if (allSheets) done.sheet_submission = allSheets;
  const feedback = iso(o.feedback_sent_at); if (feedback) done.feedback_to_branch = feedback;
  try {
    return observationDeadlines({ observation: { id: o.id, mode: o.mode, kind: o.kind, startsAt: new Date(o.starts_at).toISOString() }, done, now: now.toISOString() }, policy)
      .filter((d) => TRACKED.includes(d.key));
  } catch (e) {
    if (isDomainError(e) && e.code === 'CALENDAR_OUT_OF_RANGE') return null;
    throw e;
  }
}

/** One observer's own sheet deadline: the group's due date, done when their own first version came in. */
export function ownSheetDeadline(groupRow: TDeadline, sheetAt: string | null, now: Date, policy: TPolicy): TDeadline {
  const doneOn = sheetAt ? toDateString(new Date(sheetAt).toISOString()) : null;
  return { ...groupRow, doneOn, state: deadlineState(groupRow.dueDate, toDateString(now.toISOString()), doneOn, policy), late: doneOn !== null && doneOn > groupRow.dueDate };
}
