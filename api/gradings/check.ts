// RATE-1..3: check a grading against the quotas with the shared rules: which quota is broken and by how many.
import { checkMemberGrades, checkOrgGrades, checkSecretaryGrades, ZGradingCheckRequest } from '@tingkan/shared';
import { endpoint, handler } from '../_lib/handler';
import { currentPolicy } from '../_lib/office/policy';

export default handler({
  // POST /api/gradings/check {kind: 'member'|'branch'|'secretary', grades: [...]} → the shared TQuotaCheck
  POST: endpoint({
    auth: 'user',
    body: ZGradingCheckRequest,
    async run({ body, tx }) {
      const policy = await currentPolicy(tx);
      if (body.kind === 'member') return checkMemberGrades({ members: body.grades }, policy);
      if (body.kind === 'branch') return checkOrgGrades({ grades: body.grades }, policy);
      return checkSecretaryGrades({ grades: body.grades }, policy);
    },
  }),
});
