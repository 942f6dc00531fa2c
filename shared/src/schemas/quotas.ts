import { z } from 'zod';
import { ZId, ZMemberStatus } from './common';

/** RATE-1 民主评议党员 grades. */
export const ZMemberGrade = z.enum(['excellent', 'qualified', 'basically_qualified', 'unqualified']);
/** RATE-2 评组织 grades: 先进 / 一类 / 二类 / 三类. */
export const ZOrgGrade = z.enum(['advanced', 'first', 'second', 'third']);
/** RATE-3 评书记 grades: 好 / 较好 / 一般 / 差. */
export const ZSecretaryGrade = z.enum(['good', 'fairly_good', 'average', 'poor']);

export const ZMemberGradingInput = z.object({
  members: z.array(z.object({ personId: ZId, status: ZMemberStatus, grade: ZMemberGrade.nullable().default(null) }).strict()),
}).strict();
export const ZOrgGradingInput = z.object({ grades: z.array(z.object({ orgId: ZId, grade: ZOrgGrade }).strict()) }).strict();
export const ZSecretaryGradingInput = z.object({ grades: z.array(z.object({ personId: ZId, grade: ZSecretaryGrade }).strict()) }).strict();

export const ZQuotaCheck = z.object({
  ruleId: z.enum(['RATE-1', 'RATE-2', 'RATE-3']),
  ok: z.boolean(),
  /** How many may get the top grade, of how many graded. */
  limit: z.number().int().min(0),
  denominator: z.number().int().min(0),
  actual: z.number().int().min(0),
  /** How many top grades too many (0 when ok). */
  excess: z.number().int().min(0),
  /** RATE-1: 预备党员 given a grade (they take part but are not graded). */
  wronglyGradedIds: z.array(ZId),
  /** RATE-1: 正式党员 still without a grade. */
  ungradedIds: z.array(ZId),
  reasonZh: z.string(),
});
export type TQuotaCheck = z.infer<typeof ZQuotaCheck>;
