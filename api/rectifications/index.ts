// FB-2: POST the observed branch's committee discussion with its rectification items (one transaction);
// GET the discussion and every item with its loop history.
import { DomainError, ZId, ZRecordRectificationRequest } from '@tingkan/shared';
import * as z from 'zod';
import { randomUUID } from 'node:crypto';
import { endpoint, handler, reply } from '../_lib/handler';
import { loadObservation } from '../_lib/observations/access';
import { listDiscussions, listItems, ownersOutside } from '../_lib/feedback/rectifications';

export default handler({
  POST: endpoint({
    auth: 'user', body: ZRecordRectificationRequest,
    async run({ body, caller, tx }) {
      const o = await loadObservation(tx, body.observationId);
      if (!o.leads) throw new DomainError('FORBIDDEN', '只有被观摩支部的书记、副书记可以登记整改');
      if (o.feedback_sent_at === null) throw new DomainError('FEEDBACK_NOT_SENT');
      const outside = await ownersOutside(tx, o.id, body.items.map((i) => i.ownerPersonId));
      if (outside.length > 0) {
        throw new DomainError('RECTIFICATION_OWNER_INVALID', undefined,
          outside.map((i) => ({ path: `items.${i}.ownerPersonId`, message: '责任人须是被观摩支部的成员' })));
      }
      await tx.query('insert into rectification_discussions (id, observation_id, held_on, summary, recorded_by) values ($1, $2, $3, $4, $5)',
        [randomUUID(), o.id, body.discussion.heldOn, body.discussion.summary, caller.sub]);
      for (const item of body.items) {
        await tx.query('insert into rectification_items (observation_id, title, owner_person_id, due_date, created_by) values ($1, $2, $3, $4, $5)',
          [o.id, item.title, item.ownerPersonId, item.dueDate, caller.sub]);
      }
      return reply(201, { observationId: o.id, discussions: await listDiscussions(tx, o.id), items: await listItems(tx, o.id) });
    },
  }),
  GET: endpoint({
    auth: 'user', query: z.object({ observationId: ZId }).strict(),
    async run({ query, tx }) {
      const o = await loadObservation(tx, query.observationId);
      return { observationId: o.id, discussions: await listDiscussions(tx, o.id), items: await listItems(tx, o.id) };
    },
  }),
});
