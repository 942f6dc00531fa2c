// ORG-4: the 巡听旁听人员库. Everyone signed in reads it (mobiles masked unless office staff);
// office staff add and edit entries (RLS decides).
import { ZCreateObserverRequest, ZObserverQuery, ZUpdateObserverRequest, type TObserverList } from '@tingkan/shared';
import { endpoint, handler, reply } from '../_lib/handler';
import { createObserver, listObservers, loadObserver, updateObserver } from '../_lib/people/observers';

export default handler({
  GET: endpoint({
    auth: 'user',
    query: ZObserverQuery,
    run: ({ query, tx }): Promise<TObserverList> => listObservers(tx, query),
  }),
  POST: endpoint({
    auth: 'user',
    body: ZCreateObserverRequest,
    async run({ body, tx }) {
      return reply(201, { observer: await loadObserver(tx, await createObserver(tx, body)) });
    },
  }),
  PATCH: endpoint({
    auth: 'user',
    body: ZUpdateObserverRequest,
    async run({ body, tx }) {
      await updateObserver(tx, body);
      return { observer: await loadObserver(tx, body.id) };
    },
  }),
});
