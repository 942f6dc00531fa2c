import { DomainError, type TMeetingKind } from '@tingkan/shared';
import type { Queryable } from '../db';

export interface MeetingRow {
  id: string;
  org_id: string;
  kind: TMeetingKind;
  status: 'planned' | 'held' | 'cancelled';
  starts_at: Date;
  ends_at: Date;
  location_lat: number | null;
  location_lng: number | null;
  checkin_radius_m: number | null;
}

/** The meeting as the caller may see it (RLS): members of its organisation, its observers, office staff. */
export async function visibleMeeting(tx: Queryable, meetingId: string): Promise<MeetingRow | undefined> {
  const { rows } = await tx.query<MeetingRow>(
    `select id, org_id, kind, status, starts_at, ends_at, location_lat, location_lng, checkin_radius_m
       from meetings where id = $1`,
    [meetingId],
  );
  return rows[0];
}

/** Hosts are the 书记/副书记 of the meeting's organisation (or the 党小组长), and office staff in scope. */
export async function assertHost(tx: Queryable, meetingId: string): Promise<MeetingRow> {
  const meeting = await visibleMeeting(tx, meetingId);
  if (!meeting) throw new DomainError('NOT_FOUND', '没有找到这场会议');
  const { rows } = await tx.query<{ ok: boolean }>(
    `select $1::uuid in (select app.led_org_ids()) or app.in_office_scope($1::uuid) as ok`,
    [meeting.org_id],
  );
  if (!rows[0]?.ok) throw new DomainError('NOT_HOST');
  return meeting;
}
