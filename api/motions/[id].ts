import * as z from 'zod';
import { DomainError, ZId, ZVoteRequest, isVoter, isOnCommittee } from '@tingkan/shared';
import { endpoint, handler } from '../_lib/handler';
import { motionView } from '../_lib/checkin/motions';
import { assertHost, visibleMeeting } from '../_lib/checkin/meeting';
import { rosterOf } from '../_lib/checkin/roster';

const ZMotionId = z.object({ id: ZId }).loose();

export default handler({
  // GET /api/motions/[id]: the votes so far and whether the motion passes (VOTE-2).
  GET: endpoint({ auth: 'user', query: ZMotionId, run: ({ query, tx }) => motionView(tx, query.id) }),
  // POST /api/motions/[id]: a member's own vote, or the host recording one (personId).
  POST: endpoint({
    auth: 'user',
    query: ZMotionId,
    body: ZVoteRequest,
    async run({ query, body, caller, tx }) {
      const view = await motionView(tx, query.id);
      const voterId = body.personId ?? caller.sub;
      if (voterId !== caller.sub) await assertHost(tx, view.meetingId);
      const meeting = (await visibleMeeting(tx, view.meetingId))!;
      const entry = (await rosterOf(tx, meeting)).find((r) => r.personId === voterId);
      // VOTE-4: 预备党员 and non-members never vote; at a 支委会 only the committee does.
      const eligible = entry && isVoter(entry) && (meeting.kind !== 'committee_meeting' || isOnCommittee(entry));
      if (!eligible) throw new DomainError('VOTE_NOT_ELIGIBLE');
      await tx.query(
        `insert into votes (motion_id, person_id, choice, recorded_by) values ($1, $2, $3, $4)
         on conflict (motion_id, person_id) do update set choice = excluded.choice, recorded_by = excluded.recorded_by, recorded_at = now()`,
        [query.id, voterId, body.choice, caller.sub],
      );
      return motionView(tx, query.id);
    },
  }),
});
