import { DomainError, canAttend, checkinWindow, isOnCommittee, type TCheckinResponse } from '@tingkan/shared';
import type { Queryable } from '../db';
import { assertHost } from './meeting';

/**
 * The human fallback (D6): the host checks in a member without a smartphone. During the window it is
 * 'manual'; once the window has closed it is a 补录 ('backfill'). Either way the host is recorded.
 */
export async function manualCheckIn(tx: Queryable, hostId: string, meetingId: string, personId: string, now: Date): Promise<TCheckinResponse & { method: 'manual' | 'backfill' }> {
  const meeting = await assertHost(tx, meetingId);
  if (meeting.status === 'cancelled') throw new DomainError('MEETING_CANCELLED');
  const window = checkinWindow({
    startsAt: new Date(meeting.starts_at).toISOString(), endsAt: new Date(meeting.ends_at).toISOString(), now: now.toISOString(),
  });
  if (window.state === 'not_open') throw new DomainError('CHECKIN_NOT_OPEN');
  const member = await tx.query<{ status: string; roles: string[] }>(
    'select status, roles::text[] as roles from memberships where org_id = $1 and person_id = $2 and left_on is null',
    [meeting.org_id, personId],
  );
  const m = member.rows[0];
  if (!m || !canAttend(m.status as never, meeting.kind, isOnCommittee({ personId, status: m.status as never, roles: m.roles as never }))) {
    throw new DomainError('NOT_ON_ROSTER', '该人员不在本次会议的应到名单中');
  }
  const method = window.state === 'closed' ? 'backfill' : 'manual';
  const { rows } = await tx.query<{ checked_in_at: Date; fresh: boolean }>(
    `insert into attendance (meeting_id, person_id, state, method, checked_in_at, recorded_by)
     values ($1, $2, 'present', $3, $4, $5)
     on conflict (meeting_id, person_id) do update
        set state = 'present', method = excluded.method, checked_in_at = excluded.checked_in_at,
            leave_category = null, leave_reason = null, recorded_by = excluded.recorded_by, updated_at = now()
      where attendance.state <> 'present'
     returning checked_in_at, true as fresh`,
    [meetingId, personId, method, now, hostId],
  );
  const at = rows[0]?.checked_in_at ?? (await tx.query<{ checked_in_at: Date }>(
    'select checked_in_at from attendance where meeting_id = $1 and person_id = $2', [meetingId, personId],
  )).rows[0]?.checked_in_at ?? now;
  const already = !rows[0];
  const label = method === 'backfill' ? '补录' : '手工签到';
  return {
    meetingId, as: 'member', already, checkedInAt: new Date(at).toISOString(), method,
    messageZh: already ? '该人员已签到' : `${label}成功`,
  };
}
