import * as z from 'zod';
import { ZBranchRole, ZId, ZMemberStatus, ZOrgKind } from './common';

export const ZWechatLoginRequest = z.object({
  code: z.string().min(1).max(128),
  invitationCode: z.string().trim().min(4).max(32).optional(),
}).strict();
export type TWechatLoginRequest = z.infer<typeof ZWechatLoginRequest>;

export const ZDevLoginRequest = z.object({ personId: ZId }).strict();
export type TDevLoginRequest = z.infer<typeof ZDevLoginRequest>;

export const ZMembershipView = z.object({
  orgId: ZId,
  orgName: z.string(),
  orgKind: ZOrgKind,
  status: ZMemberStatus,
  roles: z.array(ZBranchRole),
});
export type TMembershipView = z.infer<typeof ZMembershipView>;

export const ZMe = z.object({
  id: ZId,
  name: z.string(),
  isOffice: z.boolean(),
  isObserver: z.boolean(),
  memberships: z.array(ZMembershipView),
});
export type TMe = z.infer<typeof ZMe>;

export const ZLoginResponse = z.object({ token: z.string(), expiresAt: z.string(), me: ZMe });
export type TLoginResponse = z.infer<typeof ZLoginResponse>;

/** One entry of the demo login picker (only when DEV_LOGIN=1). */
export const ZDevPerson = z.object({ id: ZId, name: z.string(), label: z.string() });
export const ZDevPeopleResponse = z.object({ people: z.array(ZDevPerson) });
export type TDevPeopleResponse = z.infer<typeof ZDevPeopleResponse>;

export const ZHealth = z.object({ ok: z.literal(true), database: z.enum(['pglite', 'postgres']), migrations: z.number().int() });
export type THealth = z.infer<typeof ZHealth>;

export const ZErrorEnvelope = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional(),
  }),
});
export type TErrorEnvelope = z.infer<typeof ZErrorEnvelope>;
