import * as z from 'zod';
import { ZBranchRole, ZId, ZInstant, ZLeaveCategory, ZMeetingKind, ZMemberStatus } from './common';
import { ZQuorumResult, ZMotionResult, ZVoteChoice } from './quorum';

export const ZGeoPoint = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).strict();

/** POST /api/checkins: what the app sends after scanning the host's rotating code (D6). */
export const ZCheckinRequest = z.object({
  payload: z.string().min(1).max(200),
  /** The meeting page the scan came from, if any: a code of another meeting is refused. */
  meetingId: ZId.optional(),
  location: ZGeoPoint.optional(),
}).strict();
export type TCheckinRequest = z.infer<typeof ZCheckinRequest>;

export const ZCheckinResponse = z.object({
  meetingId: ZId,
  as: z.enum(['member', 'observer']),
  already: z.boolean(),
  checkedInAt: ZInstant,
  messageZh: z.string(),
});
export type TCheckinResponse = z.infer<typeof ZCheckinResponse>;

export const ZQrQuery = z.object({ meetingId: ZId }).loose();
export const ZQrResponse = z.object({
  payload: z.string(),
  /** The h5 form of the code: opening it in a browser checks in too. */
  url: z.string(),
  expiresAt: ZInstant,
  refreshAfterMs: z.number().int().positive(),
});
export type TQrResponse = z.infer<typeof ZQrResponse>;

/** The host checks in a member without a smartphone; after the window closes it is a 补录 (backfill). */
export const ZManualCheckinRequest = z.object({ meetingId: ZId, personId: ZId }).strict();

/** A member confirms they will attend, or asks for leave with a category and a reason (ATT-1). */
export const ZAttendanceRequest = z.discriminatedUnion('state', [
  z.object({ meetingId: ZId, state: z.literal('confirmed') }).strict(),
  z.object({
    meetingId: ZId,
    state: z.literal('leave'),
    leaveCategory: ZLeaveCategory,
    reason: z.string().trim().min(2).max(500),
  }).strict(),
]);
export type TAttendanceRequest = z.infer<typeof ZAttendanceRequest>;

export const ZAttendanceState = z.enum(['confirmed', 'present', 'leave', 'absent', 'unknown']);

export const ZRosterRow = z.object({
  personId: ZId,
  name: z.string(),
  status: ZMemberStatus,
  roles: z.array(ZBranchRole),
  state: ZAttendanceState,
  method: z.enum(['qr', 'manual', 'confirm', 'backfill']).nullable(),
  checkedInAt: ZInstant.nullable(),
  leaveCategory: ZLeaveCategory.nullable(),
  leaveReason: z.string().nullable(),
});
export type TRosterRow = z.infer<typeof ZRosterRow>;

export const ZRosterResponse = z.object({
  meetingId: ZId,
  kind: ZMeetingKind,
  counts: z.object({ expected: z.number().int(), present: z.number().int(), leave: z.number().int(), absent: z.number().int() }),
  /** VOTE-1 / VOTE-3, recomputed on every read; null for kinds without a quorum rule. */
  quorum: ZQuorumResult.nullable(),
  rows: z.array(ZRosterRow),
  observers: z.array(z.object({ personId: ZId, name: z.string(), checkedInAt: ZInstant.nullable() })),
});
export type TRosterResponse = z.infer<typeof ZRosterResponse>;

export const ZMotionCreate = z.object({ meetingId: ZId, title: z.string().trim().min(1).max(200) }).strict();
/** A member's own vote, or the host recording one for personId. */
export const ZVoteRequest = z.object({ choice: ZVoteChoice, personId: ZId.optional() }).strict();
export const ZMotionView = z.object({ id: ZId, meetingId: ZId, title: z.string(), result: ZMotionResult });
export type TMotionView = z.infer<typeof ZMotionView>;
