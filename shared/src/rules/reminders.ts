// D9 / CALC-3: who is reminded of which deadline, and when. WeChat subscribe messages need one consent
// per message, so the rule decides at most one reminder per (deadline, person) per run, and the in-app
// task list (every decided reminder, sent or not) is the source of truth.
import * as z from 'zod';
import { ZId } from '../schemas/common';
import { ZCalendarDate } from '../schemas/period';
import type { TDeadline, TDeadlineKey } from '../schemas/deadlines';
import type { TTemplateKey } from '../schemas/feedback';
import { onDate } from '../time';
import { parseRuleInput } from './parse';

/** Who acts on each deadline (OBS-5, FB-1..4) and on a rectification item (FB-2). */
export type TAudience = 'branch_leaders' | 'pending_observers' | 'group_leaders' | 'invitees' | 'owner';
export const REMINDER_AUDIENCE: Record<TDeadlineKey | 'rectification_item', TAudience> = {
  booking: 'branch_leaders',
  plan_submission: 'branch_leaders',
  sheet_submission: 'pending_observers',
  feedback_to_branch: 'group_leaders',
  rectification: 'branch_leaders',
  report_back: 'invitees',
  progress_report: 'branch_leaders',
  commitment_report: 'branch_leaders',
  rectification_item: 'owner',
};

/** Deadlines that only start once the feedback reached the branch (FB-2, FB-4). */
const AFTER_FEEDBACK: ReadonlySet<TDeadlineKey> = new Set(['rectification', 'progress_report', 'commitment_report']);

export interface TReminderItem {
  /** 'obs:<observation id>:<key>' or 'rect:<item id>': one deadline. */
  ref: string;
  key: TDeadlineKey | 'rectification_item';
  labelZh: string;
  dueDate: string;
  done: boolean;
  recipients: string[];
  templateKey: TTemplateKey;
  observationId?: string;
  rectificationItemId?: string;
}

export interface TParties {
  branchLeaders: string[];
  /** The group leader; when a group has none, its members. */
  groupLeaders: string[];
  /** Observers who have not submitted their sheet yet. */
  pendingObservers: string[];
  /** FB-3: the invited committee member(s) from another branch. */
  invitees: string[];
}

/** The reminder items of one observation's deadlines (from observationDeadlines), each with its recipients. */
export function observationReminderItems(observationId: string, deadlines: TDeadline[], parties: TParties, feedbackSent: boolean): TReminderItem[] {
  const audience: Record<Exclude<TAudience, 'owner'>, string[]> = {
    branch_leaders: parties.branchLeaders, pending_observers: parties.pendingObservers,
    group_leaders: parties.groupLeaders, invitees: parties.invitees,
  };
  return deadlines
    .filter((d) => feedbackSent || !AFTER_FEEDBACK.has(d.key))
    .map((d) => ({
      ref: `obs:${observationId}:${d.key}`, key: d.key, labelZh: d.labelZh, dueDate: d.dueDate, done: d.state === 'done',
      recipients: [...new Set(audience[REMINDER_AUDIENCE[d.key] as Exclude<TAudience, 'owner'>])].sort(),
      templateKey: 'deadline' as const, observationId,
    }));
}

export const ZReminderPolicy = z.object({
  /** Calendar days before the due day to remind (3 = three days ahead); the due day itself always counts. */
  beforeDays: z.array(z.number().int().min(1).max(30)).max(5).default([3]),
  /** Overdue: once a day after the due day, at most this many times. */
  overdueTimes: z.number().int().min(0).max(10).default(3),
}).strict();
export type TReminderPolicy = z.input<typeof ZReminderPolicy>;

/** The reminder slots of a due date, in date order: before_3, due, overdue_1..3 by default. */
export function reminderSlots(dueDate: string, policy: TReminderPolicy = {}): { slot: string; on: string }[] {
  const p = parseRuleInput(ZReminderPolicy, policy);
  const day = (n: number) => onDate(dueDate).add(n, 'day').format('YYYY-MM-DD');
  return [
    ...[...new Set(p.beforeDays)].sort((a, b) => b - a).map((n) => ({ slot: `before_${n}`, on: day(-n) })),
    { slot: 'due', on: dueDate },
    ...Array.from({ length: p.overdueTimes }, (_, i) => ({ slot: `overdue_${i + 1}`, on: day(i + 1) })),
  ];
}

const ZDueInput = z.object({
  today: ZCalendarDate,
  items: z.array(z.object({
    ref: z.string().min(1), key: z.string().min(1), labelZh: z.string(), dueDate: ZCalendarDate, done: z.boolean(),
    recipients: z.array(ZId), templateKey: z.string().min(1),
  }).passthrough()),
  /** Reminders already decided (any status): a slot is never decided twice. */
  sent: z.array(z.object({ ref: z.string(), personId: ZId, slot: z.string() })).default([]),
  policy: ZReminderPolicy.default({ beforeDays: [3], overdueTimes: 3 }),
}).strict();

export interface TDueReminder {
  ref: string;
  personId: string;
  slot: string;
  item: TReminderItem;
}

/**
 * The reminders due `today`: per open deadline and recipient, the latest slot that has come, unless
 * it (or a later one) was already decided. A missed run catches up with one reminder, not a burst;
 * done deadlines and slots past the last overdue reminder yield nothing.
 */
export function dueReminders(input: { today: string; items: TReminderItem[]; sent?: { ref: string; personId: string; slot: string }[]; policy?: TReminderPolicy }): TDueReminder[] {
  const { today, sent, policy } = parseRuleInput(ZDueInput, input);
  const decided = new Set(sent.map((s) => `${s.ref}|${s.personId}|${s.slot}`));
  const out: TDueReminder[] = [];
  for (const item of input.items) {
    if (item.done) continue;
    const slots = reminderSlots(item.dueDate, policy);
    const reached = slots.filter((s) => s.on <= today);
    const latest = reached[reached.length - 1];
    if (!latest) continue;
    const later = slots.slice(slots.indexOf(latest));
    for (const personId of item.recipients) {
      if (later.some((s) => decided.has(`${item.ref}|${personId}|${s.slot}`))) continue;
      out.push({ ref: item.ref, personId, slot: latest.slot, item });
    }
  }
  return out;
}
