import * as z from 'zod';
import { DomainError, ZAttendanceRequest, ZId } from '@tingkan/shared';
import { endpoint, handler } from '../_lib/handler';
import { visibleMeeting } from '../_lib/checkin/meeting';
import { rosterOf, rosterView } from '../_lib/checkin/roster';

async function meetingOrThrow(tx: Parameters<typeof visibleMeeting>[0], meetingId: string) {
  const meeting = await visibleMeeting(tx, meetingId);
  if (!meeting) throw new DomainError('NOT_FOUND', '没有找到这场会议');
  return meeting;
}

export default handler({
  // GET /api/attendance?meetingId=: the live roster (present / on leave / absent) and the quorum (VOTE-1, VOTE-3).
  GET: endpoint({
    auth: 'user',
    query: z.object({ meetingId: ZId }).loose(),
    run: async ({ query, tx }) => rosterView(tx, await meetingOrThrow(tx, query.meetingId)),
  }),
  // POST /api/attendance: a member confirms attendance or asks for leave with a category and reason (ATT-1).
  POST: endpoint({
    auth: 'user',
    body: ZAttendanceRequest,
    async run({ body, caller, tx }) {
      const meeting = await meetingOrThrow(tx, body.meetingId);
      if (meeting.status === 'cancelled') throw new DomainError('MEETING_CANCELLED');
      const me = (await rosterOf(tx, meeting)).find((r) => r.personId === caller.sub);
      if (!me) throw new DomainError('NOT_ON_ROSTER');
      if (me.state === 'present') throw new DomainError('ALREADY_PRESENT');
      const leave = body.state === 'leave' ? body : undefined;
      await tx.query(
        `insert into attendance (meeting_id, person_id, state, method, leave_category, leave_reason)
         values ($1, $2, $3, $4, $5, $6)
         on conflict (meeting_id, person_id) do update
            set state = excluded.state, method = excluded.method, leave_category = excluded.leave_category,
                leave_reason = excluded.leave_reason, updated_at = now()
          where attendance.state <> 'present'`,
        [meeting.id, caller.sub, body.state, body.state === 'confirmed' ? 'confirm' : null, leave?.leaveCategory ?? null, leave?.reason ?? null],
      );
      return rosterView(tx, meeting);
    },
  }),
});
