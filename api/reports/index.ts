// FB-3: POST the invited committee member's report-back at their own branch's committee meeting;
// FB-4: POST the observed branch's half-yearly progress and quarterly commitment reports.
// Due dates come from the shared deadline rule (CALC-3). GET lists reports and what is due next.
import { DomainError, reportDueDate, ZFileReportRequest, ZId } from '@tingkan/shared';
import * as z from 'zod';
import { randomUUID } from 'node:crypto';
import { endpoint, handler, reply } from '../_lib/handler';
import { now } from '../_lib/clock';
import { instant } from '../_lib/meetings/rows';
import { loadObservation } from '../_lib/observations/access';
import { loadPolicy } from '../_lib/observations/plan';
import { deadlinesOf, deadlinesOrNone } from '../_lib/feedback/deadlines';
import { inviteeBranchOf, listReports, observedOrgOf } from '../_lib/feedback/reports';

export default handler({
  POST: endpoint({
    auth: 'user', body: ZFileReportRequest,
    async run({ body, caller, tx }) {
      const o = await loadObservation(tx, body.observationId);
      let orgId: string;
      if (body.kind === 'report_back') {
        const own = o.assigned ? await inviteeBranchOf(tx, o.id) : null;
        if (!own) throw new DomainError('FORBIDDEN', '只有受邀参加观摩的其他支部委员向本支部汇报');
        orgId = own;
      } else {
        if (!o.leads) throw new DomainError('FORBIDDEN', '只有被观摩支部的书记、副书记可以登记整改进展通报');
        if (o.feedback_sent_at === null) throw new DomainError('FEEDBACK_NOT_SENT');
        orgId = await observedOrgOf(tx, o.id);
      }
      const policy = await loadPolicy(tx);
      const dueDate = reportDueDate(body.kind, body.periodNo, await deadlinesOf(tx, o.id, instant(now()), policy), policy);
      const taken = await tx.query('select 1 from observation_reports where observation_id = $1 and kind = $2 and period_no = $3', [o.id, body.kind, body.periodNo]);
      if (taken.rows.length > 0) throw new DomainError('REPORT_EXISTS');
      const id = randomUUID();
      await tx.query(
        `insert into observation_reports (id, observation_id, kind, period_no, org_id, due_date, held_on, summary, reported_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, o.id, body.kind, body.periodNo, orgId, dueDate, body.heldOn, body.summary, caller.sub],
      );
      return reply(201, { report: (await listReports(tx, o.id, id))[0] });
    },
  }),
  GET: endpoint({
    auth: 'user', query: z.object({ observationId: ZId }).strict(),
    async run({ query, tx }) {
      const o = await loadObservation(tx, query.observationId);
      const rows = await deadlinesOrNone(tx, o.id, instant(now()), await loadPolicy(tx));
      const due = rows.filter((r) => ['report_back', 'progress_report', 'commitment_report'].includes(r.key))
        .map((r) => ({ kind: r.key, dueDate: r.dueDate, state: r.state }));
      return { observationId: o.id, reports: await listReports(tx, o.id), due };
    },
  }),
});
