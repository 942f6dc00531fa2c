// 我的待办, the feedback-and-rectification part (FB-2, FB-4): the observed branch's leaders record the
// committee discussion once the feedback arrived; owners (and the branch's leaders, for the branch's
// items) rectify by the due date; the group verifies what was submitted. RLS limits every row to the caller.
import { deadlineState, type TPolicy, type TTask } from '@tingkan/shared';
import type { Queryable } from '../db';
import { dateOnly } from '../feedback/feedback';
import { deadlinesOrNone } from '../feedback/deadlines';
import { instant } from '../meetings/rows';

interface ItemRow {
  id: string; observation_id: string; meeting_id: string; topic: string; title: string; owner_name: string | null;
  due_date: Date | string; status: 'open' | 'returned' | 'submitted'; return_reason: string | null; mine: boolean;
}

/** FB-2: items still with the branch (mine, or my branch's when I lead it) and items waiting for my group to verify. */
async function itemTasks(tx: Queryable, callerId: string, today: string, policy: TPolicy): Promise<TTask[]> {
  const { rows } = await tx.query<ItemRow>(
    `select i.id, i.observation_id, o.meeting_id, m.topic, i.title, p.name as owner_name, i.due_date, i.status, i.return_reason,
            i.owner_person_id = $1 as mine
       from rectification_items i
       join observations o on o.id = i.observation_id
       join meetings m on m.id = o.meeting_id
       left join people p on p.id = i.owner_person_id
      where o.status <> 'cancelled'
        and ((i.status in ('open', 'returned')
              and (i.owner_person_id = $1 or i.observation_id in (select app.observations_i_lead_the_branch_of())))
          or (i.status = 'submitted' and i.observation_id in (select app.my_observation_ids())))
      order by i.due_date, i.id`,
    [callerId],
  );
  return rows.map((r): TTask => {
    const ids = { observationId: r.observation_id, meetingId: r.meeting_id, rectificationItemId: r.id };
    if (r.status === 'submitted') {
      return { kind: 'verify_rectification', ruleId: 'FB-2', titleZh: `核验整改：${r.title}`, dueDate: null, state: 'upcoming',
        noteZh: `${r.owner_name ?? '责任人'}已提交整改材料，请核验后销号或退回`, templateKey: 'rectification', ...ids };
    }
    const due = dateOnly(r.due_date);
    const whose = r.mine ? '' : `（责任人：${r.owner_name ?? '未知'}）`;
    return {
      kind: 'rectification_item', ruleId: 'FB-2', titleZh: `整改：${r.title}${whose}`, dueDate: due,
      state: deadlineState(due, today, null, policy), templateKey: 'rectification', ...ids,
      ...(r.status === 'returned' && r.return_reason ? { noteZh: `被退回：${r.return_reason}` } : {}),
    };
  });
}

/** FB-2: the feedback reached my branch and the committee has not recorded its discussion yet. */
async function discussionTasks(tx: Queryable, nowIso: string, policy: TPolicy): Promise<TTask[]> {
  const { rows } = await tx.query<{ id: string; meeting_id: string; topic: string }>(
    `select o.id, o.meeting_id, m.topic from observations o join meetings m on m.id = o.meeting_id
      where o.feedback_sent_at is not null and o.status <> 'cancelled'
        and o.id in (select app.observations_i_lead_the_branch_of())
        and not exists (select 1 from rectification_discussions d where d.observation_id = o.id)
      order by o.feedback_sent_at, o.id`,
  );
  const tasks: TTask[] = [];
  for (const o of rows) {
    // The FB-2 due date runs from the day the feedback arrived (the shared rule, CALC-3).
    const due = (await deadlinesOrNone(tx, o.id, nowIso, policy)).find((d) => d.key === 'rectification');
    tasks.push({
      kind: 'record_discussion', ruleId: 'FB-2', titleZh: `阅读观察反馈，登记支委会研究整改情况：${o.topic}`,
      dueDate: due?.dueDate ?? null, state: due ? due.state : 'upcoming', templateKey: 'deadline', observationId: o.id, meetingId: o.meeting_id,
    });
  }
  return tasks;
}

/** `today` is the Shanghai date of `now` (YYYY-MM-DD). */
export async function rectificationTasks(tx: Queryable, callerId: string, now: Date, today: string, policy: TPolicy): Promise<TTask[]> {
  return [...(await discussionTasks(tx, instant(now), policy)), ...(await itemTasks(tx, callerId, today, policy))];
}
