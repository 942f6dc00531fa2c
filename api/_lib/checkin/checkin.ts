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
  const { rows } = await tx.query<CheckinContext>(
    `select m.id, m.org_id, m.kind, m.status, m.starts_at, m.ends_at, m.location_lat, m.location_lng, m.checkin_radius_m,
            ms.status as member_status, ms.roles::text[] as member_roles,
            exists (select 1 from observation_assignments a join observations o on o.id = a.observation_id
                     where o.meeting_id = m.id and a.person_id = $2) as is_observer
       from meetings m
       left join memberships ms on ms.org_id = m.org_id and ms.person_id = $2 and ms.left_on is null
      where m.id = $1`,
    [meetingId, personId],
  );
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
 * Members check in to the meeting: one attendance row per person whatever the race (D1).
 * One statement records the scan or, for a repeat, reads the first time; only when a concurrent
 * scan of the same person committed in between (invisible to this statement's snapshot) does a
 * second read follow.
 */
async function checkinMember(tx: Queryable, meeting: CheckinContext, personId: string, at: Date, loc: TCheckinRequest['location']) {
  const m = meeting.member_status ? { status: meeting.member_status, roles: meeting.member_roles ?? [] } : undefined;
  const onCommittee = m ? isOnCommittee({ personId, status: m.status as never, roles: m.roles as never }) : false;
  if (!m || !canAttend(m.status as never, meeting.kind, onCommittee)) throw new DomainError('NOT_ON_ROSTER');
  const { rows } = await tx.query<{ checked_in_at: Date; fresh: boolean }>(
    `with ins as (
       insert into attendance (meeting_id, person_id, state, method, checked_in_at, checkin_lat, checkin_lng)
       values ($1, $2, 'present', 'qr', $3, $4, $5)
       on conflict (meeting_id, person_id) do update
          set state = 'present', method = 'qr', checked_in_at = excluded.checked_in_at,
              leave_category = null, leave_reason = null,
              checkin_lat = excluded.checkin_lat, checkin_lng = excluded.checkin_lng, updated_at = now()
        where attendance.state <> 'present'
       returning checked_in_at)
     select checked_in_at, true as fresh from ins
     union all
     select checked_in_at, false from attendance
      where meeting_id = $1 and person_id = $2 and state = 'present' and not exists (select 1 from ins)`,
    [meeting.id, personId, at, loc?.lat ?? null, loc?.lng ?? null],
  );
  const row = rows[0] ?? (await tx.query<{ checked_in_at: Date; fresh: boolean }>(
    'select checked_in_at, false as fresh from attendance where meeting_id = $1 and person_id = $2', [meeting.id, personId],
  )).rows[0];
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
