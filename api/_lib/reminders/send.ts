// D9: decide today's reminders (shared rule), then handle a bounded batch of them: record each one (unique per
// deadline, person and slot), use up one consent, send it through WeChat, record what happened. One call does at
// most `limit` reminders and starts no new one once its time budget is spent, so it always ends inside the
// function's maxDuration; the answer says how many are left for the next call. Two calls that overlap never
// send a reminder twice: the first to insert it owns it, the other's insert meets the unique key and moves on.
import { performance } from 'node:perf_hooks';
import { dueReminders, toDateString, type TDueReminder, type TTemplateKey } from '@tingkan/shared';
import { asService } from '../db';
import { env } from '../env';
import { loadPolicy } from '../observations/plan';
import { sendSubscribeMessage } from '../wechat-message';
import { collectReminderItems } from './collect';

interface Claimed {
  id: string;
  openid: string;
  templateKey: TTemplateKey;
  label: string;
  dueDate: string;
  slot: string;
}

export interface RunResult {
  /** Reminders recorded by this call (whatever became of their message). */
  decided: number;
  sent: number;
  noConsent: number;
  failed: number;
  /** Due reminders this call did not get to: the next call takes them. */
  left: number;
}

const TEMPLATE: Record<TTemplateKey, () => string> = {
  deadline: () => env().WECHAT_TEMPLATE_DEADLINE,
  rectification: () => env().WECHAT_TEMPLATE_RECTIFICATION,
};
/** A message still "sending" after this long belongs to a call that died: it may or may not have gone out. */
const STALE_SENDING_MS = 10 * 60 * 1000;

const slotText = (slot: string) => (slot === 'due' ? '今天到期' : slot.startsWith('overdue') ? '已逾期，请尽快办理' : '即将到期');
/** WeChat's thing.DATA holds at most 20 characters. */
const thing = (s: string) => (s.length > 20 ? `${s.slice(0, 19)}…` : s);

/** The reminders due at `at` and not yet recorded (read only). A call that died mid-send is closed first, never resent (at most once). */
async function dueNow(at: Date): Promise<TDueReminder[]> {
  return asService(async (tx) => {
    await tx.query(
      "update reminders set status = 'failed', error = '发送中断，无法确认是否送达' where status = 'sending' and created_at < $1",
      [new Date(at.getTime() - STALE_SENDING_MS).toISOString()],
    );
    const items = await collectReminderItems(tx, at, await loadPolicy(tx));
    const recorded = await tx.query<{ ref: string; person_id: string; slot: string }>('select ref, person_id, slot from reminders where ref = any($1::text[])', [items.map((i) => i.ref)]);
    return dueReminders({ today: toDateString(at), items, sent: recorded.rows.map((s) => ({ ref: s.ref, personId: s.person_id, slot: s.slot })) });
  });
}

type Outcome = 'taken' | 'no_consent' | 'failed' | Claimed;

/** One transaction: record the reminder (or find it taken), then reserve the oldest unused consent for its template. */
function claim(d: TDueReminder, at: Date): Promise<Outcome> {
  return asService(async (tx) => {
    const ins = await tx.query<{ id: string; openid: string | null }>(
      `insert into reminders (person_id, ref, deadline_key, observation_id, rectification_item_id, label, due_date, slot, template_key, status, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'no_consent', $10)
       on conflict (ref, person_id, slot) do nothing
       returning id, (select wechat_openid from people where id = $1) as openid`,
      [d.personId, d.ref, d.item.key, d.item.observationId ?? null, d.item.rectificationItemId ?? null, d.item.labelZh, d.item.dueDate, d.slot, d.item.templateKey, at.toISOString()],
    );
    const row = ins.rows[0];
    if (!row) return 'taken';
    if (!TEMPLATE[d.item.templateKey]()) {
      await tx.query("update reminders set status = 'failed', error = '未配置订阅消息模板' where id = $1", [row.id]);
      return 'failed';
    }
    if (!row.openid) {
      await tx.query("update reminders set status = 'failed', error = '该人员尚未绑定微信' where id = $1", [row.id]);
      return 'failed';
    }
    // One consent = one message (D9). skip locked: a consent another call is using is not this call's to take.
    const consent = await tx.query<{ id: string }>(
      `update reminder_subscriptions set used_at = $3 where id = (
         select id from reminder_subscriptions where person_id = $1 and template_key = $2 and used_at is null
          order by granted_at, id limit 1 for update skip locked) returning id`,
      [d.personId, d.item.templateKey, at.toISOString()],
    );
    const sub = consent.rows[0];
    if (!sub) return 'no_consent'; // the task list shows it all the same
    await tx.query("update reminders set status = 'sending', subscription_id = $2 where id = $1", [row.id, sub.id]);
    return { id: row.id, openid: row.openid, templateKey: d.item.templateKey, label: d.item.labelZh, dueDate: d.item.dueDate, slot: d.slot };
  });
}

/** Outside any transaction (WeChat may be slow), then the outcome in its own. */
async function deliver(m: Claimed, at: Date): Promise<boolean> {
  const result = await sendSubscribeMessage({
    touser: m.openid, templateId: TEMPLATE[m.templateKey](), page: 'pages/home/index',
    data: { thing1: thing(m.label), time2: m.dueDate, thing3: slotText(m.slot) },
  });
  await asService(async (tx) => {
    if (result.ok) {
      await tx.query("update reminders set status = 'sent', sent_at = $2 where id = $1", [m.id, at.toISOString()]);
      return;
    }
    await tx.query("update reminders set status = 'failed', errcode = $2, error = $3 where id = $1", [m.id, result.errcode, result.error]);
    // 43101: the user refused or the consent is gone, so it stays used; any other failure gives the consent back.
    if (result.errcode !== 43101) {
      await tx.query('update reminder_subscriptions set used_at = null where id = (select subscription_id from reminders where id = $1)', [m.id]);
    }
  });
  return result.ok;
}

/**
 * Runs the sender at `at` over at most `limit` due reminders, starting none after `budgetMs` of elapsed time
 * (at least one per call, so repeated calls always finish the list).
 */
export async function runReminders(at: Date, opts: { limit: number; budgetMs: number }): Promise<RunResult> {
  const started = performance.now();
  const due = await dueNow(at);
  const r: RunResult = { decided: 0, sent: 0, noConsent: 0, failed: 0, left: 0 };
  let i = 0;
  for (; i < due.length && i < opts.limit; i += 1) {
    if (i > 0 && performance.now() - started >= opts.budgetMs) break;
    const outcome = await claim(due[i]!, at);
    if (outcome === 'taken') continue;
    r.decided += 1;
    if (outcome === 'no_consent') r.noConsent += 1;
    else if (outcome === 'failed') r.failed += 1;
    else if (await deliver(outcome, at)) r.sent += 1;
    else r.failed += 1;
  }
  r.left = due.length - i;
  return r;
}
