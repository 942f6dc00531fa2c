// D2, local mode: PUT the bytes of an evidence file to the one-time, expiring, HMAC-signed ticket
// handed out by POST /api/meetings/[id]/evidence. Stored under UPLOAD_DIR at the evidence row's path.
import { DomainError } from '@tingkan/shared';
import { endpoint, handler } from '../_lib/handler';
import { now } from '../_lib/clock';
import { verifyTicket, writeLocal } from '../_lib/storage';

export default handler({
  PUT: endpoint({
    auth: 'public',
    async run({ req }) {
      const token = typeof req.query.token === 'string' ? req.query.token : '';
      const ticket = verifyTicket(token, now());
      const type = String(req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      const bytes: unknown = req.body;
      if (type !== ticket.contentType || !Buffer.isBuffer(bytes) || bytes.length !== ticket.sizeBytes) {
        throw new DomainError('UPLOAD_MISMATCH');
      }
      await writeLocal(ticket.path, bytes);
      return { path: ticket.path, sizeBytes: bytes.length };
    },
  }),
});
