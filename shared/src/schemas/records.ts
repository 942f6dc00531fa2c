import * as z from 'zod';
import { ZId, ZInstant, ZMeetingKind } from './common';
import { ZCalendarDate } from './period';

/** MTG-9 (003): what a 党课 record holds. Counts are never negative. */
export const ZPartyLectureRecord = z.object({
  title: z.string().trim().min(1),
  startsAt: ZInstant,
  lecturer: z.string().trim().min(1),
  lecturerId: ZId.optional(),
  presentCount: z.number().int().min(0),
  absentCount: z.number().int().min(0),
}).strict();
export type TPartyLectureRecord = z.infer<typeof ZPartyLectureRecord>;

/** MTG-11 (003): the record of any meeting. */
export const ZMeetingRecord = z.object({
  kind: ZMeetingKind,
  startsAt: ZInstant,
  place: z.string().trim().min(1),
  topic: z.string().trim().min(1),
  expectedIds: z.array(ZId),
  presentIds: z.array(ZId),
  absences: z.array(z.object({ personId: ZId, reason: z.string() }).strict()),
  decisions: z.array(z.string().trim().min(1)).default([]),
}).strict();
export type TMeetingRecord = z.input<typeof ZMeetingRecord>;

/** MTG-10 (004): a branch's yearly plan and its year-end report. */
export const ZYearPlan = z.object({ branchId: ZId, year: z.number().int().min(2000).max(2100), planFiledOn: ZCalendarDate.nullable(), reportFiledOn: ZCalendarDate.nullable() }).strict();

/** MTG-12: a leading cadre's 组织生活会 attendances in one year. */
export const ZDualLifeInput = z.object({
  year: z.number().int().min(2000).max(2100),
  cadres: z.array(z.object({ personId: ZId, ownBranchId: ZId }).strict()),
  attendances: z.array(z.object({ personId: ZId, branchId: ZId, kind: ZMeetingKind, date: ZCalendarDate }).strict()),
}).strict();
