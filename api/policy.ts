// D4: read the deployment's policy (everyone signed in; ?history=1 for its versions) and change it (office staff).
import { DomainError, ZPolicyQuery, ZPutPolicyRequest } from '@tingkan/shared';
import { endpoint, handler } from './_lib/handler';
import { loadPolicyVersion, policyHistory, savePolicy } from './_lib/policy';
import { requireOffice } from './_lib/people/access';

export default handler({
  GET: endpoint({
    auth: 'user',
    query: ZPolicyQuery,
    async run({ query, tx }) {
      if (query.history !== '1') return loadPolicyVersion(tx);
      const before = query.cursor === undefined ? undefined : Number(query.cursor);
      if (before !== undefined && !Number.isInteger(before)) {
        throw new DomainError('VALIDATION_FAILED', undefined, [{ path: 'cursor', message: '分页游标无效，请从第一页重新加载' }]);
      }
      return policyHistory(tx, query.limit, before);
    },
  }),
  PUT: endpoint({
    auth: 'user',
    body: ZPutPolicyRequest,
    async run({ body, caller, tx }) {
      await requireOffice(tx);
      await savePolicy(tx, body.value, body.reason, caller.sub);
      return loadPolicyVersion(tx);
    },
  }),
});
