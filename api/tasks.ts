// "My tasks" for anyone signed in (D9: the app's task list is the source of truth, not a message):
// meetings to attend in the next 14 days not yet answered, visits of my observer group in that time,
// observations whose sheet is still due,
// for secretaries the observation plans (OBS-5) and the yearly plan (MTG-10) still to file, and the
// feedback-and-rectification work (FB-2, FB-4), and the reports after a visit (FB-3, FB-4).
// The answer is built through the shared ZTaskList.
import { canAttend, deadlineState, isOnCommittee, toDateString, ZTaskList, type TBranchRole, type TMeetingKind, type TMemberStatus, type TTask, type TTaskList } from '@tingkan/shared';
import { endpoint, handler } from './_lib/handler';
import { now } from './_lib/clock';
import { env } from './_lib/env';
import { instant } from './_lib/meetings/rows';
import { deadlinesOf, type DeadlineObservation } from './_lib/office/deadlines';
import { currentPolicy } from './_lib/office/policy';
import { rectificationTasks } from './_lib/tasks/rectification-tasks';
import { reportTasks } from './_lib/tasks/report-tasks';

const DAY = 86_400_000;

export default handler({
  GET: endpoint({
    auth: 'user',
    async run({ caller, tx }): Promise<TTaskList> {
      const at = now();
      const today = toDateString(at.toISOString());
      const policy = await currentPolicy(tx);
      const tasks: TTask[] = [];
      // From the ones under way (a member arriving late checks in from here) to two weeks ahead.
      const meetings = await tx.query<{ id: string; kind: TMeetingKind; topic: string; starts_at: Date; status: TMemberStatus; roles: TBranchRole[] }>(
        `select m.id, m.kind, m.topic, m.starts_at, ms.status, ms.roles::text[] as roles
           from meetings m
           join memberships ms on ms.org_id = m.org_id and ms.person_id = $1 and ms.left_on is null
           left join attendance a on a.meeting_id = m.id and a.person_id = $1
          where m.status = 'planned' and m.ends_at > $2 and m.starts_at < $3 and a.state is null
          order by m.starts_at, m.id`,
        [caller.sub, at, new Date(at.getTime() + 14 * DAY)],
      );
      for (const m of meetings.rows) {
        if (!canAttend(m.status, m.kind, isOnCommittee({ personId: caller.sub, status: m.status, roles: m.roles }))) continue;
        const day = toDateString(new Date(m.starts_at).toISOString());
        const titleZh = new Date(m.starts_at) <= at ? `正在召开：${m.topic}（请扫码签到）` : `参加：${m.topic}（确认参加或请假）`;
        tasks.push({ kind: 'attend_meeting', ruleId: 'ATT-1', titleZh, dueDate: day, state: deadlineState(day, today, null, policy),
          startsAt: instant(m.starts_at), templateKey: 'deadline', meetingId: m.id });
      }
      // Observations where I am in the group and my sheet is not in, or my branch still owes the plan.
      const obs = await tx.query<DeadlineObservation & { mine: boolean; leads: boolean; topic: string; assigned: boolean; status: string; ends_at: Date }>(
        `select o.id, o.mode, m.kind, m.starts_at, o.plan_submitted_at, o.feedback_sent_at, o.meeting_id, m.org_id as branch_id, '' as branch_name, m.topic,
                '[]'::json as "group", o.status, m.ends_at, o.id in (select app.my_observation_ids()) as assigned,
                exists (select 1 from observation_assignments a where a.observation_id = o.id and a.person_id = $1
                         and not exists (select 1 from score_sheets s where s.observation_id = o.id and s.observer_id = $1)) as mine,
                (o.mode = 'guancha' and o.plan_submitted_at is null and m.org_id in (select app.led_org_ids())) as leads
           from observations o join meetings m on m.id = o.meeting_id
          where o.status in ('scheduled', 'held')
            and (o.id in (select app.my_observation_ids()) or m.org_id in (select app.led_org_ids()))`,
        [caller.sub],
      );
      for (const o of obs.rows) {
        // OBS-6, OBS-7: a visit of my group in the next 14 days or under way: go, check in, take notes.
        if (o.assigned && o.status === 'scheduled' && new Date(o.ends_at) >= at && new Date(o.starts_at).getTime() < at.getTime() + 14 * DAY) {
          const day = toDateString(new Date(o.starts_at).toISOString());
          tasks.push({ kind: 'observe_meeting', ruleId: 'OBS-7', titleZh: `观摩：${o.topic}（到场签到，记录“两听两看”）`, dueDate: day,
            state: deadlineState(day, today, null, policy), startsAt: instant(o.starts_at), templateKey: 'deadline', observationId: o.id, meetingId: o.meeting_id });
        }
        const rows = deadlinesOf(o, at, policy) ?? [];
        const sheet = rows.find((d) => d.key === 'sheet_submission');
        const plan = rows.find((d) => d.key === 'plan_submission');
        if (o.mine && sheet) tasks.push({ kind: 'submit_sheet', ruleId: 'FB-1', titleZh: `提交评议表：${o.topic}`, dueDate: sheet.dueDate, state: sheet.state, templateKey: 'deadline', observationId: o.id, meetingId: o.meeting_id });
        if (o.leads && plan) tasks.push({ kind: 'submit_plan', ruleId: 'OBS-5', titleZh: `提交观摩组织方案：${o.topic}`, dueDate: plan.dueDate, state: plan.state, templateKey: 'deadline', observationId: o.id, meetingId: o.meeting_id });
      }
      const year = Number(today.slice(0, 4));
      const unfiled = await tx.query<{ id: string; name: string }>(
        `select o.id, o.name from organisations o
          where o.kind = 'branch' and o.id in (select app.led_org_ids())
            and not exists (select 1 from yearly_plans p where p.org_id = o.id and p.year = $1)
          order by o.name`,
        [year],
      );
      for (const b of unfiled.rows) {
        tasks.push({ kind: 'file_yearly_plan', ruleId: 'MTG-10', titleZh: `报送${b.name}${year}年度组织生活计划`, dueDate: null, state: 'upcoming', templateKey: 'deadline', orgId: b.id });
      }
      tasks.push(...(await rectificationTasks(tx, caller.sub, at, today, policy)));
      tasks.push(...(await reportTasks(tx, at, today, policy)));
      tasks.sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.kind.localeCompare(b.kind));
      const { WECHAT_TEMPLATE_DEADLINE: deadline, WECHAT_TEMPLATE_RECTIFICATION: rectification } = env();
      return ZTaskList.parse({ today, tasks, reminderTemplates: { deadline: deadline || null, rectification: rectification || null } });
    },
  }),
});
