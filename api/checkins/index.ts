import { ZCheckinRequest } from '@tingkan/shared';
import { endpoint, handler } from '../_lib/handler';
import { checkIn } from '../_lib/checkin/checkin';
import { now } from '../_lib/clock';
import { checkinLimits } from '../_lib/rate-limit';

// POST /api/checkins: the scanned rotating code checks the caller in (D6). Idempotent.
export default handler({
  POST: endpoint({
    auth: 'user',
    body: ZCheckinRequest,
    rateLimit: checkinLimits,
    run: ({ body, caller, tx }) => checkIn(tx, caller.sub, body, now()),
  }),
});
