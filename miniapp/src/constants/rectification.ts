import type { TRectificationStatus } from '../services/branch-schemas';

// FB-2: the closed loop's states and the deadline states, in Chinese (pkg-branch and pkg-member only).
export const RECTIFICATION_STATUS_ZH: Record<TRectificationStatus, string> = {
  open: '待整改',
  submitted: '已提交，待核验',
  returned: '被退回，需重新整改',
  closed: '已销号',
};

export const DEADLINE_STATE_ZH = { overdue: '已逾期', due_soon: '即将到期', upcoming: '未到期', done: '已完成' } as const;
