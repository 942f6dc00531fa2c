// ORG-2, ORG-3: search people (paged, filtered in SQL) and add a person, optionally with a first membership.
import { randomUUID } from 'node:crypto';
import { ZCreatePersonRequest, ZPeopleQuery, type TPeopleList } from '@tingkan/shared';
import { endpoint, handler, reply } from '../_lib/handler';
import { addMembership } from '../_lib/people/memberships';
import { insertPerson, listPeople, loadPerson } from '../_lib/people/people';

export default handler({
  GET: endpoint({
    auth: 'user',
    query: ZPeopleQuery,
    run: ({ query, tx }): Promise<TPeopleList> => listPeople(tx, query),
  }),
  POST: endpoint({
    auth: 'user',
    body: ZCreatePersonRequest,
    async run({ body, tx }) {
      const id = randomUUID();
      const { membership, ...person } = body;
      await insertPerson(tx, id, person);
      if (membership) await addMembership(tx, id, membership);
      return reply(201, { person: await loadPerson(tx, id) });
    },
  }),
});
