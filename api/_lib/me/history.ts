// FB-4, ATT-1: a member's own record. Past meetings of the organisations I belong to, from the day I
// joined, that the meeting kind admits me to (ORG-2, the roster's rule), with how I attended; and
// the rectification items I own. Reads run under RLS as the caller.
import {
  canAttend, deadlineState, isOnCommittee, toDateString,
  type TBranchRole, type THistoryState, type TLeaveCategory, type TMeetingKind, type TMemberStatus,
  type TMyAttendanceItem, type TMyRectificationItem, type TPolicy, type TRectificationStatus,
} from '@tingkan/shared';
import type { Queryable } from '../db';
import { dateOnly } from '../feedback/feedback';
import { instant, instantOrNull } from '../meetings/rows';
import { yearRange } from '../office/scope';

interface AttendanceRow {
  id: string; org_id: string; org_name: string; kind: TMeetingKind; topic: string; starts_at: Date | string; ends_at: Date | string; place: string;
  status: TMemberStatus; roles: TBranchRole[];
  state: 'confirmed' | 'present' | 'leave' | 'absent' | null; method: string | null; checked_in_at: Date | string | null;
  leave_category: TLeaveCategory | null; leave_reason: string | null;
}

/** 出席 / 补录 / 请假 / 缺席 of a meeting that is over: a confirmation never followed by a check-in is an absence (ATT-1). */
function historyState(r: AttendanceRow): THistoryState {
  if (r.state === 'present') return r.method === 'backfill' ? 'backfill' : 'present';
  return r.state === 'leave' ? 'leave' : 'absent';
}

/** Every meeting of `year` that ended before `now` and that I was expected at, newest first. */
export async function myAttendance(tx: Queryable, personId: string, year: number, now: Date): Promise<TMyAttendanceItem[]> {
  const [from, to] = yearRange(year);
  const { rows } = await tx.query<AttendanceRow>(
    `select m.id, m.org_id, o.name as org_name, m.kind, m.topic, m.starts_at, m.ends_at, m.place,
            ms.status, ms.roles::text[] as roles,
            a.state, a.method, a.checked_in_at, a.leave_category, a.leave_reason
       from memberships ms
       join meetings m on m.org_id = ms.org_id
       join organisations o on o.id = m.org_id
       left join attendance a on a.meeting_id = m.id and a.person_id = ms.person_id
      where ms.person_id = $1 and ms.left_on is null
        and (m.starts_at at time zone 'Asia/Shanghai')::date >= ms.joined_on
        and m.status <> 'cancelled' and m.ends_at <= $2 and m.starts_at >= $3 and m.starts_at < $4
      order by m.starts_at desc, m.id`,
    [personId, now, from, to],
  );
  return rows
    .filter((r) => canAttend(r.status, r.kind, isOnCommittee({ personId, status: r.status, roles: r.roles })))
    .map((r) => ({
      meetingId: r.id, orgId: r.org_id, orgName: r.org_name, kind: r.kind, topic: r.topic,
      startsAt: instant(r.starts_at), endsAt: instant(r.ends_at), place: r.place, state: historyState(r),
      checkedInAt: instantOrNull(r.checked_in_at), leaveCategory: r.leave_category, leaveReason: r.leave_reason,
    }));
}

interface ItemRow {
  id: string; observation_id: string; meeting_id: string; topic: string; org_name: string; title: string; due_date: Date | string;
  status: TRectificationStatus; return_reason: string | null; submitted_at: Date | string | null; closed_at: Date | string | null;
}

/** FB-2, FB-4: the items I own, the ones still to do first (by due date), then the closed ones. */
export async function myRectifications(tx: Queryable, personId: string, page: { limit: number; offset: number }, now: Date, policy: TPolicy) {
  const { rows } = await tx.query<ItemRow>(
    `select i.id, i.observation_id, o.meeting_id, m.topic, org.name as org_name, i.title, i.due_date, i.status, i.return_reason,
            i.submitted_at, i.closed_at
       from rectification_items i
       join observations o on o.id = i.observation_id
       join meetings m on m.id = o.meeting_id
       join organisations org on org.id = m.org_id
      where i.owner_person_id = $1
      order by (i.status = 'closed'), i.due_date, i.id
      limit $2 offset $3`,
    [personId, page.limit + 1, page.offset],
  );
  const today = toDateString(now.toISOString());
  const items = rows.slice(0, page.limit).map((r): TMyRectificationItem => {
    const dueDate = dateOnly(r.due_date);
    const doneOn = r.closed_at ? toDateString(new Date(r.closed_at).toISOString()) : null;
    return {
      id: r.id, observationId: r.observation_id, meetingId: r.meeting_id, meetingTopic: r.topic, orgName: r.org_name, title: r.title,
      dueDate, status: r.status, state: deadlineState(dueDate, today, doneOn, policy), returnReason: r.return_reason,
      submittedAt: instantOrNull(r.submitted_at), closedAt: instantOrNull(r.closed_at),
    };
  });
  return { items, nextOffset: rows.length > page.limit ? page.offset + page.limit : null };
}
