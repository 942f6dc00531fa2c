import * as z from 'zod';
import { ZId, ZObservationMode } from './common';

/** ORG-3 roles that matter for who may observe (OBS-2, OBS-3, OBS-5). */
export const ZPoolRole = z.enum([
  'office', // 机关党委办 / 工委工作人员
  'work_committee_member', // 工委委员 (OBS-2)
  'unit_leader', // 单位分管领导 (OBS-2)
  'fulltime_deputy', // 专职副书记 (OBS-2)
  'party_affairs', // 党务工作者 (OBS-3)
  'branch_leader', // 支部书记等支部负责人 (OBS-3)
  'member_rep', // 党员代表 (OBS-3)
  'branch_committee', // 支委 (OBS-5 invited member)
]);
export type TPoolRole = z.infer<typeof ZPoolRole>;

export const ZPoolMember = z.object({
  personId: ZId,
  unitId: ZId,
  /** Every branch the person belongs to (OBS-8: never observe one of these). */
  branchIds: z.array(ZId),
  serves: z.array(ZObservationMode).min(1),
  roles: z.array(ZPoolRole).min(1),
  /** Observations already assigned this year (OBS-8: balance the load). */
  load: z.number().int().min(0).default(0),
  available: z.boolean().default(true),
}).strict();
export type TPoolMember = z.input<typeof ZPoolMember>;

export const ZAssignmentInput = z.object({
  mode: ZObservationMode,
  observedBranchId: ZId,
  pool: z.array(ZPoolMember),
  /** Wanted group size; defaults to the policy minimum for the mode and must lie in its range. */
  size: z.number().int().min(1).optional(),
  seed: z.string().trim().min(1).max(200),
}).strict();
export type TAssignmentInput = z.input<typeof ZAssignmentInput>;

export const ZGroupMember = z.object({ personId: ZId, unitId: ZId, roleInGroup: z.enum(['office', 'invited_committee_member', 'observer']) });
export const ZAssignmentResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), mode: ZObservationMode, observerIds: z.array(ZId), members: z.array(ZGroupMember), seed: z.string(), algorithm: z.literal('assign-v2'), reasonZh: z.string() }),
  z.object({ ok: z.literal(false), code: z.enum(['POOL_TOO_SMALL', 'NO_OFFICE_STAFF', 'NO_COMMITTEE_MEMBER', 'GROUP_SINGLE_UNIT']), needed: z.number().int(), available: z.number().int(), reasonZh: z.string() }),
]);
export type TAssignmentResult = z.infer<typeof ZAssignmentResult>;

/** CALC-2 for a schedule: one pool, many groups in order (assignObserverGroups). */
export const ZAssignmentRequest = ZAssignmentInput.omit({ pool: true });
export const ZAssignmentBatchInput = z.object({
  pool: z.array(ZPoolMember),
  requests: z.array(ZAssignmentRequest),
  /** Each group raises its members' load for the requests after it (OBS-8); false: every group sees the pool as given. */
  carryLoad: z.boolean().default(true),
}).strict();
export type TAssignmentBatchInput = z.input<typeof ZAssignmentBatchInput>;
