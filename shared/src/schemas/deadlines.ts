import { z } from 'zod';
import { ZId, ZInstant, ZMeetingKind, ZObservationMode } from './common';
import { ZCalendarDate } from './period';

export const ZDeadlineKey = z.enum([
  'booking', // OBS-5: branch books the visit ≥ 1 month ahead
  'plan_submission', // OBS-5: plan ≥ 1 week before
  'sheet_submission', // FB-1: sheets to the work committee, 3 working days
  'feedback_to_branch', // FB-1: written evaluation back, 5 working days
  'rectification', // FB-2: rectified within 1 month of the feedback
  'report_back', // FB-3: invited member reports at their branch's next committee meeting
  'progress_report', // FB-4: rectification progress to members, every 6 months
  'commitment_report', // FB-4: members report on their commitments, every quarter
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
  basis: z.enum(['calendar_days', 'working_days', 'months', 'next_committee_meeting']),
  state: ZDeadlineState,
  doneOn: ZCalendarDate.nullable(),
  late: z.boolean(),
});
export type TDeadline = z.infer<typeof ZDeadline>;
