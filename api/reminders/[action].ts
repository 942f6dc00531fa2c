// D9: POST /api/reminders/subscribe {templateKeys}: the user tapped 提醒我 and WeChat's requestSubscribeMessage
// said accept: one consent per template = one message. POST /api/reminders/run[?limit=N]: the sender, for office
// staff or a scheduler with the x-cron-secret header (REMINDER_CRON_SECRET), one bounded batch per call
// (REMINDER_RUN_LIMIT, REMINDER_RUN_BUDGET_MS); `left` > 0 asks for another call.
import { timingSafeEqual } from 'node:crypto';
import type { VercelRequest } from '@vercel/node';
import * as z from 'zod';
import { DomainError, ZSubscribeRequest } from '@tingkan/shared';
import { byAction, endpoint, handler, reply } from '../_lib/handler';
import { now } from '../_lib/clock';
import { withCaller } from '../_lib/db';
import { env } from '../_lib/env';
import { bearerToken, verifyToken } from '../_lib/session';
import { runReminders } from '../_lib/reminders/send';

const subscribe = endpoint({
  auth: 'user', body: ZSubscribeRequest,
  async run({ body, caller, tx }) {
    for (const key of body.templateKeys) {
      await tx.query('insert into reminder_subscriptions (person_id, template_key, granted_at) values ($1, $2, $3)', [caller.sub, key, now().toISOString()]);
    }
    const { rows } = await tx.query<{ template_key: string; n: number }>(
      'select template_key, count(*)::int as n from reminder_subscriptions where person_id = $1 and used_at is null group by template_key', [caller.sub],
    );
    return reply(201, { consents: Object.fromEntries(rows.map((r) => [r.template_key, Number(r.n)])) });
  },
});

function cronAllowed(req: VercelRequest): boolean {
  const secret = env().REMINDER_CRON_SECRET;
  const given = req.headers['x-cron-secret'];
  if (!secret || typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

const run = endpoint({
  auth: 'public',
  query: z.object({ action: z.literal('run'), limit: z.coerce.number().int().min(1).max(1000).optional() }).strict(),
  async run({ req, query }) {
    if (!cronAllowed(req)) {
      const token = bearerToken(req.headers.authorization);
      if (!token) throw new DomainError('UNAUTHENTICATED');
      const caller = await verifyToken(token);
      const office = await withCaller(caller, async (tx) => (await tx.query<{ ok: boolean }>('select app.is_office() as ok')).rows[0]?.ok === true);
      if (!office) throw new DomainError('FORBIDDEN', '只有机关党委办（工委）工作人员或定时任务可以发送提醒');
    }
    const at = now();
    const limit = query.limit ?? env().REMINDER_RUN_LIMIT;
    const result = await runReminders(at, { limit, budgetMs: env().REMINDER_RUN_BUDGET_MS });
    return { at: at.toISOString(), limit, ...result, done: result.left === 0 };
  },
});

export default byAction({ subscribe: handler({ POST: subscribe }), run: handler({ POST: run }) });
