import { DomainError, ZMotionCreate, ZMotionList, ZMotionListQuery, type TMotionList } from '@tingkan/shared';
import { endpoint, handler, reply } from '../_lib/handler';
import { assertHost, visibleMeeting } from '../_lib/checkin/meeting';
import { motionView } from '../_lib/checkin/motions';

// POST /api/motions: the host puts a motion to the 党员大会 or 支委会 (VOTE-2).
// GET /api/motions?meetingId=: the meeting's motions in the order they were put, each with its result.
export default handler({
  GET: endpoint({
    auth: 'user',
    query: ZMotionListQuery,
    async run({ query, tx }): Promise<TMotionList> {
      const meeting = await visibleMeeting(tx, query.meetingId);
      if (!meeting) throw new DomainError('NOT_FOUND', '没有找到这场会议');
      // Only a 党员大会 or 支委会 votes (VOTE-1..3); any other meeting has nothing to list.
      if (meeting.kind !== 'general_meeting' && meeting.kind !== 'committee_meeting') return { meetingId: meeting.id, items: [] };
      const { rows } = await tx.query<{ id: string }>('select id from motions where meeting_id = $1 order by created_at, id', [meeting.id]);
      const items = [];
      for (const r of rows) items.push(await motionView(tx, r.id));
      return ZMotionList.parse({ meetingId: meeting.id, items });
    },
  }),
  POST: endpoint({
    auth: 'user',
    body: ZMotionCreate,
    async run({ body, caller, tx }) {
      const meeting = await assertHost(tx, body.meetingId);
      if (meeting.kind !== 'general_meeting' && meeting.kind !== 'committee_meeting') {
        throw new DomainError('VALIDATION_FAILED', '只有支部党员大会和支委会可以表决');
      }
      const { rows } = await tx.query<{ id: string }>('insert into motions (meeting_id, title, created_by) values ($1, $2, $3) returning id', [
        body.meetingId, body.title, caller.sub,
      ]);
      return reply(201, await motionView(tx, rows[0]!.id));
    },
  }),
});
