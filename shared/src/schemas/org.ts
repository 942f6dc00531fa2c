import * as z from 'zod';
import { ZBranchRole, ZId, ZMemberStatus, ZObservationMode, ZOrgKind } from './common';

/** One node of the organisation tree (ORG-1). */
export const ZOrgNode = z.object({
  id: ZId,
  parentId: ZId.nullable(),
  kind: ZOrgKind,
  name: z.string().min(1).optional(),
}).strict();
export type TOrgNode = z.infer<typeof ZOrgNode>;

export const ZOrgTreeIssue = z.object({
  orgId: ZId,
  code: z.enum(['ROOT_NOT_WORK_COMMITTEE', 'MISSING_PARENT', 'WRONG_PARENT_KIND', 'CYCLE']),
  messageZh: z.string(),
});
export type TOrgTreeIssue = z.infer<typeof ZOrgTreeIssue>;

/** One person on a branch's roster (ORG-2 status, ORG-3 roles); the input of quorum and votes. */
export const ZRosterEntry = z.object({
  personId: ZId,
  status: ZMemberStatus,
  roles: z.array(ZBranchRole).default([]),
  /** Sits on the 支委会; defaults to holding secretary / deputy / committee-member role. */
  onCommittee: z.boolean().optional(),
}).strict();
export type TRosterEntry = z.infer<typeof ZRosterEntry>;
export type TRosterEntryInput = z.input<typeof ZRosterEntry>;

/** ORG-4: an entry of the observer pool (人员库, 000 annex 2). */
export const ZObserverPoolEntry = z.object({
  personId: ZId,
  name: z.string().min(1),
  gender: z.enum(['male', 'female']),
  unit: z.string().min(1),
  post: z.string().min(1),
  mobile: z.string().regex(/^1\d{10}$/, '手机号应为 11 位数字'),
  serves: z.array(ZObservationMode).min(1),
}).strict();
export type TObserverPoolEntry = z.infer<typeof ZObserverPoolEntry>;
