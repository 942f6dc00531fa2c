import { ZConsentsResponse, type TTaskList, type TTemplateKey } from './schemas';
import { api } from './api';
import { isWeapp, requestSubscribe } from './platform';

/** What a tap on 提醒我 came to; the page says each in Chinese. */
export type ReminderOutcome =
  | { kind: 'unsupported' } // h5: WeChat subscribe messages exist only in the mini-program
  | { kind: 'not_configured' } // the deployment has no template for these tasks
  | { kind: 'declined' } // the person said no (or switched them off in WeChat's settings)
  | { kind: 'failed' } // WeChat refused the call
  | { kind: 'subscribed'; keys: TTemplateKey[]; consents: Partial<Record<TTemplateKey, number>> };

/**
 * 提醒我 (D9): asks WeChat's one-time permission for the reminders of `keys` and records each accepted
 * one with POST /api/reminders/subscribe (one consent = one message). Call it straight from the tap:
 * the template ids came with the task list, so WeChat is asked before anything else is awaited.
 */
export async function remindMe(keys: TTemplateKey[], templates: TTaskList['reminderTemplates']): Promise<ReminderOutcome> {
  if (!isWeapp) return { kind: 'unsupported' };
  const wanted = [...new Set(keys)].flatMap((key) => {
    const id = templates[key];
    return id ? [{ key, id }] : [];
  });
  if (wanted.length === 0) return { kind: 'not_configured' };
  let answers: Record<string, string>;
  try {
    answers = await requestSubscribe(wanted.map((w) => w.id));
  } catch {
    return { kind: 'failed' };
  }
  const accepted = wanted.filter((w) => answers[w.id] === 'accept').map((w) => w.key);
  if (accepted.length === 0) return { kind: 'declined' };
  const { consents } = await api.post('/api/reminders/subscribe', ZConsentsResponse, { templateKeys: accepted });
  return { kind: 'subscribed', keys: accepted, consents };
}
