import type { TMe, TTask, TTaskKind, TTaskList, TTemplateKey } from '../../services/schemas';
import type { ReminderOutcome } from '../../services/reminders';
import { BRANCH_ROUTE_TO, MEMBER_ROUTE_TO, ROUTE_TO } from '../../constants/routes';
import { formatDateZh, formatTimeZh } from '../../components/format';

/** One line of 我的待办, as the server listed it (D9: dates are formatted here, never recomputed). */
export interface TaskItem {
  key: string;
  kind: TTaskKind;
  /** ASCII class name of the kind (home-task--<css>). */
  css: string;
  /** What kind of work, e.g. '整改事项'. */
  label: string;
  title: string;
  /** When, in Chinese: '2026年3月25日截止 · 已逾期'. */
  due: string;
  note: string | null;
  overdue: boolean;
  url: string | null;
}

export const TASK_LABEL_ZH: Record<TTaskKind, string> = {
  attend_meeting: '会议',
  observe_meeting: '观察任务',
  submit_sheet: '评分表',
  submit_plan: '观摩组织方案',
  file_yearly_plan: '年度计划',
  record_discussion: '观察反馈',
  rectification_item: '整改事项',
  verify_rectification: '整改核验',
  file_report: '汇报',
};

const CSS: Record<TTaskKind, string> = {
  attend_meeting: 'meeting', observe_meeting: 'observation', submit_sheet: 'sheet', submit_plan: 'plan', file_yearly_plan: 'yearly-plan',
  record_discussion: 'feedback', rectification_item: 'rectification', verify_rectification: 'verify', file_report: 'report',
};

const STATE_ZH: Record<TTask['state'], string> = { overdue: '已逾期', due_soon: '即将到期', upcoming: '', done: '已完成' };

/** '2026年3月13日 09:00 开会', '2026年3月25日截止 · 已逾期', '不限日期'. */
export function dueText(t: TTask): string {
  if ((t.kind === 'attend_meeting' || t.kind === 'observe_meeting') && t.startsAt) return `${formatDateZh(t.dueDate ?? '')} ${formatTimeZh(t.startsAt)} 开会`;
  if (!t.dueDate) return t.kind === 'verify_rectification' ? '请尽快核验' : '不限日期';
  const state = STATE_ZH[t.state];
  return `${formatDateZh(t.dueDate)}截止${state ? ` · ${state}` : ''}`;
}

function urlOf(t: TTask): string | null {
  const { meetingId, observationId, orgId, rectificationItemId } = t;
  switch (t.kind) {
    case 'attend_meeting':
    case 'observe_meeting':
      return meetingId ? ROUTE_TO.meeting(meetingId) : null;
    case 'submit_sheet': return observationId ? ROUTE_TO.score(observationId) : null;
    case 'submit_plan': return observationId ? BRANCH_ROUTE_TO.plan(observationId) : null;
    case 'file_yearly_plan': return orgId ? BRANCH_ROUTE_TO.yearlyPlan(orgId) : null;
    case 'record_discussion': return observationId ? BRANCH_ROUTE_TO.rectification(observationId) : null;
    case 'rectification_item':
    case 'verify_rectification':
      return observationId && rectificationItemId ? BRANCH_ROUTE_TO.item(observationId, rectificationItemId) : null;
    // FB-4's progress report is the branch's work; the report-back and commitments open the member's form (FB-3, FB-4).
    case 'file_report':
      if (!observationId || !t.reportKind) return null;
      return t.reportKind === 'progress_report' ? BRANCH_ROUTE_TO.report(observationId, t.periodNo) : MEMBER_ROUTE_TO.report(observationId, t.reportKind, t.periodNo);
  }
}

/** The server's order (by due date) is kept. */
export function buildTasks(list: TTaskList): TaskItem[] {
  return list.tasks.map((t, i) => ({
    key: `${t.kind}:${t.rectificationItemId ?? t.observationId ?? t.meetingId ?? t.orgId ?? i}${t.reportKind ? `:${t.reportKind}:${t.periodNo ?? 1}` : ''}`,
    kind: t.kind,
    css: CSS[t.kind],
    label: TASK_LABEL_ZH[t.kind],
    title: t.titleZh,
    due: dueText(t),
    note: t.noteZh ?? null,
    overdue: t.state === 'overdue',
    url: urlOf(t),
  }));
}

/** The reminders that fit the listed tasks and that the deployment can send. */
export function reminderKeys(list: TTaskList): TTemplateKey[] {
  const keys = new Set(list.tasks.filter((t) => t.dueDate !== null || t.kind === 'verify_rectification').map((t) => t.templateKey));
  return [...keys].filter((k) => list.reminderTemplates[k] !== null);
}

/** What the page says after a tap on 提醒我. */
export function reminderMessage(o: ReminderOutcome): string {
  switch (o.kind) {
    case 'unsupported': return '到期提醒只能在微信小程序中开启。网页版请留意本页的待办事项和截止日期。';
    case 'not_configured': return '本单位还没有开通微信提醒，请留意本页的待办事项和截止日期。';
    case 'declined': return '您没有允许微信提醒。需要时可再点“提醒我”，或在微信“设置 → 通知”中打开。';
    case 'failed': return '微信暂时无法开启提醒，请稍后再试。';
    case 'subscribed': return '已开启：事项到期前会通过微信提醒您一次。每点一次“提醒我”可多收到一次提醒。';
  }
}

/** Whether the home page offers the 支部工作台: the caller is 书记 or 副书记 somewhere (MTG-*, OBS-5, FB-2). */
export function leadsABranch(me: TMe): boolean {
  return me.memberships.some((m) => m.roles.includes('secretary') || m.roles.includes('deputy_secretary'));
}
