// ORG-1..3: one organisation with its current members, and edits by office staff of its scope.
import { ZIdParam, ZUpdateOrgRequest } from '@tingkan/shared';
import { endpoint, handler } from '../_lib/handler';
import { loadOrg, updateOrg } from '../_lib/people/orgs';
import { listPeople } from '../_lib/people/people';

export default handler({
  GET: endpoint({
    auth: 'user',
    query: ZIdParam,
    async run({ query, tx }) {
      const org = await loadOrg(tx, query.id);
      // The first 100 current members; GET /api/people?orgId= pages through the rest.
      const members = await listPeople(tx, { orgId: org.id, limit: 100 });
      return { org, members: members.items, moreMembers: members.nextCursor };
    },
  }),
  PATCH: endpoint({
    auth: 'user',
    query: ZIdParam,
    body: ZUpdateOrgRequest,
    async run({ query, body, tx }) {
      await updateOrg(tx, query.id, body);
      return { org: await loadOrg(tx, query.id) };
    },
  }),
});
