// A member's own record (FB-4, ATT-1): past meetings with how I attended, and the rectification
// items I own. GET /api/me/attendance and GET /api/me/rectifications.
import * as z from 'zod';
import { ZId, ZInstant, ZLeaveCategory } from './common';
import { ZMeeting } from './meetings';
import { ZCalendarDate } from './period';
import { ZDeadlineState } from './deadlines';
import { ZRectificationStatus } from './feedback';

const ZPage = {
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(10000).default(0),
};

export const ZMyAttendanceQuery = z.object({
  /** The calendar year in Shanghai; defaults to this year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  ...ZPage,
}).strict();
export type TMyAttendanceQuery = z.input<typeof ZMyAttendanceQuery>;

/** 出席 / 补录 (the host recorded it after the window closed) / 请假 / 缺席 (no leave asked, never checked in: ATT-1). */
export const ZHistoryState = z.enum(['present', 'backfill', 'leave', 'absent']);
export type THistoryState = z.infer<typeof ZHistoryState>;

export const ZMyAttendanceItem = ZMeeting.pick({ orgId: true, orgName: true, kind: true, topic: true, startsAt: true, endsAt: true, place: true }).extend({
  meetingId: ZId,
  state: ZHistoryState,
  checkedInAt: ZInstant.nullable(),
  leaveCategory: ZLeaveCategory.nullable(),
  leaveReason: z.string().nullable(),
});
export type TMyAttendanceItem = z.infer<typeof ZMyAttendanceItem>;

export const ZMyAttendanceResponse = z.object({
  year: z.number().int(),
  /** Over the whole year, not just this page. */
  counts: z.record(ZHistoryState, z.number().int()),
  items: z.array(ZMyAttendanceItem),
  nextOffset: z.number().int().nullable(),
});
export type TMyAttendanceResponse = z.infer<typeof ZMyAttendanceResponse>;

export const ZMyRectificationsQuery = z.object(ZPage).strict();

/** FB-2, FB-4: an item I own, with the observed meeting it came from and where its deadline stands. */
export const ZMyRectificationItem = z.object({
  id: ZId,
  observationId: ZId,
  meetingId: ZId,
  meetingTopic: z.string(),
  orgName: z.string(),
  title: z.string(),
  dueDate: ZCalendarDate,
  status: ZRectificationStatus,
  state: ZDeadlineState,
  returnReason: z.string().nullable(),
  submittedAt: ZInstant.nullable(),
  closedAt: ZInstant.nullable(),
});
export type TMyRectificationItem = z.infer<typeof ZMyRectificationItem>;

export const ZMyRectificationsResponse = z.object({
  items: z.array(ZMyRectificationItem),
  nextOffset: z.number().int().nullable(),
});
export type TMyRectificationsResponse = z.infer<typeof ZMyRectificationsResponse>;
