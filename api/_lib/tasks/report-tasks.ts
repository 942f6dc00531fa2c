// 我的待办, the reports after a visit: the invited committee member reports back at their own branch's
// committee (FB-3) until it is filed; the observed branch's leaders report rectification progress every
// half-year and members' commitments every quarter (FB-4), each period from the day its window opens.
// Who gets each task is who POST /api/reports lets file it; the due dates are the ones it will store.
import { deadlineState, REPORT_HORIZON_MONTHS, reportDueDate, type TDeadline, type TPolicy, type TReportKind, type TTask } from '@tingkan/shared';
import type { Queryable } from '../db';
import { deadlinesOrNone } from '../feedback/deadlines';

type PeriodicKind = Exclude<TReportKind, 'report_back'>;
const MONTHS: Record<PeriodicKind, 'progressReportMonths' | 'commitmentReportMonths'> = {
  progress_report: 'progressReportMonths', commitment_report: 'commitmentReportMonths',
};
const TITLE: Record<TReportKind, (topic: string, n: number) => string> = {
  report_back: (topic) => `在本支部支委会上汇报观摩情况：${topic}`,
  progress_report: (topic, n) => `向党员通报整改进展（第${n}个半年）：${topic}`,
  commitment_report: (topic, n) => `登记党员承诺落实情况（第${n}个季度）：${topic}`,
};

interface Row { id: string; meeting_id: string; topic: string }

function task(o: Row, reportKind: TReportKind, periodNo: number, dueDate: string | null, today: string, policy: TPolicy): TTask {
  return {
    kind: 'file_report', ruleId: reportKind === 'report_back' ? 'FB-3' : 'FB-4', titleZh: TITLE[reportKind](o.topic, periodNo), dueDate,
    state: dueDate ? deadlineState(dueDate, today, null, policy) : 'upcoming', templateKey: 'deadline',
    observationId: o.id, meetingId: o.meeting_id, reportKind, periodNo,
  };
}

/** FB-3: 观察员 visits of my group that are over, not reported back yet, where I sit on another branch's committee. */
async function reportBackTasks(tx: Queryable, now: Date, today: string, policy: TPolicy): Promise<TTask[]> {
  const { rows } = await tx.query<Row>(
    `select o.id, o.meeting_id, m.topic from observations o join meetings m on m.id = o.meeting_id
      where o.mode = 'guancha' and o.status <> 'cancelled' and m.ends_at <= $1
        and o.id in (select app.my_observation_ids())
        and not exists (select 1 from observation_reports r where r.observation_id = o.id and r.kind = 'report_back')
        and exists (select 1 from memberships mb where mb.person_id = (select auth.uid()) and mb.left_on is null and mb.org_id <> m.org_id
                      and mb.roles && array['secretary', 'deputy_secretary', 'committee_member']::branch_role[])
      order by m.starts_at, o.id`,
    [now],
  );
  const tasks: TTask[] = [];
  for (const o of rows) {
    const deadlines = await deadlinesOrNone(tx, o.id, now.toISOString(), policy);
    tasks.push(task(o, 'report_back', 1, deadlines.length > 0 ? reportDueDate('report_back', 1, deadlines, policy) : null, today, policy));
  }
  return tasks;
}

/**
 * FB-4: the periods whose window has opened (period 1 on the feedback's arrival, period n the day after
 * period n-1 fell due) and that are not filed, within the yearly cycle the office board follows.
 */
export function periodsDue(kind: PeriodicKind, filed: ReadonlySet<number>, deadlines: TDeadline[], today: string, policy: TPolicy): { periodNo: number; dueDate: string }[] {
  const due: { periodNo: number; dueDate: string }[] = [];
  const periods = Math.max(1, Math.floor(REPORT_HORIZON_MONTHS / policy[MONTHS[kind]]));
  let previous: string | null = null;
  for (let n = 1; n <= periods; n += 1) {
    if (previous !== null && today <= previous) break;
    const dueDate = reportDueDate(kind, n, deadlines, policy);
    if (!filed.has(n)) due.push({ periodNo: n, dueDate });
    previous = dueDate;
  }
  return due;
}

/** FB-4: observations of a branch I lead whose feedback has arrived. */
async function periodicTasks(tx: Queryable, now: Date, today: string, policy: TPolicy): Promise<TTask[]> {
  const { rows } = await tx.query<Row & { filed: { kind: TReportKind; periodNo: number }[] }>(
    `select o.id, o.meeting_id, m.topic,
            coalesce((select json_agg(json_build_object('kind', r.kind, 'periodNo', r.period_no)) from observation_reports r
                       where r.observation_id = o.id and r.kind <> 'report_back'), '[]'::json) as filed
       from observations o join meetings m on m.id = o.meeting_id
      where o.feedback_sent_at is not null and o.status <> 'cancelled' and m.org_id in (select app.led_org_ids())
      order by o.feedback_sent_at, o.id`,
  );
  const tasks: TTask[] = [];
  for (const o of rows) {
    const deadlines = await deadlinesOrNone(tx, o.id, now.toISOString(), policy);
    if (deadlines.length === 0) continue;
    for (const kind of ['progress_report', 'commitment_report'] as const) {
      const filed = new Set(o.filed.filter((f) => f.kind === kind).map((f) => Number(f.periodNo)));
      for (const p of periodsDue(kind, filed, deadlines, today, policy)) tasks.push(task(o, kind, p.periodNo, p.dueDate, today, policy));
    }
  }
  return tasks;
}

/** `today` is the Shanghai date of `now` (YYYY-MM-DD). */
export async function reportTasks(tx: Queryable, now: Date, today: string, policy: TPolicy): Promise<TTask[]> {
  return [...(await reportBackTasks(tx, now, today, policy)), ...(await periodicTasks(tx, now, today, policy))];
}
