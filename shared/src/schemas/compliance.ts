import * as z from 'zod';
import { ZId, ZLeaveCategory, ZMeetingKind, ZMemberStatus } from './common';
import { ZCalendarDate, ZPeriod, ZPeriodUnit } from './period';

/** A meeting as compliance needs it: kind and Shanghai date; group meetings name their group. */
export const ZHeldMeeting = z.object({
  id: ZId,
  kind: ZMeetingKind,
  date: ZCalendarDate,
  groupId: ZId.optional(),
}).strict();
export type THeldMeeting = z.infer<typeof ZHeldMeeting>;

export const ZComplianceInput = z.object({
  branch: z.object({ id: ZId, hasCommittee: z.boolean(), groupIds: z.array(ZId).default([]) }).strict(),
  period: ZPeriod,
  /** Windows ending after this date and still empty are 'pending', not 'missing'. Defaults to the period end. */
  asOf: ZCalendarDate.optional(),
  meetings: z.array(ZHeldMeeting),
}).strict();
export type TComplianceInput = z.input<typeof ZComplianceInput>;

export const ZWindowState = z.enum(['met', 'missing', 'pending']);
export const ZComplianceWindow = z.object({
  start: ZCalendarDate,
  end: ZCalendarDate,
  state: ZWindowState,
  meetingIds: z.array(ZId),
  /** MTG-5: the configured theme day of the month and whether a theme day was held on it. */
  scheduledDate: ZCalendarDate.nullable().optional(),
  onSchedule: z.boolean().optional(),
});
export const ZComplianceItem = z.object({
  ruleId: z.string(),
  kind: ZMeetingKind,
  labelZh: z.string(),
  unit: ZPeriodUnit,
  groupId: ZId.optional(),
  windows: z.array(ZComplianceWindow),
  ok: z.boolean(),
});
export type TComplianceItem = z.infer<typeof ZComplianceItem>;
export const ZComplianceResult = z.object({
  branchId: ZId,
  period: ZPeriod,
  items: z.array(ZComplianceItem),
  missing: z.array(z.object({ ruleId: z.string(), kind: ZMeetingKind, groupId: ZId.optional(), start: ZCalendarDate, end: ZCalendarDate })),
  ok: z.boolean(),
});
export type TComplianceResult = z.infer<typeof ZComplianceResult>;

/** ATT-1 inputs: members with join dates, meetings with who should attend, who came, who asked for leave. */
export const ZLeave = z.object({ personId: ZId, category: ZLeaveCategory, reason: z.string(), approved: z.boolean().default(true) }).strict();
export const ZAttendedMeeting = z.object({
  id: ZId,
  kind: ZMeetingKind,
  date: ZCalendarDate,
  expectedIds: z.array(ZId),
  presentIds: z.array(ZId),
  leaves: z.array(ZLeave).default([]),
}).strict();
export const ZAbsenceInput = z.object({
  asOf: ZCalendarDate,
  members: z.array(z.object({ personId: ZId, status: ZMemberStatus, joinedOn: ZCalendarDate }).strict()),
  meetings: z.array(ZAttendedMeeting),
}).strict();
export type TAbsenceInput = z.input<typeof ZAbsenceInput>;

export const ZAbsenceFlag = z.object({
  personId: ZId,
  flagged: z.boolean(),
  lastAttendedOn: ZCalendarDate.nullable(),
  missedInWindow: z.number().int().min(0),
  missedWithoutLeave: z.number().int().min(0),
  reasonZh: z.string(),
});
export type TAbsenceFlag = z.infer<typeof ZAbsenceFlag>;
export const ZAbsenceResult = z.object({ windowStart: ZCalendarDate, asOf: ZCalendarDate, members: z.array(ZAbsenceFlag), flaggedIds: z.array(ZId) });
export type TAbsenceResult = z.infer<typeof ZAbsenceResult>;
