import type { TObservationDetail } from '../../services/schemas';
import type { TObservationPlan } from '../../services/branch-schemas';
import { dateOfInstant, formatDateZh, formatInstantZh, formatTimeZh } from '../../components/format';
import { instantOf, linesOf } from './form-logic';

/** OBS-5: agenda, content, host, time and place of the observed meeting. */
export interface PlanForm {
  agenda: string;
  content: string;
  host: string;
  date: string;
  time: string;
  place: string;
}

/** The plan already sent, or one prefilled from the meeting (its time, place, agenda, host). */
export function initialPlanForm(o: TObservationDetail, myName: string): PlanForm {
  const m = o.meeting;
  const p = o.plan;
  const time = p?.time ?? m.startsAt;
  return {
    agenda: (p?.agenda ?? m.agenda).join('\n'),
    content: p?.content ?? '',
    host: p?.host ?? m.hostName ?? myName,
    date: dateOfInstant(time),
    time: formatTimeZh(time),
    place: p?.place ?? m.place,
  };
}

export function planProblems(f: PlanForm): string[] {
  const problems: string[] = [];
  if (linesOf(f.agenda).length === 0) problems.push('请填写议程，每行一项');
  if (f.content.trim() === '') problems.push('请填写活动内容');
  if (f.host.trim() === '') problems.push('请填写主持人');
  if (f.place.trim() === '') problems.push('请填写地点');
  return problems;
}

export function toPlan(f: PlanForm): TObservationPlan {
  return { agenda: linesOf(f.agenda), content: f.content.trim(), host: f.host.trim(), time: instantOf(f.date, f.time), place: f.place.trim() };
}

/** Where the plan stands against its OBS-5 due date (the server's date, formatted). */
export function planStatusLine(o: Pick<TObservationDetail, 'planDueDate' | 'planSubmittedAt' | 'planLate'>): string {
  const due = o.planDueDate ? `须在 ${formatDateZh(o.planDueDate)} 前提交（会前一周）` : '本次观摩不要求提前报送方案';
  if (!o.planSubmittedAt) return `尚未提交；${due}`;
  return `已于 ${formatInstantZh(o.planSubmittedAt)} 提交${o.planLate ? '（晚于截止日期）' : ''}；如有变化可修改后重新提交`;
}
