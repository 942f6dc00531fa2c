import type { TMe, TObservationDetail } from '../../services/schemas';
import type {
  TFeedbackView, TRecordRectificationRequest, TRectificationItemView, TSubmitEvidenceRequest, TVerifyRequest,
} from '../../services/branch-schemas';
import { formatDateZh, formatInstantZh } from '../../components/format';
import { RECTIFICATION_STATUS_ZH } from '../../constants/rectification';

/** I am 书记 or 副书记 of the organisation (its leaders record the discussion and manage items, FB-2). */
export function leadsOrg(me: TMe, orgId: string): boolean {
  return me.memberships.some((m) => m.orgId === orgId && (m.roles.includes('secretary') || m.roles.includes('deputy_secretary')));
}

export interface ItemPermissions {
  /** Hand in evidence: the owner or the branch's leaders, while the item is with the branch. */
  canSubmit: boolean;
  /** Attach photos: only the branch's leaders (evidence belongs to the observed meeting, D2). */
  canUpload: boolean;
  /** Close or send back: the observing group or office staff, once evidence is in. */
  canVerify: boolean;
}

/** FB-2's closed loop, seen from the caller; the server and SQL enforce the same. */
export function itemPermissions(me: TMe, item: TRectificationItemView, o: TObservationDetail): ItemPermissions {
  const leads = leadsOrg(me, o.meeting.orgId);
  const withBranch = item.status === 'open' || item.status === 'returned';
  const verifier = me.isOffice || o.group.some((g) => g.personId === me.id);
  return {
    canSubmit: withBranch && (leads || item.ownerPersonId === me.id),
    canUpload: withBranch && leads,
    canVerify: item.status === 'submitted' && verifier,
  };
}

/** A line of the item list: what, who, by when, and where it stands. */
export function itemLine(item: TRectificationItemView, today: string): { title: string; description: string; urgent: boolean } {
  const overdue = item.status !== 'closed' && item.status !== 'submitted' && today > item.dueDate;
  const status = `${RECTIFICATION_STATUS_ZH[item.status]}${overdue ? '（已逾期）' : ''}`;
  const reason = item.status === 'returned' && item.returnReason ? `\n退回理由：${item.returnReason}` : '';
  return {
    title: item.title,
    description: `责任人：${item.ownerName} · ${formatDateZh(item.dueDate)}前完成\n${status}${reason}`,
    urgent: overdue || item.status === 'returned',
  };
}

const STEP_ZH: Record<TRectificationItemView['status'], string> = {
  open: '列入整改', submitted: '提交整改材料', returned: '退回', closed: '核验通过，销号',
};

/** Every step of the loop with its time, and the reason of each return. */
export function historyLines(item: TRectificationItemView): string[] {
  return item.history.map((h) => `${formatInstantZh(h.at)} ${STEP_ZH[h.to]}${h.to === 'returned' && h.note ? `：${h.note}` : ''}`);
}

/** FB-1: the written evaluation as cells (empty parts are left out). */
export function feedbackParts(f: TFeedbackView): { title: string; text: string }[] {
  const parts: { title: string; text: string | null }[] = [
    { title: '评价意见', text: f.evaluation },
    { title: '肯定成绩', text: f.strengths },
    { title: '指出不足', text: f.shortcomings },
    { title: '改进意见', text: f.suggestions },
  ];
  const g = f.groupResult;
  const score = { title: '小组评分', text: `平均总分 ${g.meanTotal}/${g.maxTotal}（${g.observerCount} 人）；${g.criteria.map((c) => `${c.labelZh} ${c.mean}（${c.band}）`).join('，')}` };
  return [...parts.filter((p): p is { title: string; text: string } => p.text !== null && p.text !== ''), score];
}

export function feedbackSentLine(f: TFeedbackView): string {
  return `${f.sentByName} 于 ${formatInstantZh(f.sentAt)} 反馈${f.late ? `（晚于 ${formatDateZh(f.dueDate)} 的期限）` : ''}`;
}

// ── the committee discussion with its items (FB-2) ─────────────────────────────
export interface ItemDraft {
  title: string;
  ownerPersonId: string;
  dueDate: string;
}

export interface DiscussionForm {
  heldOn: string;
  summary: string;
  items: ItemDraft[];
}

export const EMPTY_ITEM: ItemDraft = { title: '', ownerPersonId: '', dueDate: '' };

export function initialDiscussionForm(today: string): DiscussionForm {
  return { heldOn: today, summary: '', items: [{ ...EMPTY_ITEM }] };
}

/** Items left completely blank are dropped; a half-filled one must be completed. */
export function discussionProblems(f: DiscussionForm): string[] {
  const problems: string[] = [];
  if (f.summary.trim() === '') problems.push('请填写支委会研究情况');
  filledItems(f).forEach((item, i) => {
    const n = `第 ${i + 1} 项整改`;
    if (item.title.trim() === '') problems.push(`${n}：请填写整改内容`);
    if (item.ownerPersonId === '') problems.push(`${n}：请选择责任人`);
    if (item.dueDate === '') problems.push(`${n}：请选择完成期限`);
    else if (item.dueDate < f.heldOn) problems.push(`${n}：完成期限不能早于研究日期`);
  });
  return problems;
}

function filledItems(f: DiscussionForm): ItemDraft[] {
  return f.items.filter((i) => i.title.trim() !== '' || i.ownerPersonId !== '' || i.dueDate !== '');
}

export function toRecordRequest(observationId: string, f: DiscussionForm): TRecordRectificationRequest {
  return {
    observationId,
    discussion: { heldOn: f.heldOn, summary: f.summary.trim() },
    items: filledItems(f).map((i) => ({ title: i.title.trim(), ownerPersonId: i.ownerPersonId, dueDate: i.dueDate })),
  };
}

// ── one item's loop ────────────────────────────────────────────────────────────
/** The evidence to hand in, or what is missing (the API asks for text or an attachment). */
export function evidenceRequest(text: string, evidenceIds: string[]): TSubmitEvidenceRequest | { problem: string } {
  const t = text.trim();
  if (t === '' && evidenceIds.length === 0) return { problem: '请填写整改情况说明或附上照片' };
  return t === '' ? { evidenceIds } : { evidenceText: t, evidenceIds };
}

/** Closing needs nothing more; sending back needs a reason the branch can act on. */
export function verifyRequest(decision: 'close' | 'return', reason: string): TVerifyRequest | { problem: string } {
  if (decision === 'close') return { decision };
  const r = reason.trim();
  return r === '' ? { problem: '退回须说明理由，便于支部重新整改' } : { decision, reason: r };
}
