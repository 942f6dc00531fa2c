// FB-1: POST the group's written evaluation back to the observed branch (group leader or office staff);
// GET it as the group, the observed branch or office staff. Sending opens the notes to the branch (RLS).
import { DomainError, ZId, ZSendFeedbackRequest } from '@tingkan/shared';
import * as z from 'zod';
import { endpoint, handler, reply } from '../_lib/handler';
import { now } from '../_lib/clock';
import { instant } from '../_lib/meetings/rows';
import { groupOf, loadObservation } from '../_lib/observations/access';
import { loadPolicy } from '../_lib/observations/plan';
import { listSheets, resultOf } from '../_lib/observations/sheets';
import { deadlinesOf, deadlinesOrNone } from '../_lib/feedback/deadlines';
import { isGroupLeader, loadFeedback, storeFeedback } from '../_lib/feedback/feedback';

const ZPath = z.object({ observationId: ZId }).strict();

export default handler({
  POST: endpoint({
    auth: 'user', query: ZPath, body: ZSendFeedbackRequest,
    async run({ query, body, caller, tx }) {
      const o = await loadObservation(tx, query.observationId);
      if (!o.office && !(await isGroupLeader(tx, o.id))) throw new DomainError('FORBIDDEN', '只有观察小组组长或机关党委办可以反馈书面评价');
      if (o.status === 'cancelled') throw new DomainError('OBSERVATION_CANCELLED');
      if (o.feedback_sent_at !== null) throw new DomainError('FEEDBACK_ALREADY_SENT');
      // SCORE-3: the group result from every observer's latest sheet, frozen into the feedback.
      const group = await groupOf(tx, o.id);
      const all = await listSheets(tx, o.id);
      const latest = group.map((g) => all.filter((s) => s.observerId === g.personId).at(-1)).filter((s) => s !== undefined);
      const { groupResult, missing } = resultOf(o.rubric, group, latest);
      if (!groupResult) throw new DomainError('FEEDBACK_SHEETS_MISSING', `观察小组还有成员未提交评分表：${missing.join('、')}`);
      const at = now();
      // FB-1: late or not against the shared rule's feedback_to_branch due date (working days, FB-6).
      const rows = await deadlinesOf(tx, o.id, instant(at), await loadPolicy(tx));
      const fb = rows.find((r) => r.key === 'feedback_to_branch')!;
      const due = { dueDate: fb.dueDate, late: instant(at).slice(0, 10) > fb.dueDate };
      await storeFeedback(tx, o.id, caller.sub, at, body, groupResult, due);
      return reply(201, { feedback: await loadFeedback(tx, o.id) });
    },
  }),
  GET: endpoint({
    auth: 'user', query: ZPath,
    async run({ query, tx }) {
      const o = await loadObservation(tx, query.observationId);
      const feedback = await loadFeedback(tx, o.id);
      const rows = await deadlinesOrNone(tx, o.id, instant(now()), await loadPolicy(tx));
      const fb = rows.find((r) => r.key === 'feedback_to_branch');
      return { observationId: o.id, feedback, dueDate: fb?.dueDate ?? null, state: fb?.state ?? null };
    },
  }),
});
