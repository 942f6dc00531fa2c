// FB-2: the committee discussion and the rectification items, as the caller may see them (RLS).
import { DomainError, type TRectificationStatus } from '@tingkan/shared';
import type { Queryable } from '../db';
import { instant, instantOrNull } from '../meetings/rows';
import { dateOnly } from './feedback';

export interface TRectificationItem {
  id: string;
  observationId: string;
  title: string;
  ownerPersonId: string;
  ownerName: string;
  dueDate: string;
  status: TRectificationStatus;
  evidenceText: string | null;
  evidenceIds: string[];
  submittedAt: string | null;
  returnReason: string | null;
  closedBy: string | null;
  closedAt: string | null;
  history: { from: TRectificationStatus | null; to: TRectificationStatus; note: string | null; actorId: string | null; at: string }[];
}

interface ItemRow {
  id: string; observation_id: string; title: string; owner_person_id: string; owner_name: string | null; due_date: Date | string;
  status: TRectificationStatus; evidence_text: string | null; evidence_ids: string[]; submitted_at: Date | string | null;
  return_reason: string | null; closed_by: string | null; closed_at: Date | string | null;
  history: { from_status: TRectificationStatus | null; to_status: TRectificationStatus; note: string | null; actor_id: string | null; at: string }[] | null;
  /** The caller may submit evidence (owner or the observed branch's leaders) / verify (the group or office staff). */
  may_submit: boolean;
  may_verify: boolean;
}

const ITEM_SELECT = `
  select i.*, p.name as owner_name,
         (select json_agg(json_build_object('from_status', e.from_status, 'to_status', e.to_status, 'note', e.note, 'actor_id', e.actor_id, 'at', e.at) order by e.id)
            from rectification_events e where e.item_id = i.id) as history,
         (i.owner_person_id = (select auth.uid()) or i.observation_id in (select app.observations_i_lead_the_branch_of())) as may_submit,
         (i.observation_id in (select app.my_observation_ids()) or i.observation_id in (select app.office_observation_ids())) as may_verify
    from rectification_items i left join people p on p.id = i.owner_person_id`;

const toItem = (r: ItemRow): TRectificationItem => ({
  id: r.id, observationId: r.observation_id, title: r.title, ownerPersonId: r.owner_person_id, ownerName: r.owner_name ?? '责任人',
  dueDate: dateOnly(r.due_date), status: r.status, evidenceText: r.evidence_text, evidenceIds: r.evidence_ids,
  submittedAt: instantOrNull(r.submitted_at), returnReason: r.return_reason, closedBy: r.closed_by, closedAt: instantOrNull(r.closed_at),
  history: (r.history ?? []).map((h) => ({ from: h.from_status, to: h.to_status, note: h.note, actorId: h.actor_id, at: instant(h.at) })),
});

export async function listItems(tx: Queryable, observationId: string): Promise<TRectificationItem[]> {
  const { rows } = await tx.query<ItemRow>(`${ITEM_SELECT} where i.observation_id = $1 order by i.due_date, i.created_at, i.id`, [observationId]);
  return rows.map(toItem);
}

/** The item and what the caller may do with it; NOT_FOUND when hidden. */
export async function loadItem(tx: Queryable, id: string): Promise<{ item: TRectificationItem; maySubmit: boolean; mayVerify: boolean }> {
  const { rows } = await tx.query<ItemRow>(`${ITEM_SELECT} where i.id = $1`, [id]);
  const r = rows[0];
  if (!r) throw new DomainError('NOT_FOUND', '没有找到这项整改事项');
  return { item: toItem(r), maySubmit: r.may_submit, mayVerify: r.may_verify };
}

export async function listDiscussions(tx: Queryable, observationId: string) {
  const { rows } = await tx.query<{ id: string; held_on: Date | string; summary: string; recorded_by: string; recorded_by_name: string | null; recorded_at: Date | string }>(
    `select d.id, d.held_on, d.summary, d.recorded_by, p.name as recorded_by_name, d.recorded_at
       from rectification_discussions d left join people p on p.id = d.recorded_by where d.observation_id = $1 order by d.held_on, d.recorded_at`,
    [observationId],
  );
  return rows.map((r) => ({ id: r.id, heldOn: dateOnly(r.held_on), summary: r.summary, recordedBy: r.recorded_by, recordedByName: r.recorded_by_name ?? '', recordedAt: instant(r.recorded_at) }));
}

/** Owners must belong to the observed organisation; returns the indexes of those who do not. */
export async function ownersOutside(tx: Queryable, observationId: string, ownerIds: string[]): Promise<number[]> {
  const { rows } = await tx.query<{ person_id: string }>(
    `select mb.person_id from memberships mb join meetings m on m.org_id = mb.org_id join observations o on o.meeting_id = m.id
      where o.id = $1 and mb.left_on is null and mb.person_id = any($2::uuid[])`,
    [observationId, ownerIds],
  );
  const ok = new Set(rows.map((r) => r.person_id));
  return ownerIds.map((id, i) => (ok.has(id) ? -1 : i)).filter((i) => i >= 0);
}
