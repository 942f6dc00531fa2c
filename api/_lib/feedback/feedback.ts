// FB-1: the group's written evaluation, its group-result snapshot, and whether it went back in time.
import { DomainError, type TGroupResult, type TSendFeedbackRequest } from '@tingkan/shared';
import type { Queryable } from '../db';
import { instant } from '../meetings/rows';

export interface TFeedback {
  observationId: string;
  evaluation: string;
  strengths: string | null;
  shortcomings: string | null;
  suggestions: string | null;
  strengthTags: string[];
  problemTags: string[];
  groupResult: TGroupResult;
  dueDate: string;
  late: boolean;
  sentBy: string;
  sentByName: string;
  sentAt: string;
}

interface FeedbackRow {
  observation_id: string; evaluation: string; strengths: string | null; shortcomings: string | null; suggestions: string | null;
  strength_tags: string[]; problem_tags: string[]; group_result: TGroupResult; due_date: Date | string; late: boolean;
  sent_by: string; sent_by_name: string | null; sent_at: Date | string;
}

/** A date column as YYYY-MM-DD whichever driver read it (pg gives a local-midnight Date). */
export function dateOnly(v: Date | string): string {
  if (typeof v === 'string') return v.slice(0, 10);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${v.getFullYear()}-${p(v.getMonth() + 1)}-${p(v.getDate())}`;
}

/** The feedback as the caller may read it (RLS: the group, the observed branch, office staff), or null. */
export async function loadFeedback(tx: Queryable, observationId: string): Promise<TFeedback | null> {
  const { rows } = await tx.query<FeedbackRow>(
    `select f.*, p.name as sent_by_name from observation_feedback f left join people p on p.id = f.sent_by where f.observation_id = $1`,
    [observationId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    observationId: r.observation_id, evaluation: r.evaluation, strengths: r.strengths, shortcomings: r.shortcomings, suggestions: r.suggestions,
    strengthTags: r.strength_tags, problemTags: r.problem_tags, groupResult: r.group_result, dueDate: dateOnly(r.due_date), late: r.late,
    sentBy: r.sent_by, sentByName: r.sent_by_name ?? '观察员', sentAt: instant(r.sent_at),
  };
}

export async function isGroupLeader(tx: Queryable, observationId: string): Promise<boolean> {
  const { rows } = await tx.query<{ ok: boolean }>('select $1::uuid in (select app.led_observation_ids()) as ok', [observationId]);
  return rows[0]?.ok === true;
}

export async function storeFeedback(
  tx: Queryable, observationId: string, by: string, at: Date, body: TSendFeedbackRequest, groupResult: TGroupResult, due: { dueDate: string; late: boolean },
): Promise<void> {
  const { rows } = await tx.query<{ observation_id: string }>(
    `insert into observation_feedback (observation_id, evaluation, strengths, shortcomings, suggestions, strength_tags, problem_tags,
                                       group_result, due_date, late, sent_by, sent_at)
     values ($1, $2, $3, $4, $5, $6::text[], $7::text[], $8::text::jsonb, $9, $10, $11, $12)
     on conflict (observation_id) do nothing returning observation_id`,
    [observationId, body.evaluation, body.strengths ?? null, body.shortcomings ?? null, body.suggestions ?? null, body.strengthTags, body.problemTags,
      JSON.stringify(groupResult), due.dueDate, due.late, by, at.toISOString()],
  );
  if (rows.length === 0) throw new DomainError('FEEDBACK_ALREADY_SENT');
}
