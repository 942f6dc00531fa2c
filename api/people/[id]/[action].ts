// ORG-2, ORG-3: a person's memberships (add; change status, roles, or end one with leftOn),
// and D3: an invitation code for their first WeChat login.
import { ZIdParam, ZMembershipInput, ZUpdateMembershipRequest } from '@tingkan/shared';
import { byAction, endpoint, handler, reply } from '../../_lib/handler';
import { now } from '../../_lib/clock';
import { addMembership, changeMembership } from '../../_lib/people/memberships';
import { issueInvitation } from '../../_lib/people/invitation';

const memberships = handler({
  POST: endpoint({
    auth: 'user',
    query: ZIdParam,
    body: ZMembershipInput,
    async run({ query, body, tx }) {
      return reply(201, { membership: await addMembership(tx, query.id, body) });
    },
  }),
  PATCH: endpoint({
    auth: 'user',
    query: ZIdParam,
    body: ZUpdateMembershipRequest,
    async run({ query, body, tx }) {
      return { membership: await changeMembership(tx, query.id, body) };
    },
  }),
});

const invitation = handler({
  POST: endpoint({
    auth: 'user',
    query: ZIdParam,
    async run({ query, tx }) {
      return reply(201, await issueInvitation(tx, query.id, now()));
    },
  }),
});

export default byAction({ memberships, invitation });
