// One policy object per deployment (D4): every number DOMAIN.md marks *(policy)*, plus the few
// document numbers an office may reasonably tune. Defaults are the documents' values.
import * as z from 'zod';
import { parseOrThrow } from './zod-errors';

const ZRange = z.object({ min: z.number().int().min(1), max: z.number().int().min(1) }).strict()
  .refine((r) => r.max >= r.min, { message: '上限不能小于下限' });

const ZFraction = z.number().gt(0).max(1);

export const ZPolicy = z.object({
  /** OBS-3: share of branches drawn for 旁听 each year. */
  samplingRate: ZFraction.default(0.35),
  /** OBS-2 (about 3), OBS-3 (3-5), OBS-5 (at least 2: office staff + one committee member elsewhere). */
  groupSize: z.object({
    xunting: ZRange.default({ min: 3, max: 3 }),
    pangting: ZRange.default({ min: 3, max: 5 }),
    guancha: ZRange.default({ min: 2, max: 3 }),
  }).strict().default({ xunting: { min: 3, max: 3 }, pangting: { min: 3, max: 5 }, guancha: { min: 2, max: 3 } }),
  /** OBS-8 (policy): a group may not be made up of people from one unit only. */
  allowSingleUnitGroup: z.boolean().default(false),
  /** OBS-5: plan (agenda, content, host, time, place) due this many calendar days before the meeting. */
  planDueDaysBefore: z.number().int().min(0).max(60).default(7),
  /** OBS-5: a branch books its 观察员 visit at least this many months ahead. */
  bookingMonthsAhead: z.number().int().min(0).max(12).default(1),
  /** FB-1: score sheets reach the work committee within this many working days. */
  sheetsDueWorkingDays: z.number().int().min(1).max(30).default(3),
  /** FB-1: the written evaluation goes back to the branch within this many working days. */
  feedbackDueWorkingDays: z.number().int().min(1).max(30).default(5),
  /** FB-2: rectification within this many months of the feedback. */
  rectificationMonths: z.number().int().min(1).max(12).default(1),
  /** FB-4: rectification progress to members every N months; own commitments every M months. */
  progressReportMonths: z.number().int().min(1).max(12).default(6),
  commitmentReportMonths: z.number().int().min(1).max(12).default(3),
  /** CALC-3: a deadline is "due soon" this many calendar days before it falls due. */
  dueSoonDays: z.number().int().min(0).max(30).default(3),
  /** MTG-5 (policy): 主题党日 on the nth ISO weekday of the month (Jiaozuo: first Friday); null = any day. */
  themeDay: z.object({ nth: z.number().int().min(1).max(4), isoWeekday: z.number().int().min(1).max(7) }).strict()
    .nullable().default({ nth: 1, isoWeekday: 5 }),
  /** ATT-1: months without any attendance (and no valid leave) before a member is flagged. */
  absenceFlagMonths: z.number().int().min(1).max(24).default(6),
  /** RATE-1..3: upper bounds of the top grade. */
  quotas: z.object({
    excellentMembers: ZFraction.default(1 / 3),
    advancedOrgs: ZFraction.default(0.15),
    goodSecretaries: ZFraction.default(0.15),
  }).strict().default({ excellentMembers: 1 / 3, advancedOrgs: 0.15, goodSecretaries: 0.15 }),
  /** SCORE-2: which rubric each observation mode uses (the rubric is data; see rules/rubrics.ts). */
  rubricByMode: z.object({
    xunting: z.enum(['pingyi_5', 'guancha_3']).default('pingyi_5'),
    pangting: z.enum(['pingyi_5', 'guancha_3']).default('pingyi_5'),
    guancha: z.enum(['pingyi_5', 'guancha_3']).default('guancha_3'),
  }).strict().default({ xunting: 'pingyi_5', pangting: 'pingyi_5', guancha: 'guancha_3' }),
}).strict();

export type TPolicy = z.infer<typeof ZPolicy>;
/** What a deployment stores: any subset of the policy; the rest falls back to the defaults. */
export type TPolicyInput = z.input<typeof ZPolicy>;

/** Parse a stored (partial) policy; an invalid one fails loudly with POLICY_INVALID and the fields at fault. */
export function parsePolicy(input: unknown): TPolicy {
  return parseOrThrow(ZPolicy, input ?? {}, 'POLICY_INVALID');
}

export const DEFAULT_POLICY: TPolicy = parsePolicy({});
