// FB-2: the rectification loop of one item, and FB-3/FB-4: the due date of each periodic report.
// The same transitions are enforced in SQL (app.guard_rectification_item); this is the rule the API asks first.
import { DomainError } from '../errors';
import { parsePolicy, type TPolicyInput } from '../policy';
import type { TDeadline } from '../schemas/deadlines';
import type { TRectificationAction, TRectificationStatus, TReportKind } from '../schemas/feedback';
import { onDate } from '../time';

const NEXT: Record<TRectificationAction, { from: TRectificationStatus[]; to: TRectificationStatus }> = {
  submit: { from: ['open', 'returned'], to: 'submitted' },
  close: { from: ['submitted'], to: 'closed' },
  return: { from: ['submitted'], to: 'returned' },
};

/**
 * FB-2: open → submitted (evidence) → closed, or → returned (with a reason) → submitted → ... closed.
 * A closed item is final; verifying needs submitted evidence first (RECTIFICATION_TRANSITION).
 */
export function nextRectificationStatus(current: TRectificationStatus, action: TRectificationAction, reason?: string): TRectificationStatus {
  const step = NEXT[action];
  if (!step.from.includes(current)) throw new DomainError('RECTIFICATION_TRANSITION');
  if (action === 'return' && !(reason ?? '').trim()) throw new DomainError('RECTIFICATION_REASON_REQUIRED');
  return step.to;
}

/** FB-2 is done once the committee has discussed the feedback and every item is closed: the last of those days. */
export function rectificationDoneAt(discussedAt: string[], items: { status: TRectificationStatus; closedAt: string | null }[]): string | null {
  if (discussedAt.length === 0 || items.some((i) => i.status !== 'closed')) return null;
  const all = [...discussedAt, ...items.map((i) => i.closedAt ?? '')].filter((x) => x !== '');
  return all.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
}

const MONTHS_KEY = { progress_report: 'progressReportMonths', commitment_report: 'commitmentReportMonths' } as const;

/**
 * FB-3 / FB-4: the due date of report `periodNo`. Period 1 is the shared deadline rule's date (CALC-3);
 * each later period is one more interval (6 months for progress, 3 for commitments) after it.
 */
export function reportDueDate(kind: TReportKind, periodNo: number, deadlines: TDeadline[], policyInput: TPolicyInput = {}): string {
  const first = deadlines.find((d) => d.key === kind);
  if (!first) throw new DomainError('VALIDATION_FAILED', '这种观摩没有这项汇报', [{ path: 'kind', message: '这种观摩没有这项汇报' }]);
  if (kind === 'report_back') {
    if (periodNo !== 1) throw new DomainError('VALIDATION_FAILED', undefined, [{ path: 'periodNo', message: '参观汇报只有一次' }]);
    return first.dueDate;
  }
  const months = parsePolicy(policyInput)[MONTHS_KEY[kind]];
  return onDate(first.dueDate).add((periodNo - 1) * months, 'month').format('YYYY-MM-DD');
}
