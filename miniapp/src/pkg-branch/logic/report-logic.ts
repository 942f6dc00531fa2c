// The reports after a visit (FB-3, FB-4): what the form holds, what it must say before sending, and how the
// filed reports read. Due dates are the server's (D9); the phone only formats them.
import type { TFileReportRequest, TReportKind, TReportsResponse, TReportView } from '../../services/branch-schemas';
import { DEADLINE_STATE_ZH } from '../../constants/rectification';
import { formatDateZh } from '../../components/format';

export const REPORT_KIND_ZH: Record<TReportKind, string> = {
  report_back: '观摩汇报',
  progress_report: '整改进展通报',
  commitment_report: '党员承诺落实情况报告',
};

/** OBS-5: a yearly cycle, so two half-years of progress and four quarters of commitments (the server's horizon). */
const PERIODS: Record<TReportKind, number> = { report_back: 1, progress_report: 2, commitment_report: 4 };

export interface ReportForm { periodNo: number; heldOn: string; summary: string }

/** '观摩后汇报', '第2个半年', '第3个季度'. */
export function periodLabel(kind: TReportKind, periodNo: number): string {
  if (kind === 'report_back') return '观摩后汇报';
  return `第${periodNo}个${kind === 'progress_report' ? '半年' : '季度'}`;
}

/** A kind from the page's address, or the fallback when it is missing or not one this page files. */
export function reportKindOf<K extends TReportKind>(param: string | undefined, allowed: readonly K[], fallback: K): K {
  return allowed.find((k) => k === param) ?? fallback;
}

const filedOf = (view: TReportsResponse, kind: TReportKind) => view.reports.filter((r) => r.kind === kind);

/** The periods still open to file, in order (a filed period cannot be filed again: REPORT_EXISTS). */
export function periodOptions(kind: TReportKind, view: TReportsResponse, wanted?: number): { value: string; label: string }[] {
  const filed = new Set(filedOf(view, kind).map((r) => r.periodNo));
  const last = Math.max(PERIODS[kind], wanted ?? 1, ...[...filed].map((n) => (kind === 'report_back' ? n : n + 1)));
  const options: { value: string; label: string }[] = [];
  for (let n = 1; n <= last; n += 1) if (!filed.has(n)) options.push({ value: String(n), label: periodLabel(kind, n) });
  return options;
}

/** The period the task asked for when still open, else the first open one; held today. */
export function initialReportForm(kind: TReportKind, view: TReportsResponse, today: string, wanted?: number): ReportForm {
  const open = periodOptions(kind, view, wanted).map((o) => Number(o.value));
  const periodNo = wanted !== undefined && open.includes(wanted) ? wanted : (open[0] ?? 1);
  return { periodNo, heldOn: today, summary: '' };
}

export function reportProblems(kind: TReportKind, f: ReportForm, view: TReportsResponse, today: string): string[] {
  const problems: string[] = [];
  if (filedOf(view, kind).some((r) => r.periodNo === f.periodNo)) problems.push(`${periodLabel(kind, f.periodNo)}的${REPORT_KIND_ZH[kind]}已经登记过了`);
  if (!f.heldOn) problems.push('请选择汇报日期');
  else if (f.heldOn > today) problems.push('汇报日期不能晚于今天：请在汇报之后再登记');
  if (f.summary.trim() === '') problems.push('请填写汇报内容');
  return problems;
}

export function toReportRequest(observationId: string, kind: TReportKind, f: ReportForm): TFileReportRequest {
  return { observationId, kind, periodNo: kind === 'report_back' ? 1 : f.periodNo, heldOn: f.heldOn, summary: f.summary.trim() };
}

const CADENCE: Record<TReportKind, string> = {
  report_back: '在本支部下一次支委会上汇报观摩情况',
  progress_report: '以后每半年向党员通报一次',
  commitment_report: '以后每季度由党员报告一次',
};

/** By when (the server's first due date, CALC-3) and how often. */
export function dueLine(kind: TReportKind, view: TReportsResponse): string {
  const due = view.due.find((d) => d.kind === kind);
  if (!due) return kind === 'report_back' ? '这次观摩不要求受邀支委回本支部汇报' : '观察反馈送达后开始计算通报期限';
  const first = kind === 'report_back' ? '' : '第一次';
  const state = due.state === 'upcoming' ? '' : `（${DEADLINE_STATE_ZH[due.state]}）`;
  return `${first}须在 ${formatDateZh(due.dueDate)} 前完成${state}；${CADENCE[kind]}`;
}

/** One filed report: which period and when, who filed it and whether it was late, then what was said. */
export function filedRow(r: TReportView): { title: string; description: string; late: boolean } {
  const late = r.late ? `（晚于 ${formatDateZh(r.dueDate)} 的期限）` : '';
  return {
    title: `${periodLabel(r.kind, r.periodNo)} · ${formatDateZh(r.heldOn)}`,
    description: `${r.orgName}，${r.reportedByName || '汇报人'}登记${late}\n${r.summary}`,
    late: r.late,
  };
}

export function filedRows(kind: TReportKind, view: TReportsResponse): (ReturnType<typeof filedRow> & { id: string })[] {
  return filedOf(view, kind).map((r) => ({ id: r.id, ...filedRow(r) }));
}

/** When every period of the cycle is filed there is nothing left to fill in; the list below shows what was. */
export const ALL_FILED_ZH: Record<TReportKind, string> = {
  report_back: '观摩汇报已经登记，无需再填。',
  progress_report: '本轮观摩的整改进展通报都已登记。',
  commitment_report: '本轮观摩的承诺落实情况报告都已登记。',
};

export const EMPTY_FILED_ZH: Record<TReportKind, string> = {
  report_back: '还没有登记观摩汇报。在本支部支委会上汇报后，填写上面的表格登记。',
  progress_report: '还没有登记整改进展通报。向党员通报后，填写上面的表格登记。',
  commitment_report: '还没有登记承诺落实情况报告。党员报告后，填写上面的表格登记。',
};
