// CALC-4: which required meetings a branch held in a period (MTG-1..7), and which are missing.
import type * as z from 'zod';
import { parsePolicy, type TPolicy, type TPolicyInput } from '../policy';
import type { TMeetingKind } from '../schemas/common';
import { ZComplianceInput, type TComplianceItem, type TComplianceResult, type THeldMeeting } from '../schemas/compliance';
import type { TPeriod, TPeriodUnit } from '../schemas/period';
import { assertUniqueIds } from './org';
import { parseRuleInput } from './parse';
import { themeDayDate, windowsOverlapping } from './periods';

export interface TRequirement {
  ruleId: string;
  kind: TMeetingKind;
  labelZh: string;
  unit: TPeriodUnit;
  /** Only branches with a 支委会 (MTG-2) / one row per 党小组 (MTG-3). */
  needsCommittee?: boolean;
  perGroup?: boolean;
}

/** MTG-1..7 as data: the minimum frequency of each kind (004, 003). 谈心谈话 etc. are "as needed": no minimum. */
export const REQUIREMENTS: readonly TRequirement[] = [
  { ruleId: 'MTG-1', kind: 'general_meeting', labelZh: '支部党员大会', unit: 'quarter' },
  { ruleId: 'MTG-2', kind: 'committee_meeting', labelZh: '支部委员会', unit: 'month', needsCommittee: true },
  { ruleId: 'MTG-3', kind: 'group_meeting', labelZh: '党小组会', unit: 'month', perGroup: true },
  { ruleId: 'MTG-4', kind: 'party_lecture', labelZh: '党课', unit: 'quarter' },
  { ruleId: 'MTG-5', kind: 'theme_day', labelZh: '主题党日', unit: 'month' },
  { ruleId: 'MTG-6', kind: 'life_meeting', labelZh: '组织生活会', unit: 'year' },
  { ruleId: 'MTG-7', kind: 'member_appraisal', labelZh: '民主评议党员', unit: 'year' },
];

/** The dates whose meetings a caller must pass: windows reach beyond the period (a March report needs Q1). */
export function complianceFetchRange(period: TPeriod): TPeriod {
  const years = windowsOverlapping('year', period);
  return { start: years[0]?.start ?? period.start, end: years[years.length - 1]?.end ?? period.end };
}

function item(req: TRequirement, period: TPeriod, asOf: string, meetings: THeldMeeting[], policy: TPolicy, groupId?: string): TComplianceItem {
  const windows = windowsOverlapping(req.unit, period).map((w) => {
    const held = meetings.filter((m) => m.kind === req.kind && m.date >= w.start && m.date <= w.end && (groupId === undefined || m.groupId === groupId));
    const state = held.length > 0 ? 'met' as const : w.end <= asOf ? 'missing' as const : 'pending' as const;
    const base = { start: w.start, end: w.end, state, meetingIds: held.map((m) => m.id) };
    if (req.kind !== 'theme_day') return base;
    const scheduledDate = themeDayDate(Number(w.start.slice(0, 4)), Number(w.start.slice(5, 7)), policy.themeDay);
    return { ...base, scheduledDate, onSchedule: held.some((m) => scheduledDate === null || m.date === scheduledDate) };
  });
  return { ruleId: req.ruleId, kind: req.kind, labelZh: req.labelZh, unit: req.unit, ...(groupId ? { groupId } : {}), windows, ok: windows.every((w) => w.state !== 'missing') };
}

/**
 * CALC-4 / MTG-1..7: per required kind, each month / quarter / year window overlapping the period
 * is 'met', 'missing' (ended with none held) or 'pending' (still open at asOf).
 */
export function branchCompliance(input: unknown, policyInput: TPolicyInput = {}): TComplianceResult {
  return complianceOf(parseRuleInput(ZComplianceInput, input), parsePolicy(policyInput));
}

/**
 * branchCompliance on input already parsed: the office's page calls it for 500 branches with meetings it
 * read from its own tables and a policy it parsed once. Parsing every meeting and the whole policy again
 * per branch was most of the page's rule time (issue 7: 380-900 ms of a page of 500).
 */
export function complianceOf(input: z.output<typeof ZComplianceInput>, policy: TPolicy): TComplianceResult {
  const { branch, period, asOf, meetings } = input;
  assertUniqueIds(meetings.map((m) => m.id), '会议');
  assertUniqueIds(branch.groupIds, '党小组');
  const cutoff = asOf ?? period.end;
  const items: TComplianceItem[] = [];
  for (const req of REQUIREMENTS) {
    if (req.needsCommittee && !branch.hasCommittee) continue;
    if (req.perGroup) branch.groupIds.forEach((g) => items.push(item(req, period, cutoff, meetings, policy, g)));
    else items.push(item(req, period, cutoff, meetings, policy));
  }
  const missing = items.flatMap((it) => it.windows.filter((w) => w.state === 'missing')
    .map((w) => ({ ruleId: it.ruleId, kind: it.kind, ...(it.groupId ? { groupId: it.groupId } : {}), start: w.start, end: w.end })));
  return { branchId: branch.id, period, items, missing, ok: missing.length === 0 };
}
