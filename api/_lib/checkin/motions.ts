import { DomainError, motionPasses, type TMotionView } from '@tingkan/shared';
import type { Queryable } from '../db';
import { visibleMeeting } from './meeting';
import { rosterOf } from './roster';

/** VOTE-2: judged against everyone who should attend (应到), recomputed from the stored votes. */
export async function motionView(tx: Queryable, motionId: string): Promise<TMotionView> {
  const { rows } = await tx.query<{ id: string; meeting_id: string; title: string }>('select id, meeting_id, title from motions where id = $1', [motionId]);
  const motion = rows[0];
  if (!motion) throw new DomainError('NOT_FOUND', '没有找到这项表决');
  const meeting = await visibleMeeting(tx, motion.meeting_id);
  if (!meeting) throw new DomainError('NOT_FOUND', '没有找到这项表决');
  if (meeting.kind !== 'general_meeting' && meeting.kind !== 'committee_meeting') {
    throw new DomainError('VALIDATION_FAILED', '只有支部党员大会和支委会可以表决');
  }
  const roster = (await rosterOf(tx, meeting)).map((r) => ({ personId: r.personId, status: r.status, roles: r.roles }));
  const votes = await tx.query<{ person_id: string; choice: 'yes' | 'no' | 'abstain' }>(
    'select person_id, choice from votes where motion_id = $1 order by person_id',
    [motionId],
  );
  const result = motionPasses({ body: meeting.kind, roster, votes: votes.rows.map((v) => ({ personId: v.person_id, choice: v.choice })) });
  return { id: motion.id, meetingId: motion.meeting_id, title: motion.title, result };
}
