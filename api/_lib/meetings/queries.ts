// SQL for meetings (MTG-*), run as the caller: RLS decides what they may read and change (D3).
import { DomainError, type TMeeting, type TMeetingLocation } from '@tingkan/shared';
import type { Queryable } from '../db';
import { MEETING_SELECT, toMeeting, type MeetingRow } from './rows';

/** The meeting as the caller may see it; NOT_FOUND when it does not exist or is hidden from them. */
export async function loadMeeting(tx: Queryable, id: string): Promise<TMeeting> {
  const { rows } = await tx.query<MeetingRow>(`${MEETING_SELECT} where m.id = $1`, [id]);
  const row = rows[0];
  if (!row) throw new DomainError('NOT_FOUND', '没有找到这次会议');
  return toMeeting(row);
}

export interface MeetingFilter {
  orgId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

/** A page of the meetings the caller may see, by start time; dates are Shanghai days, inclusive. */
export async function listMeetings(tx: Queryable, f: MeetingFilter): Promise<{ items: TMeeting[]; nextOffset: number | null }> {
  const { rows } = await tx.query<MeetingRow>(
    `${MEETING_SELECT}
      where ($1::uuid is null or m.org_id = $1)
        and ($2::text is null or m.starts_at >= ($2 || 'T00:00:00+08:00')::timestamptz)
        and ($3::text is null or m.starts_at < ($3 || 'T00:00:00+08:00')::timestamptz + interval '1 day')
      order by m.starts_at, m.id
      limit $4 offset $5`,
    [f.orgId ?? null, f.from ?? null, f.to ?? null, f.limit + 1, f.offset],
  );
  const items = rows.slice(0, f.limit).map(toMeeting);
  return { items, nextOffset: rows.length > f.limit ? f.offset + f.limit : null };
}

export interface MeetingFields {
  kind: string;
  topic: string;
  startsAt: string;
  endsAt: string;
  place: string;
  hostPersonId: string | null;
  agenda: string[];
  lecturer: string | null;
  location: TMeetingLocation | null;
}

export async function insertMeeting(tx: Queryable, orgId: string, m: MeetingFields, createdBy: string): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into meetings (org_id, kind, topic, starts_at, ends_at, place, host_person_id, agenda, lecturer,
                           location_lat, location_lng, checkin_radius_m, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning id`,
    [orgId, m.kind, m.topic, m.startsAt, m.endsAt, m.place, m.hostPersonId, m.agenda, m.lecturer,
      m.location?.lat ?? null, m.location?.lng ?? null, m.location?.radiusM ?? null, createdBy],
  );
  return rows[0]!.id;
}

/** Rewrites a planned meeting; zero rows means RLS refused the update (the caller may read but not edit). */
export async function updatePlannedMeeting(tx: Queryable, id: string, m: MeetingFields): Promise<void> {
  const { rows } = await tx.query(
    `update meetings set kind = $2, topic = $3, starts_at = $4, ends_at = $5, place = $6, host_person_id = $7,
            agenda = $8, lecturer = $9, location_lat = $10, location_lng = $11, checkin_radius_m = $12, updated_at = now()
      where id = $1 and status = 'planned' returning id`,
    [id, m.kind, m.topic, m.startsAt, m.endsAt, m.place, m.hostPersonId, m.agenda, m.lecturer,
      m.location?.lat ?? null, m.location?.lng ?? null, m.location?.radiusM ?? null],
  );
  if (rows.length === 0) throw new DomainError('FORBIDDEN');
}

/** Cancels the meeting and an observation scheduled for it (the observed branch's leaders may update both). */
export async function cancelMeeting(tx: Queryable, id: string, reason: string): Promise<void> {
  const { rows } = await tx.query(
    `update meetings set status = 'cancelled', cancel_reason = $2, updated_at = now()
      where id = $1 and status = 'planned' returning id`,
    [id, reason],
  );
  if (rows.length === 0) throw new DomainError('FORBIDDEN');
  await tx.query(`update observations set status = 'cancelled' where meeting_id = $1 and status = 'scheduled'`, [id]);
}

export async function markHeld(tx: Queryable, id: string, decisions: string | null, lecturer: string | null): Promise<void> {
  const { rows } = await tx.query(
    `update meetings set status = 'held', decisions = $2, lecturer = $3, updated_at = now()
      where id = $1 and status <> 'cancelled' returning id`,
    [id, decisions, lecturer],
  );
  if (rows.length === 0) throw new DomainError('FORBIDDEN');
}

/** The observation of a meeting, if the caller may see one. */
export async function observationSummary(tx: Queryable, meetingId: string) {
  const { rows } = await tx.query<{ id: string; mode: 'xunting' | 'pangting' | 'guancha'; status: 'scheduled' | 'held' | 'feedback_sent' | 'closed' | 'cancelled'; plan_submitted_at: Date | string | null }>(
    'select id, mode, status, plan_submitted_at from observations where meeting_id = $1',
    [meetingId],
  );
  return rows[0];
}
