// FB-2, FB-4: GET /api/me/rectifications?limit=&offset=: the rectification items I own (my commitments),
// still-to-do first, each with its due date and where it stands; the reason when one was sent back.
import { ZMyRectificationsQuery, ZMyRectificationsResponse, type TMyRectificationsResponse } from '@tingkan/shared';
import { endpoint, handler } from '../_lib/handler';
import { now } from '../_lib/clock';
import { currentPolicy } from '../_lib/policy';
import { myRectifications } from '../_lib/me/history';

export default handler({
  GET: endpoint({
    auth: 'user',
    query: ZMyRectificationsQuery,
    async run({ query, caller, tx }): Promise<TMyRectificationsResponse> {
      return ZMyRectificationsResponse.parse(await myRectifications(tx, caller.sub, query, now(), await currentPolicy(tx)));
    },
  }),
});
