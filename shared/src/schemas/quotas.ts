import * as z from 'zod';
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

// ── stored gradings (RATE-1..3): one batch per organisation, year and kind ─────────────────────
export const ZGradingKind = z.enum(['member', 'branch', 'secretary']);
export type TGradingKind = z.infer<typeof ZGradingKind>;

const ZGradingYear = z.coerce.number().int().min(2000).max(2100);
const batch = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(5000);
const head = { orgId: ZId, year: ZGradingYear };

/**
 * POST /api/gradings: the whole batch of one kind for one organisation and year, replacing any earlier one.
 * member: orgId is the branch and each member's status is read from the database (预备党员: grade null);
 * branch / secretary: orgId is the committee above the branches graded.
 */
export const ZStoreGradingsRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), ...head, grades: batch(z.object({ personId: ZId, grade: ZMemberGrade.nullable() }).strict()) }).strict(),
  z.object({ kind: z.literal('branch'), ...head, grades: batch(z.object({ orgId: ZId, grade: ZOrgGrade }).strict()) }).strict(),
  z.object({ kind: z.literal('secretary'), ...head, grades: batch(z.object({ personId: ZId, grade: ZSecretaryGrade }).strict()) }).strict(),
]);
export type TStoreGradingsRequest = z.infer<typeof ZStoreGradingsRequest>;

export const ZGradingsQuery = z.object({ ...head, kind: ZGradingKind.optional() }).strict();

export interface TStoredGrade {
  /** The person (member, secretary) or organisation (branch) graded. */
  subjectId: string;
  name: string;
  grade: string | null;
  memberStatus: z.infer<typeof ZMemberStatus> | null;
}
export interface TGradingBatch {
  kind: TGradingKind;
  gradedBy: string;
  gradedAt: string;
  grades: TStoredGrade[];
  /** The quota rule over the stored batch, with the policy in force now. */
  check: TQuotaCheck;
}
