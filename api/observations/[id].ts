// OBS-5: one observation as its group, the observed branch and office staff see it (RLS decides who).
import { ZId, ZObservationPlan, type TObservationDetail } from '@tingkan/shared';
import * as z from 'zod';
import { endpoint, handler } from '../_lib/handler';
import { now } from '../_lib/clock';
import { instant, instantOrNull } from '../_lib/meetings/rows';
import { loadMeeting } from '../_lib/meetings/queries';
import { groupOf, loadObservation } from '../_lib/observations/access';
import { loadPolicy, planDeadline } from '../_lib/observations/plan';

export default handler({
  GET: endpoint({
    auth: 'user',
    query: z.object({ id: ZId }).strict(),
    async run({ query, tx }): Promise<TObservationDetail> {
      const o = await loadObservation(tx, query.id);
      const meeting = await loadMeeting(tx, o.meeting_id);
      const submittedAt = instantOrNull(o.plan_submitted_at);
      const due = planDeadline(o, meeting, submittedAt, instant(now()), await loadPolicy(tx));
      return {
        id: o.id, mode: o.mode, rubric: o.rubric, status: o.status, meeting,
        group: (await groupOf(tx, o.id)).map((g) => ({ ...g, checkedInAt: instantOrNull(g.checkedInAt) })),
        plan: o.plan ? ZObservationPlan.parse(o.plan) : null,
        planSubmittedAt: submittedAt,
        planDueDate: due.dueDate,
        planLate: due.late,
        feedbackSentAt: instantOrNull(o.feedback_sent_at),
      };
    },
  }),
});
