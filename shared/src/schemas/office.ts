// The office's management payloads: organisations (ORG-1), people and memberships (ORG-2, ORG-3),
// the observer pool (ORG-4), the policy (D4) and the audit log. One schema per payload (STYLE 3).
import * as z from 'zod';
import { ZBranchRole, ZDate, ZId, ZInstant, ZMemberStatus, ZObservationMode, ZOrgKind } from './common';

// Custom refinements, so these Chinese messages reach the envelope as they are (the generic
// translator in zod-errors.ts words only zod's own checks).
const ZName = (max: number) => z.string().trim()
  .refine((v) => v.length > 0, { message: '必填' })
  .refine((v) => v.length <= max, { message: `最多 ${max} 个字符` });
export const ZMobile = z.string().trim().refine((v) => /^1[3-9]\d{9}$/.test(v), { message: '手机号码应为 11 位数字，以 1 开头' });
export const ZGender = z.enum(['male', 'female'], { message: '性别应为 男 或 女' });
export type TGender = z.infer<typeof ZGender>;

/** Keyset pagination shared by every office list: limit ≤ 100, an opaque cursor from the previous page. */
export const ZPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});
export const ZPage = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

// ── organisations (ORG-1) ───────────────────────────────────────────────────
export const ZIdParam = z.object({ id: ZId }).loose();

export const ZCreateOrgRequest = z.object({
  parentId: ZId,
  kind: ZOrgKind,
  name: ZName(100),
  hasCommittee: z.boolean().default(false),
}).strict();
export type TCreateOrgRequest = z.infer<typeof ZCreateOrgRequest>;

export const ZUpdateOrgRequest = z.object({
  parentId: ZId.optional(),
  kind: ZOrgKind.optional(),
  name: ZName(100).optional(),
  hasCommittee: z.boolean().optional(),
}).strict().refine((b) => Object.keys(b).length > 0, { message: '没有要修改的内容' });
export type TUpdateOrgRequest = z.infer<typeof ZUpdateOrgRequest>;

export const ZOrg = z.object({
  id: ZId,
  parentId: ZId.nullable(),
  kind: ZOrgKind,
  name: z.string(),
  hasCommittee: z.boolean(),
  memberCount: z.number().int(),
});
export type TOrg = z.infer<typeof ZOrg>;

export type TOrgTreeNode = TOrg & { children: TOrgTreeNode[] };
export const ZOrgTreeNode: z.ZodType<TOrgTreeNode> = z.lazy(() => ZOrg.extend({ children: z.array(ZOrgTreeNode) }));
export const ZOrgTreeQuery = z.object({ rootId: ZId.optional() }).loose();
export const ZOrgTreeResponse = z.object({ roots: z.array(ZOrgTreeNode), count: z.number().int() });
export type TOrgTreeResponse = z.infer<typeof ZOrgTreeResponse>;

// ── people and memberships (ORG-2, ORG-3) ───────────────────────────────────
export const ZMembershipInput = z.object({
  orgId: ZId,
  status: ZMemberStatus,
  roles: z.array(ZBranchRole).max(4).default([]).refine((r) => new Set(r).size === r.length, { message: '职务有重复' }),
  joinedOn: ZDate.optional(),
}).strict();
export type TMembershipInput = z.infer<typeof ZMembershipInput>;

export const ZUpdateMembershipRequest = z.object({
  orgId: ZId,
  status: ZMemberStatus.optional(),
  roles: z.array(ZBranchRole).max(4).refine((r) => new Set(r).size === r.length, { message: '职务有重复' }).optional(),
  /** Ends the membership (transfer out, death, ...): the row stays for the record. */
  leftOn: ZDate.nullable().optional(),
}).strict();
export type TUpdateMembershipRequest = z.infer<typeof ZUpdateMembershipRequest>;

export const ZCreatePersonRequest = z.object({
  name: ZName(50),
  gender: ZGender.optional(),
  mobile: ZMobile.optional(),
  unit: ZName(100).optional(),
  post: ZName(100).optional(),
  isLeadingCadre: z.boolean().default(false),
  membership: ZMembershipInput.optional(),
}).strict();
export type TCreatePersonRequest = z.infer<typeof ZCreatePersonRequest>;

export const ZUpdatePersonRequest = z.object({
  name: ZName(50).optional(),
  gender: ZGender.nullable().optional(),
  mobile: ZMobile.nullable().optional(),
  unit: ZName(100).nullable().optional(),
  post: ZName(100).nullable().optional(),
  isLeadingCadre: z.boolean().optional(),
}).strict().refine((b) => Object.keys(b).length > 0, { message: '没有要修改的内容' });
export type TUpdatePersonRequest = z.infer<typeof ZUpdatePersonRequest>;

export const ZPersonMembership = z.object({
  id: ZId,
  orgId: ZId,
  orgName: z.string(),
  orgKind: ZOrgKind,
  status: ZMemberStatus,
  roles: z.array(ZBranchRole),
  joinedOn: ZDate,
  leftOn: ZDate.nullable(),
});
export type TPersonMembership = z.infer<typeof ZPersonMembership>;

/** A person as the caller may see them: the mobile is masked (138****1234) unless the caller is office staff (ORG-4). */
export const ZPerson = z.object({
  id: ZId,
  name: z.string(),
  gender: ZGender.nullable(),
  mobile: z.string().nullable(),
  unit: z.string().nullable(),
  post: z.string().nullable(),
  isLeadingCadre: z.boolean(),
  wechatBound: z.boolean(),
  invitationExpiresAt: ZInstant.nullable(),
  memberships: z.array(ZPersonMembership),
});
export type TPerson = z.infer<typeof ZPerson>;

export const ZPeopleQuery = ZPageQuery.extend({
  /** Name prefix, or the start of a mobile number. */
  q: z.string().trim().min(1).max(50).optional(),
  orgId: ZId.optional(),
}).strict();
export type TPeopleQuery = z.infer<typeof ZPeopleQuery>;
export const ZPeopleList = ZPage(ZPerson);
export type TPeopleList = z.infer<typeof ZPeopleList>;

/** POST /api/people/:id/invitation: the code is shown once; only its expiry is readable later. */
export const ZInvitation = z.object({ personId: ZId, code: z.string().regex(/^[2-9A-HJKMNP-Z]{8}$/), expiresAt: ZInstant });
export type TInvitation = z.infer<typeof ZInvitation>;

// ── observer pool (ORG-4) ───────────────────────────────────────────────────
export const ZObserver = z.object({
  id: ZId,
  personId: ZId,
  name: z.string(),
  gender: ZGender.nullable(),
  unit: z.string(),
  post: z.string(),
  serves: z.array(ZObservationMode.exclude(['guancha'])),
  active: z.boolean(),
  /** Masked (138****1234) for everyone but office staff. */
  mobile: z.string().nullable(),
});
export type TObserver = z.infer<typeof ZObserver>;

const ZServes = z.array(z.enum(['xunting', 'pangting'])).refine((s) => s.length > 0, { message: '巡听、旁听至少选一项' })
  .refine((s) => new Set(s).size === s.length, { message: '有重复' });

export const ZObserverQuery = ZPageQuery.extend({
  q: z.string().trim().min(1).max(50).optional(),
  serves: z.enum(['xunting', 'pangting']).optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
}).strict();
export type TObserverQuery = z.infer<typeof ZObserverQuery>;
export const ZObserverList = ZPage(ZObserver);
export type TObserverList = z.infer<typeof ZObserverList>;

/** Either an existing person (personId) or a new one (name, gender, mobile). */
export const ZCreateObserverRequest = z.object({
  personId: ZId.optional(),
  name: ZName(50).optional(),
  gender: ZGender.optional(),
  mobile: ZMobile.optional(),
  unit: ZName(100),
  post: ZName(100),
  serves: ZServes,
}).strict().superRefine((b, ctx) => {
  if (b.personId) return;
  if (!b.name) ctx.addIssue({ code: 'custom', path: ['name'], message: '新增人员须填写姓名' });
  if (!b.mobile) ctx.addIssue({ code: 'custom', path: ['mobile'], message: '新增人员须填写手机号码' });
});
export type TCreateObserverRequest = z.infer<typeof ZCreateObserverRequest>;

export const ZUpdateObserverRequest = z.object({
  id: ZId,
  unit: ZName(100).optional(),
  post: ZName(100).optional(),
  serves: ZServes.optional(),
  active: z.boolean().optional(),
}).strict();
export type TUpdateObserverRequest = z.infer<typeof ZUpdateObserverRequest>;

// ── policy (D4) ─────────────────────────────────────────────────────────────
export const ZPolicyQuery = ZPageQuery.extend({ history: z.enum(['0', '1']).optional() }).strict();
export const ZPutPolicyRequest = z.object({
  /** The whole override object; keys left out take DOMAIN.md's defaults. Validated with ZPolicy. */
  value: z.record(z.string(), z.unknown()),
  reason: ZName(500),
}).strict();
export type TPutPolicyRequest = z.infer<typeof ZPutPolicyRequest>;

export const ZPolicyVersion = z.object({
  id: z.number().int(),
  value: z.record(z.string(), z.unknown()),
  reason: z.string(),
  createdBy: ZId.nullable(),
  createdByName: z.string().nullable(),
  createdAt: ZInstant,
});
export type TPolicyVersion = z.infer<typeof ZPolicyVersion>;

// ── audit log ───────────────────────────────────────────────────────────────
export const ZAuditQuery = ZPageQuery.extend({
  table: z.string().regex(/^[a-z_]{1,63}$/, '表名格式不正确').optional(),
  rowId: z.string().min(1).max(200).optional(),
  actorId: ZId.optional(),
}).strict();
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEntry = z.object({
  id: z.number().int(),
  at: ZInstant,
  actorId: ZId.nullable(),
  actorName: z.string().nullable(),
  table: z.string(),
  op: z.enum(['INSERT', 'UPDATE', 'DELETE']),
  rowPk: z.record(z.string(), z.unknown()),
  old: z.record(z.string(), z.unknown()).nullable(),
  new: z.record(z.string(), z.unknown()).nullable(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;
export const ZAuditList = ZPage(ZAuditEntry);
export type TAuditList = z.infer<typeof ZAuditList>;
