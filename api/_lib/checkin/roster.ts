import {
  canAttend, committeeMeetingQuorum, generalMeetingQuorum, isOnCommittee,
  type TBranchRole, type TMemberStatus, type TRosterResponse, type TRosterRow,
} from '@tingkan/shared';
import type { Queryable } from '../db';
import type { MeetingRow } from './meeting';

interface Row {
  person_id: string;
  name: string;
  status: TMemberStatus;
  roles: TBranchRole[];
  state: TRosterRow['state'] | null;
  method: TRosterRow['method'];
  checked_in_at: Date | null;
  leave_category: TRosterRow['leaveCategory'];
  leave_reason: string | null;
}

/**
 * Who should attend (应到) a meeting: the current members of its organisation whom the meeting
 * kind admits (ORG-2: activists only at 党课 and 主题党日; 支委会 only the committee).
 */
export async function rosterOf(tx: Queryable, meeting: MeetingRow): Promise<TRosterRow[]> {
  const { rows } = await tx.query<Row>(
    `select m.person_id, p.name, m.status, m.roles::text[] as roles,
            a.state, a.method, a.checked_in_at, a.leave_category, a.leave_reason
       from memberships m
       join people p on p.id = m.person_id
       left join attendance a on a.meeting_id = $1 and a.person_id = m.person_id
      where m.org_id = $2 and m.left_on is null
      order by p.name`,
    [meeting.id, meeting.org_id],
  );
  return rows
    .filter((r) => canAttend(r.status, meeting.kind, isOnCommittee({ personId: r.person_id, status: r.status, roles: r.roles })))
    .map((r) => ({
      personId: r.person_id,
      name: r.name,
      status: r.status,
      roles: r.roles,
      state: r.state ?? 'unknown',
      method: r.method,
      checkedInAt: r.checked_in_at ? new Date(r.checked_in_at).toISOString() : null,
      leaveCategory: r.leave_category,
      leaveReason: r.leave_reason,
    }));
}

/** The live roster and the quorum computed by the shared rule (VOTE-1, VOTE-3) on every read. */
export async function rosterView(tx: Queryable, meeting: MeetingRow): Promise<TRosterResponse> {
  const rows = await rosterOf(tx, meeting);
  const roster = rows.map((r) => ({ personId: r.personId, status: r.status, roles: r.roles }));
  const presentIds = rows.filter((r) => r.state === 'present').map((r) => r.personId);
  const quorum =
    meeting.kind === 'general_meeting' ? generalMeetingQuorum({ roster, presentIds })
    : meeting.kind === 'committee_meeting' ? committeeMeetingQuorum({ roster, presentIds })
    : null;
  const observers = await tx.query<{ person_id: string; name: string; checked_in_at: Date | null }>(
    `select a.person_id, coalesce(p.name, '观察员') as name, a.checked_in_at
       from observations o join observation_assignments a on a.observation_id = o.id left join people p on p.id = a.person_id
      where o.meeting_id = $1 order by p.name`,
    [meeting.id],
  );
  return {
    meetingId: meeting.id,
    kind: meeting.kind,
    counts: {
      expected: rows.length,
      present: presentIds.length,
      leave: rows.filter((r) => r.state === 'leave').length,
      absent: rows.filter((r) => r.state !== 'present' && r.state !== 'leave').length,
    },
    quorum,
    rows,
    observers: observers.rows.map((o) => ({
      personId: o.person_id, name: o.name, checkedInAt: o.checked_in_at ? new Date(o.checked_in_at).toISOString() : null,
    })),
  };
}
