import { DomainError, canAttend, checkinWindow, distanceMeters, isOnCommittee, type TCheckinRequest, type TCheckinResponse } from '@tingkan/shared';
import type { Queryable } from '../db';
import { verifyQr } from '../qr-token';
import type { MeetingRow } from './meeting';

function hhmm(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(11, 16);
}

function answer(meetingId: string, as: TCheckinResponse['as'], already: boolean, at: Date): TCheckinResponse {
  return {
    meetingId, as, already, checkedInAt: at.toISOString(),
    // D6: scanning twice is not an error, just a reminder of when it happened.
    messageZh: already ? `您已于 ${hhmm(at)} 签到，无需重复签到` : `签到成功（${hhmm(at)}）`,
  };
}

function assertWhere(meeting: Pick<MeetingRow, 'checkin_radius_m' | 'location_lat' | 'location_lng'>, location: TCheckinRequest['location']): void {
  if (meeting.checkin_radius_m === null || meeting.location_lat === null || meeting.location_lng === null) return;
  if (!location) throw new DomainError('CHECKIN_LOCATION_REQUIRED');
  const d = distanceMeters(location, { lat: meeting.location_lat, lng: meeting.location_lng });
  if (d > meeting.checkin_radius_m) throw new DomainError('CHECKIN_TOO_FAR');
}

/**
 * Everything the check-in decides on, as the caller may see it (RLS): the meeting (all null when the
 * caller may not see it), the caller's current membership of its organisation; and the scan, recorded
 * tentatively in the same call (supabase/migrations/20261125000200_checkin_cheaper.sql).
 */
interface CheckinRow extends Omit<MeetingRow, 'id' | 'org_id' | 'status'> {
  /** Null when the caller may not see the meeting (every column is null then). */
  status: MeetingRow['status'] | null;
  member_status: string | null;
  member_roles: string[] | null;
  recorded_as: 'observer' | 'member' | null;
  checked_in_at: Date | null;
  fresh: boolean | null;
}

/** ORG-2: a member may check in where their status lets them attend this kind of meeting. */
function assertOnRoster(row: CheckinRow, personId: string): void {
  const m = row.member_status ? { status: row.member_status, roles: row.member_roles ?? [] } : undefined;
  const onCommittee = m ? isOnCommittee({ personId, status: m.status as never, roles: m.roles as never }) : false;
  if (!m || !canAttend(m.status as never, row.kind, onCommittee)) throw new DomainError('NOT_ON_ROSTER');
}

/**
 * POST /api/checkins: verify the rotating code, then one round trip reads the meeting and records
 * the scan (observers to the observation, members to the meeting: one attendance row per person
 * whatever the race, D1, D6); then the window, the place and the roster are checked. A check that
 * refuses throws, and the request's transaction rolls the scan back: nothing is written (D5).
 */
export async function checkIn(tx: Queryable, personId: string, body: TCheckinRequest, now: Date): Promise<TCheckinResponse> {
  const { meetingId } = verifyQr(body.payload, now.getTime());
  if (body.meetingId && body.meetingId !== meetingId) throw new DomainError('QR_WRONG_MEETING');
  const { rows } = await tx.query<CheckinRow>('select * from app.check_in($1, $2, $3, $4, $5)', [
    meetingId, personId, now, body.location?.lat ?? null, body.location?.lng ?? null,
  ]);
  const row = rows[0];
  if (!row?.status) throw new DomainError('NOT_ON_ROSTER');
  if (row.status === 'cancelled') throw new DomainError('MEETING_CANCELLED');
  const window = checkinWindow({
    startsAt: new Date(row.starts_at).toISOString(), endsAt: new Date(row.ends_at).toISOString(), now: now.toISOString(),
  });
  if (window.state === 'not_open') throw new DomainError('CHECKIN_NOT_OPEN');
  if (window.state === 'closed') throw new DomainError('CHECKIN_CLOSED');
  assertWhere(row, body.location);
  if (row.recorded_as === 'observer') return answer(meetingId, 'observer', !row.fresh, new Date(row.checked_in_at ?? now));
  assertOnRoster(row, personId);
  return answer(meetingId, 'member', !row.fresh, new Date(row.checked_in_at ?? now));
}
