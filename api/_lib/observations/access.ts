// Who the caller is to an observation. RLS already hides what they may not read; these answers
// let the API say FORBIDDEN or NOT_FOUND clearly instead of returning empty lists.
import { DomainError, isDomainError, type TRubricId } from '@tingkan/shared';
import type { Queryable } from '../db';

export interface ObservationRow {
  id: string;
  meeting_id: string;
  mode: 'xunting' | 'pangting' | 'guancha';
  rubric: TRubricId;
  status: 'scheduled' | 'held' | 'feedback_sent' | 'closed' | 'cancelled';
  plan: Record<string, unknown> | null;
  plan_submitted_at: Date | string | null;
  feedback_sent_at: Date | string | null;
  /** The caller is in the observing group. */
  assigned: boolean;
  /** The caller is office staff over the observed branch. */
  office: boolean;
  /** The caller leads (书记/副书记) the observed organisation. */
  leads: boolean;
}

/** The observation as the caller may see it, or NOT_FOUND. */
export async function loadObservation(tx: Queryable, id: string): Promise<ObservationRow> {
  const { rows } = await tx.query<ObservationRow>(
    `select o.id, o.meeting_id, o.mode, o.rubric, o.status, o.plan, o.plan_submitted_at, o.feedback_sent_at,
            o.id in (select app.my_observation_ids()) as assigned,
            o.id in (select app.office_observation_ids()) as office,
            exists (select 1 from meetings m where m.id = o.meeting_id and m.org_id in (select app.led_org_ids())) as leads
       from observations o where o.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) throw new DomainError('NOT_FOUND', '没有找到这次观摩');
  return row;
}

/** For the group's own work (notes, sheets): an observation they cannot see is as forbidden as one they are not in. */
export async function loadForObserver(tx: Queryable, id: string): Promise<ObservationRow> {
  const o = await loadObservation(tx, id).catch((e: unknown) => {
    if (isDomainError(e) && e.code === 'NOT_FOUND') throw new DomainError('FORBIDDEN', '您不在这次观摩的观察小组中');
    throw e;
  });
  if (!o.assigned) throw new DomainError('FORBIDDEN', '您不在这次观摩的观察小组中');
  if (o.status === 'cancelled') throw new DomainError('OBSERVATION_CANCELLED');
  return o;
}

export async function groupOf(tx: Queryable, observationId: string) {
  const { rows } = await tx.query<{ person_id: string; name: string | null; is_leader: boolean; checked_in_at: Date | string | null }>(
    `select a.person_id, p.name, a.is_leader, a.checked_in_at
       from observation_assignments a left join people p on p.id = a.person_id
      where a.observation_id = $1 order by a.is_leader desc, p.name, a.person_id`,
    [observationId],
  );
  return rows.map((r) => ({ personId: r.person_id, name: r.name ?? '观察员', isLeader: r.is_leader, checkedInAt: r.checked_in_at }));
}
