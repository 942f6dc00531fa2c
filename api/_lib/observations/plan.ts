// OBS-5: the observed branch's plan and whether it came in on time (late is accepted, and flagged).
import { DomainError, isDomainError, observationDeadlines, onDate, parsePolicy, toDateString, type TPolicy, type TMeeting } from '@tingkan/shared';
import type { Queryable } from '../db';

/** The deployment's policy: the newest stored version, the documents' defaults where it says nothing (D4). */
export async function loadPolicy(tx: Queryable): Promise<TPolicy> {
  const { rows } = await tx.query<{ value: unknown }>('select value from policy_versions order by id desc limit 1');
  return parsePolicy(rows[0]?.value ?? {});
}

/**
 * The plan's due date and whether `submittedAt` missed it, by the shared deadline rule (CALC-3).
 * Only the 观察员 variant (guancha) has a plan deadline: other modes answer dueDate null.
 */
export function planDeadline(
  o: { mode: 'xunting' | 'pangting' | 'guancha' }, meeting: TMeeting, submittedAt: string | null, now: string, policy: TPolicy,
): { dueDate: string | null; late: boolean } {
  if (o.mode !== 'guancha') return { dueDate: null, late: false };
  try {
    const rows = observationDeadlines({
      observation: { mode: o.mode, kind: meeting.kind, startsAt: meeting.startsAt },
      done: submittedAt ? { plan_submission: submittedAt } : {},
      now,
    }, policy);
    const row = rows.find((r) => r.key === 'plan_submission');
    if (row) return { dueDate: row.dueDate, late: row.late };
  } catch (e) {
    // The rule also computes the working-day deadlines (FB-1), which refuse years past the holiday data;
    // the plan deadline is in calendar days and needs no holiday data, so it is still known.
    if (!(isDomainError(e) && e.code === 'CALENDAR_OUT_OF_RANGE')) throw e;
  }
  const dueDate = onDate(toDateString(meeting.startsAt)).subtract(policy.planDueDaysBefore, 'day').format('YYYY-MM-DD');
  return { dueDate, late: submittedAt !== null && toDateString(submittedAt) > dueDate };
}

export async function storePlan(tx: Queryable, observationId: string, plan: object, at: Date): Promise<Date | string> {
  const { rows } = await tx.query<{ plan_submitted_at: Date | string }>(
    'update observations set plan = $2::text::jsonb, plan_submitted_at = $3 where id = $1 returning plan_submitted_at',
    [observationId, JSON.stringify(plan), at.toISOString()],
  );
  const row = rows[0];
  if (!row) throw new DomainError('FORBIDDEN');
  return row.plan_submitted_at;
}
