// MTG-11 / MTG-9: the meeting record. Present and absent are derived from attendance rows, never typed in.
import { DomainError, checkMeetingRecord, validatePartyLecture, type TMeeting, type TMeetingRecordResponse } from '@tingkan/shared';
import type { Queryable } from '../db';
import { joinDecisions } from './rows';
import { loadMeeting, markHeld } from './queries';

const LEAVE_ZH: Record<string, string> = { sick: '病假', personal: '事假', official: '公假' };
const COMMITTEE_ROLES = ['secretary', 'deputy_secretary', 'committee_member'];

interface Roster {
  expected: { id: string; name: string }[];
  presentIds: string[];
  absences: { personId: string; reason: string }[];
}

/** 应到: the committee for a 支部委员会 (VOTE-3), else the full and probationary members (ORG-2). */
async function roster(tx: Queryable, m: TMeeting): Promise<Roster> {
  const expected = await tx.query<{ id: string; name: string }>(
    `select p.id, p.name from memberships ms join people p on p.id = ms.person_id
      where ms.org_id = $1 and ms.left_on is null
        and (case when $2 then ms.roles::text[] && $3::text[] else ms.status in ('full', 'probationary') end)
      order by p.name, p.id`,
    [m.orgId, m.kind === 'committee_meeting', COMMITTEE_ROLES],
  );
  const rows = await tx.query<{ person_id: string; state: string; leave_category: string | null; leave_reason: string | null }>(
    'select person_id, state, leave_category, leave_reason from attendance where meeting_id = $1',
    [m.id],
  );
  const expectedIds = new Set(expected.rows.map((p) => p.id));
  return {
    expected: expected.rows,
    presentIds: rows.rows.filter((r) => r.state === 'present').map((r) => r.person_id),
    absences: rows.rows
      .filter((r) => r.state === 'leave' && expectedIds.has(r.person_id))
      .map((r) => ({ personId: r.person_id, reason: `${LEAVE_ZH[r.leave_category ?? ''] ?? '请假'}：${r.leave_reason ?? ''}` })),
  };
}

export async function recordMeeting(
  tx: Queryable,
  meeting: TMeeting,
  body: { decisions: string[]; lecturer?: string | undefined },
  now: Date,
): Promise<TMeetingRecordResponse> {
  if (meeting.status === 'cancelled') throw new DomainError('MEETING_CANCELLED');
  if (now.getTime() < Date.parse(meeting.startsAt)) throw new DomainError('MEETING_NOT_STARTED');
  const lecturer = body.lecturer ?? meeting.lecturer;
  if (meeting.kind !== 'party_lecture' && body.lecturer !== undefined) {
    throw new DomainError('VALIDATION_FAILED', undefined, [{ path: 'lecturer', message: '只有党课需要填写主讲人' }]);
  }
  const r = await roster(tx, meeting);
  const check = checkMeetingRecord({
    kind: meeting.kind, startsAt: meeting.startsAt, place: meeting.place, topic: meeting.topic,
    expectedIds: r.expected.map((p) => p.id), presentIds: r.presentIds, absences: r.absences, decisions: body.decisions,
  });
  if (meeting.kind === 'party_lecture') {
    if (!lecturer) throw new DomainError('VALIDATION_FAILED', undefined, [{ path: 'lecturer', message: '党课记录须写明主讲人' }]);
    // MTG-9: title, time, lecturer, present and absent counts.
    validatePartyLecture({ title: meeting.topic, startsAt: meeting.startsAt, lecturer, presentCount: check.present, absentCount: check.absent });
  }
  await markHeld(tx, meeting.id, joinDecisions(body.decisions), meeting.kind === 'party_lecture' ? lecturer : null);
  const present = new Set(r.presentIds);
  const reasons = new Map(r.absences.map((a) => [a.personId, a.reason]));
  return {
    meeting: await loadMeeting(tx, meeting.id),
    record: {
      expected: check.expected,
      present: check.present,
      absent: check.absent,
      absences: r.expected.filter((p) => !present.has(p.id)).map((p) => ({ personId: p.id, name: p.name, reason: reasons.get(p.id) ?? null })),
      complete: check.complete,
      decisions: body.decisions,
      lecturer: meeting.kind === 'party_lecture' ? lecturer : null,
    },
  };
}
