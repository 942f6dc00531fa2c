// What the API answers about feedback and rectification (FB-1, FB-2): the shapes of GET/POST
// /api/feedback/[observationId] and /api/rectifications, which the phone validates (STYLE 3).
import * as z from 'zod';
import { ZId, ZInstant } from './common';
import { ZCalendarDate } from './period';
import { ZDeadlineState } from './deadlines';
import { ZGroupResult } from './scoring';
import { ZRectificationStatus } from './feedback';

/** FB-1: the group's written evaluation as it was sent (never edited). */
export const ZFeedbackView = z.object({
  observationId: ZId,
  evaluation: z.string(),
  strengths: z.string().nullable(),
  shortcomings: z.string().nullable(),
  suggestions: z.string().nullable(),
  strengthTags: z.array(z.string()),
  problemTags: z.array(z.string()),
  groupResult: ZGroupResult,
  dueDate: ZCalendarDate,
  late: z.boolean(),
  sentBy: ZId,
  sentByName: z.string(),
  sentAt: ZInstant,
});
export type TFeedbackView = z.infer<typeof ZFeedbackView>;

/** GET /api/feedback/[observationId]: null until the group sends it, with its FB-1 due date. */
export const ZFeedbackResponse = z.object({
  observationId: ZId,
  feedback: ZFeedbackView.nullable(),
  dueDate: ZCalendarDate.nullable(),
  state: ZDeadlineState.nullable(),
});
export type TFeedbackResponse = z.infer<typeof ZFeedbackResponse>;

/** FB-2: the observed branch's committee meeting on the feedback. */
export const ZRectificationDiscussion = z.object({
  id: ZId,
  heldOn: ZCalendarDate,
  summary: z.string(),
  recordedBy: ZId,
  recordedByName: z.string(),
  recordedAt: ZInstant,
});
export type TRectificationDiscussion = z.infer<typeof ZRectificationDiscussion>;

/** FB-2: one item with its closed loop (submitted → closed, or returned with a reason) and every step. */
export const ZRectificationItemView = z.object({
  id: ZId,
  observationId: ZId,
  title: z.string(),
  ownerPersonId: ZId,
  ownerName: z.string(),
  dueDate: ZCalendarDate,
  status: ZRectificationStatus,
  evidenceText: z.string().nullable(),
  evidenceIds: z.array(ZId),
  submittedAt: ZInstant.nullable(),
  returnReason: z.string().nullable(),
  closedBy: ZId.nullable(),
  closedAt: ZInstant.nullable(),
  history: z.array(z.object({
    from: ZRectificationStatus.nullable(),
    to: ZRectificationStatus,
    note: z.string().nullable(),
    actorId: ZId.nullable(),
    at: ZInstant,
  })),
});
export type TRectificationItemView = z.infer<typeof ZRectificationItemView>;

/** GET and POST /api/rectifications. */
export const ZRectificationResponse = z.object({
  observationId: ZId,
  discussions: z.array(ZRectificationDiscussion),
  items: z.array(ZRectificationItemView),
});
export type TRectificationResponse = z.infer<typeof ZRectificationResponse>;

/** POST /api/rectifications/[id]/submit and /verify. */
export const ZRectificationItemResponse = z.object({ item: ZRectificationItemView });
