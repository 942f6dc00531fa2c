// D9: every open deadline the sender knows of at `now`, with who must act on it (shared rules decide the rest).
import { isDomainError, observationReminderItems, toDateString, type TPolicy, type TReminderItem } from '@tingkan/shared';
import type { Queryable } from '../db';
import { instant } from '../meetings/rows';
import { deadlinesOf } from '../feedback/deadlines';
import { dateOnly } from '../feedback/feedback';

interface PartyRow {
  id: string;
  feedback_sent: boolean;
  branch_leaders: string[] | null;
  leaders: string[] | null;
  members: string[] | null;
  pending: string[] | null;
  invitees: string[] | null;
}

/**
 * Observations whose meeting is at most ~13 months old (FB-4's first reports fall within that) and not cancelled,
 * each with its parties; plus every rectification item not yet closed (its owner is reminded).
 * Runs as service_role: reminders are for everyone, whoever triggered the run.
 */
export async function collectReminderItems(tx: Queryable, at: Date, policy: TPolicy): Promise<TReminderItem[]> {
  const { rows } = await tx.query<PartyRow>(
    `select o.id, o.feedback_sent_at is not null as feedback_sent,
            (select array_agg(mb.person_id order by mb.person_id) from memberships mb where mb.org_id = m.org_id and mb.left_on is null
                and mb.roles && array['secretary', 'deputy_secretary']::branch_role[]) as branch_leaders,
            (select array_agg(a.person_id order by a.person_id) from observation_assignments a where a.observation_id = o.id and a.is_leader) as leaders,
            (select array_agg(a.person_id order by a.person_id) from observation_assignments a where a.observation_id = o.id) as members,
            (select array_agg(a.person_id order by a.person_id) from observation_assignments a where a.observation_id = o.id
                and not exists (select 1 from score_sheets s where s.observation_id = o.id and s.observer_id = a.person_id)) as pending,
            (select array_agg(a.person_id order by a.person_id) from observation_assignments a where a.observation_id = o.id
                and not exists (select 1 from office_staff st where st.person_id = a.person_id)
                and exists (select 1 from memberships mb where mb.person_id = a.person_id and mb.left_on is null and mb.org_id <> m.org_id
                              and mb.roles && array['secretary', 'deputy_secretary', 'committee_member']::branch_role[])) as invitees
       from observations o join meetings m on m.id = o.meeting_id
      where o.status <> 'cancelled' and m.starts_at > $1::timestamptz - interval '400 days' and m.starts_at < $1::timestamptz + interval '60 days'
      order by m.starts_at, o.id`,
    [at.toISOString()],
  );
  const items: TReminderItem[] = [];
  for (const r of rows) {
    let deadlines;
    try {
      deadlines = await deadlinesOf(tx, r.id, instant(at), policy);
    } catch (e) {
      if (isDomainError(e) && e.code === 'CALENDAR_OUT_OF_RANGE') continue;
      throw e;
    }
    const parties = {
      branchLeaders: r.branch_leaders ?? [], groupLeaders: r.leaders ?? r.members ?? [], pendingObservers: r.pending ?? [], invitees: r.invitees ?? [],
    };
    items.push(...observationReminderItems(r.id, deadlines, parties, r.feedback_sent));
  }
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
