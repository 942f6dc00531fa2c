import { ZCheckinRequest } from '@tingkan/shared';
import { endpoint, handler } from '../_lib/handler';
import { checkIn } from '../_lib/checkin/checkin';
import { now } from '../_lib/clock';

// POST /api/checkins: the scanned rotating code checks the caller in (D6). Idempotent.
export default handler({
  POST: endpoint({
    auth: 'user',
    body: ZCheckinRequest,
    run: ({ body, caller, tx }) => checkIn(tx, caller.sub, body, now()),
  }),
});
