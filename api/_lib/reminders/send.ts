// D9: decide today's reminders (shared rule), use up one consent each, send through WeChat, record every outcome.
import { dueReminders, toDateString, type TTemplateKey } from '@tingkan/shared';
import { asService } from '../db';
import { env } from '../env';
import { loadPolicy } from '../observations/plan';
import { sendSubscribeMessage } from '../wechat-message';
import { collectReminderItems } from './collect';

interface Decided {
  id: string;
  openid: string;
  templateKey: TTemplateKey;
  label: string;
  dueDate: string;
  slot: string;
}

const TEMPLATE: Record<TTemplateKey, () => string> = {
  deadline: () => env().WECHAT_TEMPLATE_DEADLINE,
  rectification: () => env().WECHAT_TEMPLATE_RECTIFICATION,
};

const slotText = (slot: string) => (slot === 'due' ? '今天到期' : slot.startsWith('overdue') ? '已逾期，请尽快办理' : '即将到期');
/** WeChat's thing.DATA holds at most 20 characters. */
const thing = (s: string) => (s.length > 20 ? `${s.slice(0, 19)}…` : s);

/** Phase 1, one transaction: record each due reminder (unique per deadline, person and slot) and reserve a consent. */
async function decide(at: Date): Promise<{ decided: number; toSend: Decided[]; failedEarly: number }> {
  return asService(async (tx) => {
    const items = await collectReminderItems(tx, at, await loadPolicy(tx));
    const refs = items.map((i) => i.ref);
    const sent = await tx.query<{ ref: string; person_id: string; slot: string }>('select ref, person_id, slot from reminders where ref = any($1::text[])', [refs]);
    const due = dueReminders({ today: toDateString(at), items, sent: sent.rows.map((s) => ({ ref: s.ref, personId: s.person_id, slot: s.slot })) });
    const toSend: Decided[] = [];
    let decided = 0;
    let failedEarly = 0;
    for (const d of due) {
      const ins = await tx.query<{ id: string; openid: string | null }>(
        `insert into reminders (person_id, ref, deadline_key, observation_id, rectification_item_id, label, due_date, slot, template_key, status, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'no_consent', $10)
         on conflict (ref, person_id, slot) do nothing
         returning id, (select wechat_openid from people where id = $1) as openid`,
        [d.personId, d.ref, d.item.key, d.item.observationId ?? null, d.item.rectificationItemId ?? null, d.item.labelZh, d.item.dueDate, d.slot, d.item.templateKey, at.toISOString()],
      );
      const row = ins.rows[0];
      if (!row) continue;
      decided += 1;
      if (!TEMPLATE[d.item.templateKey]()) {
        await tx.query("update reminders set status = 'failed', error = '未配置订阅消息模板' where id = $1", [row.id]);
        failedEarly += 1;
        continue;
      }
      // One consent = one message (D9): the oldest unused one for this template.
      const consent = await tx.query<{ id: string }>(
        `update reminder_subscriptions set used_at = $3 where id = (
           select id from reminder_subscriptions where person_id = $1 and template_key = $2 and used_at is null
            order by granted_at, id limit 1 for update skip locked) returning id`,
        [d.personId, d.item.templateKey, at.toISOString()],
      );
      const sub = consent.rows[0];
      if (!sub) continue; // stays no_consent: the task list shows it all the same
      if (!row.openid) {
        await tx.query("update reminder_subscriptions set used_at = null where id = $1", [sub.id]);
        await tx.query("update reminders set status = 'failed', error = '该人员尚未绑定微信' where id = $1", [row.id]);
        failedEarly += 1;
        continue;
      }
      await tx.query("update reminders set status = 'sending', subscription_id = $2 where id = $1", [row.id, sub.id]);
      toSend.push({ id: row.id, openid: row.openid, templateKey: d.item.templateKey, label: d.item.labelZh, dueDate: d.item.dueDate, slot: d.slot });
    }
    return { decided, toSend, failedEarly };
  });
}

/** Runs the sender at `at`: returns how many reminders were decided and what became of them. */
export async function runReminders(at: Date): Promise<{ decided: number; sent: number; noConsent: number; failed: number }> {
  const { decided, toSend, failedEarly } = await decide(at);
  let sent = 0;
  // Phase 2, outside any transaction: WeChat may be slow; each outcome is recorded on its own.
  for (const m of toSend) {
    const result = await sendSubscribeMessage({
      touser: m.openid, templateId: TEMPLATE[m.templateKey](), page: 'pages/home/index',
      data: { thing1: thing(m.label), time2: m.dueDate, thing3: slotText(m.slot) },
    });
    await asService(async (tx) => {
      if (result.ok) {
        await tx.query("update reminders set status = 'sent', sent_at = $2 where id = $1", [m.id, at.toISOString()]);
        sent += 1;
        return;
      }
      await tx.query("update reminders set status = 'failed', errcode = $2, error = $3 where id = $1", [m.id, result.errcode, result.error]);
      // 43101: the user refused or the consent is gone, so it stays used; any other failure gives the consent back.
      if (result.errcode !== 43101) {
        await tx.query('update reminder_subscriptions set used_at = null where id = (select subscription_id from reminders where id = $1)', [m.id]);
      }
    });
  }
  return { decided, sent, noConsent: decided - toSend.length - failedEarly, failed: failedEarly + toSend.length - sent };
}
