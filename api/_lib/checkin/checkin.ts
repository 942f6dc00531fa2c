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

function assertWhere(meeting: MeetingRow, location: TCheckinRequest['location']): void {
  if (meeting.checkin_radius_m === null || meeting.location_lat === null || meeting.location_lng === null) return;
  if (!location) throw new DomainError('CHECKIN_LOCATION_REQUIRED');
  const d = distanceMeters(location, { lat: meeting.location_lat, lng: meeting.location_lng });
  if (d > meeting.checkin_radius_m) throw new DomainError('CHECKIN_TOO_FAR');
}

/**
 * Everything the check-in decides on, in one round trip (under RLS, as the caller): the meeting,
 * the caller's current membership of its organisation, and whether the caller is one of its observers.
 */
interface CheckinContext extends MeetingRow {
  member_status: string | null;
  member_roles: string[] | null;
  is_observer: boolean;
}

async function checkinContext(tx: Queryable, meetingId: string, personId: string): Promise<CheckinContext | undefined> {
  // A function planned once per connection (supabase/migrations/20261124001100_checkin_statements.sql).
  const { rows } = await tx.query<CheckinContext>('select * from app.checkin_context($1, $2)', [meetingId, personId]);
  return rows[0];
}

/** Observers check in to the observation (D6); repeat scans keep the first time. */
async function checkinObserver(tx: Queryable, meetingId: string, personId: string, at: Date, loc: TCheckinRequest['location']) {
  const { rows } = await tx.query<{ checked_in_at: Date; fresh: boolean }>(
    `update observation_assignments a
        set checked_in_at = coalesce(a.checked_in_at, $3), checkin_method = coalesce(a.checkin_method, 'qr'),
            checkin_lat = coalesce(a.checkin_lat, $4), checkin_lng = coalesce(a.checkin_lng, $5)
       from observations o
      where o.id = a.observation_id and o.meeting_id = $1 and a.person_id = $2
      returning a.checked_in_at, (a.checked_in_at = $3) as fresh`,
    [meetingId, personId, at, loc?.lat ?? null, loc?.lng ?? null],
  );
  return rows[0];
}

/**
 * Members check in to the meeting: one attendance row per person whatever the race (D1). One
 * statement records the scan or, for a repeat, reads the first time (app.record_checkin, which also
 * reads again when a concurrent scan of the same person committed while this one waited).
 */
async function checkinMember(tx: Queryable, meeting: CheckinContext, personId: string, at: Date, loc: TCheckinRequest['location']) {
  const m = meeting.member_status ? { status: meeting.member_status, roles: meeting.member_roles ?? [] } : undefined;
  const onCommittee = m ? isOnCommittee({ personId, status: m.status as never, roles: m.roles as never }) : false;
  if (!m || !canAttend(m.status as never, meeting.kind, onCommittee)) throw new DomainError('NOT_ON_ROSTER');
  const { rows } = await tx.query<{ checked_in_at: Date; fresh: boolean }>(
    'select * from app.record_checkin($1, $2, $3, $4, $5)', [meeting.id, personId, at, loc?.lat ?? null, loc?.lng ?? null],
  );
  const row = rows[0];
  return { at: new Date(row?.checked_in_at ?? at), already: !row?.fresh };
}

/** POST /api/checkins: verify the rotating code, the window and the place, then record (one transaction). */
export async function checkIn(tx: Queryable, personId: string, body: TCheckinRequest, now: Date): Promise<TCheckinResponse> {
  const { meetingId } = verifyQr(body.payload, now.getTime());
  if (body.meetingId && body.meetingId !== meetingId) throw new DomainError('QR_WRONG_MEETING');
  const meeting = await checkinContext(tx, meetingId, personId);
  if (!meeting) throw new DomainError('NOT_ON_ROSTER');
  if (meeting.status === 'cancelled') throw new DomainError('MEETING_CANCELLED');
  const window = checkinWindow({
    startsAt: new Date(meeting.starts_at).toISOString(), endsAt: new Date(meeting.ends_at).toISOString(), now: now.toISOString(),
  });
  if (window.state === 'not_open') throw new DomainError('CHECKIN_NOT_OPEN');
  if (window.state === 'closed') throw new DomainError('CHECKIN_CLOSED');
  assertWhere(meeting, body.location);
  if (meeting.is_observer) {
    const observer = await checkinObserver(tx, meetingId, personId, now, body.location);
    if (observer) return answer(meetingId, 'observer', !observer.fresh, new Date(observer.checked_in_at));
  }
  const member = await checkinMember(tx, meeting, personId, now, body.location);
  return answer(meetingId, 'member', member.already, member.at);
}
