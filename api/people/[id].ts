// ORG-2: one person (mobile masked unless the caller is office staff) and edits by the office of their scope.
import { ZIdParam, ZUpdatePersonRequest } from '@tingkan/shared';
import { endpoint, handler } from '../_lib/handler';
import { loadPerson, updatePerson } from '../_lib/people/people';

export default handler({
  GET: endpoint({
    auth: 'user',
    query: ZIdParam,
    async run({ query, tx }) {
      return { person: await loadPerson(tx, query.id) };
    },
  }),
  PATCH: endpoint({
    auth: 'user',
    query: ZIdParam,
    body: ZUpdatePersonRequest,
    async run({ query, body, tx }) {
      await updatePerson(tx, query.id, body);
      return { person: await loadPerson(tx, query.id) };
    },
  }),
});
