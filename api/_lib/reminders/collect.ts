// D9: every open deadline the sender knows of at `now`, with who must act on it (shared rules decide the rest).
// Read in a fixed number of aggregated statements (the deadline data, the branch leaders, the open items),
// whatever the number of observations: the sender runs as one bounded serverless call.
import { observationReminderItems, toDateString, type TPolicy, type TReminderItem } from '@tingkan/shared';
import type { Queryable } from '../db';
import { dateOnly } from '../feedback/feedback';
import { loadDeadlineObservations } from '../office/deadline-data';
import { deadlinesOfAll } from '../office/deadlines';

const DAY = 86_400_000;

/** The secretaries and deputy secretaries of each branch (OBS-5, FB-2, FB-4 fall to them). */
async function branchLeaders(tx: Queryable, branchIds: string[]): Promise<Map<string, string[]>> {
  const { rows } = await tx.query<{ org_id: string; ids: string[] }>(
    `select org_id, array_agg(person_id order by person_id) as ids from memberships
      where org_id = any($1::uuid[]) and left_on is null and roles && array['secretary', 'deputy_secretary']::branch_role[]
      group by org_id`,
    [[...new Set(branchIds)]],
  );
  return new Map(rows.map((r) => [r.org_id, r.ids]));
}

/**
 * Observations whose meeting is at most ~13 months old (FB-4's reports fall within that) and not cancelled,
 * each with its parties; plus every rectification item not yet closed (its owner is reminded).
 * Runs as service_role: reminders are for everyone, whoever triggered the run.
 */
export async function collectReminderItems(tx: Queryable, at: Date, policy: TPolicy): Promise<TReminderItem[]> {
  const list = await loadDeadlineObservations(tx, new Date(at.getTime() - 400 * DAY).toISOString(), new Date(at.getTime() + 60 * DAY).toISOString(), false);
  const deadlines = deadlinesOfAll(list, at, policy);
  const leaders = await branchLeaders(tx, list.map((o) => o.branch_id));
  const items: TReminderItem[] = [];
  list.forEach((o, i) => {
    // Past the holiday data: not known yet (CALENDAR_OUT_OF_RANGE); items are reminded on their own below.
    const rows = deadlines[i]?.filter((d) => d.key !== 'rectification_item');
    if (!rows) return;
    const leads = o.group.filter((m) => m.isLeader).map((m) => m.personId);
    const parties = {
      branchLeaders: leaders.get(o.branch_id) ?? [],
      groupLeaders: leads.length > 0 ? leads : o.group.map((m) => m.personId),
      pendingObservers: o.group.filter((m) => m.sheetAt === null).map((m) => m.personId),
      invitees: o.group.filter((m) => m.isInvitee).map((m) => m.personId),
    };
    // FB-4: a later period is its own deadline (its own reminders), so its reference names the period.
    const period = new Map(rows.map((d) => [d.key, d.periodNo ?? 1]));
    for (const item of observationReminderItems(o.id, rows, parties, o.feedback_sent_at !== null)) {
      const n = period.get(item.key) ?? 1;
      items.push(n > 1 ? { ...item, ref: `${item.ref}:${n}` } : item);
    }
  });
  const open = await tx.query<{ id: string; observation_id: string; title: string; owner_person_id: string; due_date: Date | string }>(
    "select id, observation_id, title, owner_person_id, due_date from rectification_items where status <> 'closed' and due_date >= $1::date - 30 order by due_date, id",
    [toDateString(at)],
  );
  for (const i of open.rows) {
    items.push({
      ref: `rect:${i.id}`, key: 'rectification_item', labelZh: `整改事项：${i.title}`, dueDate: dateOnly(i.due_date), done: false,
      recipients: [i.owner_person_id], templateKey: 'rectification', observationId: i.observation_id, rectificationItemId: i.id,
    });
  }
  return items;
}
