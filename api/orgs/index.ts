// ORG-1: the organisation tree of the caller's scope, and new organisations in it (office staff; RLS decides).
import { randomUUID } from 'node:crypto';
import { ZCreateOrgRequest, ZOrgTreeQuery, type TOrgTreeResponse } from '@tingkan/shared';
import { endpoint, handler, reply } from '../_lib/handler';
import { createOrg, loadOrg, loadTree } from '../_lib/people/orgs';

export default handler({
  GET: endpoint({
    auth: 'user',
    query: ZOrgTreeQuery,
    run: ({ query, tx }): Promise<TOrgTreeResponse> => loadTree(tx, query.rootId),
  }),
  POST: endpoint({
    auth: 'user',
    body: ZCreateOrgRequest,
    async run({ body, tx }) {
      const id = randomUUID();
      await createOrg(tx, body, id);
      return reply(201, { org: await loadOrg(tx, id) });
    },
  }),
});
