// The observation's working parts: the branch's plan (OBS-5), the group's notes (OBS-7), score sheets (SCORE-1..3).
import type { VercelRequest, VercelResponse } from '@vercel/node';
import { DomainError, isDomainError, ZId, ZObservationPlan, ZSaveNotesRequest, ZSubmitSheetRequest, type TNotesResponse, type TObservationPlanResponse, type TSheetsResponse } from '@tingkan/shared';
import * as z from 'zod';
import { endpoint, handler, reply, sendError } from '../../_lib/handler';
import { now } from '../../_lib/clock';
import { instant } from '../../_lib/meetings/rows';
import { loadMeeting } from '../../_lib/meetings/queries';
import { groupOf, loadForObserver, loadObservation } from '../../_lib/observations/access';
import { loadPolicy, planDeadline, storePlan } from '../../_lib/observations/plan';
import { listNotes, saveNote } from '../../_lib/observations/notes';
import { listSheets, resultOf, submitSheet } from '../../_lib/observations/sheets';

const ZPath = z.object({ id: ZId, action: z.string() }).strict();

const plan = endpoint({
  auth: 'user', query: ZPath, body: ZObservationPlan,
  async run({ query, body, tx }): Promise<TObservationPlanResponse> {
    const o = await loadObservation(tx, query.id);
    // OBS-5: the observed branch submits its own plan.
    if (!o.leads) throw new DomainError('FORBIDDEN', '只有被观摩支部的书记、副书记可以提交组织方案');
    if (o.status === 'cancelled') throw new DomainError('OBSERVATION_CANCELLED');
    const at = now();
    const submittedAt = instant(await storePlan(tx, o.id, body, at));
    const due = planDeadline(o, await loadMeeting(tx, o.meeting_id), submittedAt, submittedAt, await loadPolicy(tx));
    return { observationId: o.id, plan: body, planSubmittedAt: submittedAt, late: due.late, dueDate: due.dueDate };
  },
});

const notes = handler({
  PUT: endpoint({
    auth: 'user', query: ZPath, body: ZSaveNotesRequest,
    async run({ query, body, caller, tx }) {
      const o = await loadForObserver(tx, query.id);
      return { note: await saveNote(tx, o.id, caller.sub, body) };
    },
  }),
  GET: endpoint({
    auth: 'user', query: ZPath,
    async run({ query, tx }): Promise<TNotesResponse> {
      const o = await loadObservation(tx, query.id);
      return { observationId: o.id, notes: await listNotes(tx, o.id) };
    },
  }),
});

const sheets = handler({
  POST: endpoint({
    auth: 'user', query: ZPath, body: ZSubmitSheetRequest,
    async run({ query, body, caller, tx }) {
      const o = await loadForObserver(tx, query.id);
      return reply(201, { sheet: await submitSheet(tx, o.id, o.rubric, caller.sub, body) });
    },
  }),
  GET: endpoint({
    auth: 'user', query: ZPath,
    async run({ query, tx }): Promise<TSheetsResponse> {
      const o = await loadObservation(tx, query.id).catch((e: unknown) => {
        throw isDomainError(e) && e.code === 'NOT_FOUND' ? new DomainError('FORBIDDEN') : e;
      });
      if (!o.assigned && !o.office) throw new DomainError('FORBIDDEN', '只有观察小组和机关党委办可以查看评分表');
      const group = await groupOf(tx, o.id);
      const all = await listSheets(tx, o.id);
      const latest = group.map((g) => all.filter((s) => s.observerId === g.personId).at(-1)).filter((s) => s !== undefined);
      return {
        observationId: o.id, rubric: o.rubric,
        observers: group.map((g) => ({ personId: g.personId, name: g.name, sheets: all.filter((s) => s.observerId === g.personId) })),
        ...resultOf(o.rubric, group, latest),
      };
    },
  }),
});

const handlers: Record<string, ReturnType<typeof handler>> = { plan: handler({ POST: plan }), notes, sheets };

export default function observationAction(req: VercelRequest, res: VercelResponse) {
  const action = typeof req.query.action === 'string' ? req.query.action : '';
  const h = Object.hasOwn(handlers, action) ? handlers[action] : undefined;
  return h ? h(req, res) : sendError(res, 'NOT_FOUND', '没有这个接口');
}
