import { DomainError, ZMotionCreate } from '@tingkan/shared';
import { endpoint, handler, reply } from '../_lib/handler';
import { assertHost } from '../_lib/checkin/meeting';
import { motionView } from '../_lib/checkin/motions';

// POST /api/motions: the host puts a motion to the 党员大会 or 支委会 (VOTE-2).
export default handler({
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
