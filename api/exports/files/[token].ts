// D9, local mode: GET an export that was too large to answer inline, by the signed, expiring ticket
// that GET /api/exports/[kind] handed out (on Supabase the signed URL points at Storage instead).
import { endpoint, handler } from '../../_lib/handler';
import { now } from '../../_lib/clock';
import { readLocal, verifyDownload } from '../../_lib/storage';
import { fileReply } from '../../_lib/exports/respond';

export default handler({
  GET: endpoint({
    auth: 'public',
    async run({ req }) {
      const ticket = verifyDownload(typeof req.query.token === 'string' ? req.query.token : '', now());
      return fileReply({ name: ticket.name, contentType: ticket.contentType, body: await readLocal(ticket.path) });
    },
  }),
});
