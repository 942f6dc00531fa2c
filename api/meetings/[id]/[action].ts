// MTG-*: actions on one meeting: cancel with a reason, record it (MTG-11, MTG-9), attach evidence (D2).
import type { VercelRequest, VercelResponse } from '@vercel/node';
import { DomainError, ZCancelMeetingRequest, ZEvidenceUploadRequest, ZId, ZMeetingRecordRequest } from '@tingkan/shared';
import * as z from 'zod';
import { endpoint, handler, reply, sendError } from '../../_lib/handler';
import { now } from '../../_lib/clock';
import { cancelMeeting, loadMeeting } from '../../_lib/meetings/queries';
import { recordMeeting } from '../../_lib/meetings/record';
import { createEvidence } from '../../_lib/meetings/evidence';

const ZPath = z.object({ id: ZId, action: z.string() }).strict();

const cancel = endpoint({
  auth: 'user',
  query: ZPath,
  body: ZCancelMeetingRequest,
  async run({ query, body, tx }) {
    const meeting = await loadMeeting(tx, query.id);
    if (meeting.status === 'cancelled') throw new DomainError('MEETING_ALREADY_CANCELLED');
    if (meeting.status !== 'planned') throw new DomainError('MEETING_NOT_EDITABLE');
    await cancelMeeting(tx, meeting.id, body.reason);
    return { meeting: await loadMeeting(tx, meeting.id) };
  },
});

const record = endpoint({
  auth: 'user',
  query: ZPath,
  body: ZMeetingRecordRequest,
  async run({ query, body, tx }) {
    return recordMeeting(tx, await loadMeeting(tx, query.id), body, now());
  },
});

const evidence = endpoint({
  auth: 'user',
  query: ZPath,
  body: ZEvidenceUploadRequest,
  async run({ query, body, caller, tx }) {
    const meeting = await loadMeeting(tx, query.id);
    return reply(201, await createEvidence(tx, meeting.id, body, caller.sub, now()));
  },
});

const handlers: Record<string, ReturnType<typeof handler>> = {
  cancel: handler({ POST: cancel }),
  record: handler({ POST: record }),
  evidence: handler({ POST: evidence }),
};

export default function meetingAction(req: VercelRequest, res: VercelResponse) {
  const action = typeof req.query.action === 'string' ? req.query.action : '';
  const h = Object.hasOwn(handlers, action) ? handlers[action] : undefined;
  return h ? h(req, res) : sendError(res, 'NOT_FOUND', '没有这个接口');
}
