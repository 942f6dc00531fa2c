// D9: my reminders, the in-app task list's source of truth: every reminder decided for me, sent or not,
// and how many one-time consents (提醒我) I have left per template.
import * as z from 'zod';
import { endpoint, handler } from '../_lib/handler';
import { instant, instantOrNull } from '../_lib/meetings/rows';
import { dateOnly } from '../_lib/feedback/feedback';

interface Row {
  id: string; ref: string; deadline_key: string; observation_id: string | null; rectification_item_id: string | null; label: string;
  due_date: Date | string; slot: string; template_key: string; status: string; errcode: number | null; created_at: Date | string; sent_at: Date | string | null;
}

export default handler({
  GET: endpoint({
    auth: 'user',
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) }).strict(),
    async run({ query, caller, tx }) {
      const { rows } = await tx.query<Row>(
        `select id, ref, deadline_key, observation_id, rectification_item_id, label, due_date, slot, template_key, status, errcode, created_at, sent_at
           from reminders where person_id = $1 order by created_at desc, id limit $2 offset $3`,
        [caller.sub, query.limit + 1, query.offset],
      );
      const consents = await tx.query<{ template_key: string; n: number }>(
        'select template_key, count(*)::int as n from reminder_subscriptions where person_id = $1 and used_at is null group by template_key', [caller.sub],
      );
      return {
        items: rows.slice(0, query.limit).map((r) => ({
          id: r.id, ref: r.ref, key: r.deadline_key, observationId: r.observation_id, rectificationItemId: r.rectification_item_id, label: r.label,
          dueDate: dateOnly(r.due_date), slot: r.slot, templateKey: r.template_key, status: r.status, errcode: r.errcode,
          createdAt: instant(r.created_at), sentAt: instantOrNull(r.sent_at),
        })),
        nextOffset: rows.length > query.limit ? query.offset + query.limit : null,
        consents: Object.fromEntries(consents.rows.map((c) => [c.template_key, Number(c.n)])),
      };
    },
  }),
});
