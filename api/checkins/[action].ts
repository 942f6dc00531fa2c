import { ZManualCheckinRequest, ZQrQuery, type TQrResponse } from '@tingkan/shared';
import { byAction, endpoint, handler } from '../_lib/handler';
import { assertHost } from '../_lib/checkin/meeting';
import { manualCheckIn } from '../_lib/checkin/manual';
import { issueQr } from '../_lib/qr-token';
import { now } from '../_lib/clock';

// GET /api/checkins/qr?meetingId=: the host's current rotating code, drawn on the device (D6).
const qr = endpoint({
  auth: 'user',
  query: ZQrQuery,
  async run({ query, tx, req }): Promise<TQrResponse> {
    await assertHost(tx, query.meetingId);
    const code = issueQr(query.meetingId, now().getTime());
    const origin = `${String(req.headers['x-forwarded-proto'] ?? 'http')}://${String(req.headers.host ?? 'localhost')}`;
    return {
      payload: code.payload,
      url: `${origin}/#/pages/scan/index?qr=${encodeURIComponent(code.payload)}`,
      expiresAt: code.expiresAt.toISOString(),
      refreshAfterMs: code.refreshAfterMs,
    };
  },
});

// POST /api/checkins/manual: the host checks in a member without a smartphone, or 补录 after the meeting.
const manual = endpoint({
  auth: 'user',
  body: ZManualCheckinRequest,
  run: ({ body, caller, tx }) => manualCheckIn(tx, caller.sub, body.meetingId, body.personId, now()),
});

export default byAction({
  qr: handler({ GET: qr }),
  manual: handler({ POST: manual }),
});
