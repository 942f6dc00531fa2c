// CALC-3 for one observation: what is already done (from the database) fed to the shared deadline rule.
import { isDomainError, observationDeadlines, rectificationDoneAt, type TDeadline, type TDeadlineKey, type TPolicy, type TRectificationStatus } from '@tingkan/shared';
import type { Queryable } from '../db';
import { instant } from '../meetings/rows';

interface DoneRow {
  mode: 'xunting' | 'pangting' | 'guancha';
  kind: string;
  starts_at: Date | string;
  plan_submitted_at: Date | string | null;
  feedback_sent_at: Date | string | null;
  sheets_done_at: Date | string | null;
  discussed_at: (Date | string)[] | null;
  items: { status: TRectificationStatus; closed_at: string | null }[] | null;
  reports: Partial<Record<'report_back' | 'progress_report' | 'commitment_report', string>> | null;
}

/** Every due date of the observation and its state at `nowIso` (the caller's RLS decides what counts as done). */
export async function deadlinesOf(tx: Queryable, observationId: string, nowIso: string, policy: TPolicy): Promise<TDeadline[]> {
  const { rows } = await tx.query<DoneRow>(
    `select o.mode, m.kind, m.starts_at, o.plan_submitted_at, o.feedback_sent_at,
            (select case when count(*) filter (where s.first is null) = 0 and count(*) > 0 then max(s.first) end
               from (select a.person_id, (select min(ss.submitted_at) from score_sheets ss
                                           where ss.observation_id = a.observation_id and ss.observer_id = a.person_id) as first
                       from observation_assignments a where a.observation_id = o.id) s) as sheets_done_at,
            (select array_agg(d.recorded_at) from rectification_discussions d where d.observation_id = o.id) as discussed_at,
            (select json_agg(json_build_object('status', i.status, 'closed_at', i.closed_at)) from rectification_items i where i.observation_id = o.id) as items,
            (select json_object_agg(r.kind, r.held_on) from observation_reports r where r.observation_id = o.id and r.period_no = 1) as reports
       from observations o join meetings m on m.id = o.meeting_id where o.id = $1`,
    [observationId],
  );
  const r = rows[0];
  if (!r) return [];
  const done: Partial<Record<TDeadlineKey, string>> = {};
  if (r.plan_submitted_at) done.plan_submission = instant(r.plan_submitted_at);
  if (r.sheets_done_at) done.sheet_submission = instant(r.sheets_done_at);
  if (r.feedback_sent_at) done.feedback_to_branch = instant(r.feedback_sent_at);
  const rectified = rectificationDoneAt((r.discussed_at ?? []).map(instant), (r.items ?? []).map((i) => ({ status: i.status, closedAt: i.closed_at ? instant(i.closed_at) : null })));
  if (rectified) done.rectification = rectified;
  for (const [k, day] of Object.entries(r.reports ?? {})) done[k as TDeadlineKey] = `${String(day).slice(0, 10)}T12:00:00+08:00`;
  return observationDeadlines({ observation: { mode: r.mode, kind: r.kind, startsAt: instant(r.starts_at) }, done, now: nowIso }, policy);
}

/** The same, or [] when the dates run past the holiday data (CALENDAR_OUT_OF_RANGE): a read never fails on that. */
export async function deadlinesOrNone(tx: Queryable, observationId: string, nowIso: string, policy: TPolicy): Promise<TDeadline[]> {
  try {
    return await deadlinesOf(tx, observationId, nowIso, policy);
  } catch (e) {
    if (isDomainError(e) && e.code === 'CALENDAR_OUT_OF_RANGE') return [];
    throw e;
  }
}
