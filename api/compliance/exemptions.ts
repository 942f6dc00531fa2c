// CALC-4: the office exempts a branch from a duty for a period, with a reason.
import { ZCreateExemptionRequest } from '@tingkan/shared';
import { endpoint, handler, reply } from '../_lib/handler';
import { requireBranch } from '../_lib/office/orgs';
import { requireOffice } from '../_lib/office/scope';

export default handler({
  // POST /api/compliance/exemptions {orgId, periodStart, periodEnd, meetingKind, reason} → 201 {exemption}
  POST: endpoint({
    auth: 'user',
    body: ZCreateExemptionRequest,
    async run({ body, caller, tx }) {
      await requireOffice(tx);
      await requireBranch(tx, body.orgId);
      const { rows } = await tx.query(
        `insert into compliance_exemptions (org_id, period_start, period_end, meeting_kind, reason, created_by)
         values ($1, $2, $3, $4, $5, $6)
         returning id, org_id as "orgId", period_start::text as "periodStart", period_end::text as "periodEnd", meeting_kind as "meetingKind", reason`,
        [body.orgId, body.periodStart, body.periodEnd, body.meetingKind, body.reason, caller.sub],
      );
      return reply(201, { exemption: rows[0] });
    },
  }),
});
