// MTG-*: one meeting (with its observation, if any) and edits while it is still planned.
import { DomainError, ZId, ZUpdateMeetingRequest, type TMeetingDetail } from '@tingkan/shared';
import * as z from 'zod';
import { endpoint, handler } from '../_lib/handler';
import { instantOrNull } from '../_lib/meetings/rows';
import { loadMeeting, observationSummary, updatePlannedMeeting } from '../_lib/meetings/queries';
import { mergeFields } from '../_lib/meetings/fields';

const ZPath = z.object({ id: ZId }).strict();

export default handler({
  GET: endpoint({
    auth: 'user',
    query: ZPath,
    async run({ query, tx }): Promise<TMeetingDetail> {
      const meeting = await loadMeeting(tx, query.id);
      const o = await observationSummary(tx, meeting.id);
      return {
        meeting,
        observation: o ? { id: o.id, mode: o.mode, status: o.status, planSubmittedAt: instantOrNull(o.plan_submitted_at) } : null,
      };
    },
  }),
  PATCH: endpoint({
    auth: 'user',
    query: ZPath,
    body: ZUpdateMeetingRequest,
    async run({ query, body, tx }) {
      const current = await loadMeeting(tx, query.id);
      if (current.status !== 'planned') throw new DomainError('MEETING_NOT_EDITABLE');
      await updatePlannedMeeting(tx, current.id, mergeFields(current, body));
      return { meeting: await loadMeeting(tx, current.id) };
    },
  }),
});
