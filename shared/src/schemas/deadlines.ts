import * as z from 'zod';
import { ZId, ZInstant, ZMeetingKind, ZObservationMode } from './common';
import { ZCalendarDate } from './period';
import { ZRectificationStatus, ZReportKind } from './feedback';

export const ZDeadlineKey = z.enum([
  'booking', // OBS-5: branch books the visit ≥ 1 month ahead
  'plan_submission', // OBS-5: plan ≥ 1 week before
  'sheet_submission', // FB-1: sheets to the work committee, 3 working days
  'feedback_to_branch', // FB-1: written evaluation back, 5 working days
  'rectification', // FB-2: rectified within 1 month of the feedback
  'report_back', // FB-3: invited member reports at their branch's next committee meeting
  'progress_report', // FB-4: rectification progress to members, every 6 months
  'commitment_report', // FB-4: members report on their commitments, every quarter
  'rectification_item', // FB-2: one item of the rectification, by the due date its owner was given
]);
export type TDeadlineKey = z.infer<typeof ZDeadlineKey>;

export const ZDeadlineState = z.enum(['upcoming', 'due_soon', 'overdue', 'done']);
export type TDeadlineState = z.infer<typeof ZDeadlineState>;

export const ZDeadlinesInput = z.object({
  observation: z.object({
    id: ZId.optional(),
    mode: ZObservationMode,
    kind: ZMeetingKind,
    /** When the observed meeting starts (or started). */
    startsAt: ZInstant,
    /** OBS-5: 'branch' booked the date itself (then the 1-month booking rule applies), or the 'office' set it. */
    scheduledBy: z.enum(['office', 'branch']).default('office'),
    /** FB-3: the date of the invited member's branch's next committee meeting, when known. */
    inviteeNextCommitteeMeetingOn: ZCalendarDate.optional(),
  }).strict(),
  /** When each step was done, if it was. */
  done: z.partialRecord(ZDeadlineKey, ZInstant).default({}),
  now: ZInstant,
}).strict();
export type TDeadlinesInput = z.input<typeof ZDeadlinesInput>;

export const ZDeadline = z.object({
  key: ZDeadlineKey,
  ruleId: z.string(),
  labelZh: z.string(),
  dueDate: ZCalendarDate,
  /** item_due_date: the date the branch set for a rectification item (FB-2). */
  basis: z.enum(['calendar_days', 'working_days', 'months', 'next_committee_meeting', 'item_due_date']),
  state: ZDeadlineState,
  doneOn: ZCalendarDate.nullable(),
  late: z.boolean(),
});
export type TDeadline = z.infer<typeof ZDeadline>;

// ── CALC-3 over many observations: the deadlines board and the reminder sender ──────────────────
/** One observation and what the data says of it (rules/deadline-board.ts). */
export const ZBoardObservation = z.object({
  observation: ZDeadlinesInput.shape.observation,
  /** When the plan, the last sheet of the group and the feedback came in. */
  done: z.partialRecord(z.enum(['plan_submission', 'sheet_submission', 'feedback_to_branch']), ZInstant).default({}),
  /** FB-2: when the branch's committee recorded its discussion of the feedback. */
  discussedAt: z.array(ZInstant).default([]),
  /** FB-2: the rectification items and where each is in its loop. */
  items: z.array(z.object({
    id: ZId, title: z.string(), ownerId: ZId, dueDate: ZCalendarDate, status: ZRectificationStatus, closedAt: ZInstant.nullable(),
  }).strict()).default([]),
  /** FB-3 / FB-4: the reports filed, by period. */
  reports: z.array(z.object({ kind: ZReportKind, periodNo: z.number().int().min(1).max(40), heldOn: ZCalendarDate }).strict()).default([]),
}).strict();
export type TBoardObservation = z.input<typeof ZBoardObservation>;

export const ZBoardInput = z.object({ observations: z.array(ZBoardObservation), now: ZInstant }).strict();

/** A deadline on the board: an FB-4 report names its period, a rectification item its id, owner and loop state. */
export const ZBoardDeadline = ZDeadline.extend({
  periodNo: z.number().int().min(1).optional(),
  itemId: ZId.optional(),
  ownerId: ZId.optional(),
  loop: ZRectificationStatus.optional(),
});
export type TBoardDeadline = z.infer<typeof ZBoardDeadline>;
