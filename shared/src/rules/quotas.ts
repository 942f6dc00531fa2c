// RATE-1..3 (003): the top grade is capped; say which cap is broken and by how many.
import * as z from 'zod';
import { parsePolicy, type TPolicyInput } from '../policy';
import { ZMemberGradingInput, ZOrgGradingInput, ZSecretaryGradingInput, type TQuotaCheck } from '../schemas/quotas';
import { assertUniqueIds } from './org';
import { parseRuleInput } from './parse';

// Schemas made once: zod compiles a schema on its first parse, so one made per call was compiled per call (see periods.ts).
const ZQuotaLimitInput = z.object({ n: z.number().int().min(0), fraction: z.number().gt(0).max(1) });

/** At most `fraction` of n; the epsilon keeps 0.15 × 20 at 3 despite floating point. */
export function quotaLimit(n: number, fraction: number): number {
  parseRuleInput(ZQuotaLimitInput, { n, fraction });
  return Math.floor(n * fraction + 1e-9);
}

function check(ruleId: TQuotaCheck['ruleId'], gradeZh: string, denominator: number, actual: number, fraction: number, extra: Pick<TQuotaCheck, 'wronglyGradedIds' | 'ungradedIds'> = { wronglyGradedIds: [], ungradedIds: [] }): TQuotaCheck {
  const limit = quotaLimit(denominator, fraction);
  const excess = Math.max(0, actual - limit);
  const ok = excess === 0 && extra.wronglyGradedIds.length === 0;
  const pct = `${Math.round(fraction * 10000) / 100}%`;
  const head = `${denominator} 个参评对象中“${gradeZh}”最多 ${limit} 个（${pct}），现有 ${actual} 个`;
  const reasonZh = excess > 0 ? `${head}，超出 ${excess} 个` : extra.wronglyGradedIds.length > 0 ? `${head}；预备党员参加评议但不评定等次` : `${head}，符合比例要求`;
  return { ruleId, ok, limit, denominator, actual, excess, ...extra, reasonZh };
}

/** RATE-1: 优秀 at most 1/3 of graded members; 预备党员 take part but get no grade. */
export function checkMemberGrades(input: unknown, policyInput: TPolicyInput = {}): TQuotaCheck {
  const { members } = parseRuleInput(ZMemberGradingInput, input);
  assertUniqueIds(members.map((m) => m.personId));
  const graded = members.filter((m) => m.status === 'full');
  const wronglyGradedIds = members.filter((m) => m.status !== 'full' && m.grade !== null).map((m) => m.personId);
  const ungradedIds = graded.filter((m) => m.grade === null).map((m) => m.personId);
  const actual = graded.filter((m) => m.grade === 'excellent').length;
  return check('RATE-1', '优秀', graded.length, actual, parsePolicy(policyInput).quotas.excellentMembers, { wronglyGradedIds, ungradedIds });
}

/** RATE-2: 先进 at most 15% of the branches under one committee (pass that committee's branches). */
export function checkOrgGrades(input: unknown, policyInput: TPolicyInput = {}): TQuotaCheck {
  const { grades } = parseRuleInput(ZOrgGradingInput, input);
  assertUniqueIds(grades.map((g) => g.orgId), '组织');
  return check('RATE-2', '先进', grades.length, grades.filter((g) => g.grade === 'advanced').length, parsePolicy(policyInput).quotas.advancedOrgs);
}

/** RATE-3: 好 at most 15% of the secretaries. */
export function checkSecretaryGrades(input: unknown, policyInput: TPolicyInput = {}): TQuotaCheck {
  const { grades } = parseRuleInput(ZSecretaryGradingInput, input);
  assertUniqueIds(grades.map((g) => g.personId), '书记');
  return check('RATE-3', '好', grades.length, grades.filter((g) => g.grade === 'good').length, parsePolicy(policyInput).quotas.goodSecretaries);
}
