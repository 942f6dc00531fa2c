// 我的待办 (D9: the in-app task list is the source of truth, not a message): what GET /api/tasks answers.
// Dates are Shanghai calendar days (YYYY-MM-DD); the phone formats them, never recomputes (D9).
import * as z from 'zod';
import { ZId, ZInstant } from './common';
import { ZCalendarDate } from './period';
import { ZDeadlineState } from './deadlines';
import { ZReportKind, ZTemplateKey } from './feedback';

export const ZTaskKind = z.enum([
  'attend_meeting', // ATT-1: confirm or ask for leave
  'observe_meeting', // OBS-6, OBS-7: my group's visit: check in, take the 两听两看 notes
  'submit_sheet', // FB-1: the observer's own score sheet
  'submit_plan', // OBS-5: the observed branch's plan
  'file_yearly_plan', // MTG-10
  'record_discussion', // FB-2: feedback received; the committee discusses it and lists the items
  'rectification_item', // FB-2, FB-4: an item I own, or (branch leaders) the branch's item still open
  'verify_rectification', // FB-2: evidence came in; the group closes it or sends it back with a reason
  'file_report', // FB-3: the invited member's report-back; FB-4: the branch's progress and commitment reports of a period
]);
export type TTaskKind = z.infer<typeof ZTaskKind>;

export const ZTask = z.object({
  kind: ZTaskKind,
  ruleId: z.string(),
  titleZh: z.string(),
  /** The last allowed day; null where the documents set no date (MTG-10). */
  dueDate: ZCalendarDate.nullable(),
  state: ZDeadlineState,
  /** attend_meeting: when the meeting starts. */
  startsAt: ZInstant.optional(),
  /** FB-2: why the item was sent back. */
  noteZh: z.string().optional(),
  /** Which one-time subscribe message (D9) reminds of this task. */
  templateKey: ZTemplateKey,
  meetingId: ZId.optional(),
  observationId: ZId.optional(),
  orgId: ZId.optional(),
  rectificationItemId: ZId.optional(),
  /** file_report: which report, and which half-year / quarter after the feedback (report_back: 1). */
  reportKind: ZReportKind.optional(),
  periodNo: z.number().int().min(1).optional(),
});
export type TTask = z.infer<typeof ZTask>;

export const ZTaskList = z.object({
  today: ZCalendarDate,
  tasks: z.array(ZTask),
  /**
   * D9: the WeChat template id of each reminder, null where the deployment has none. The phone needs it
   * before the tap (requestSubscribeMessage only works inside the tap), so it comes with the list.
   */
  reminderTemplates: z.record(ZTemplateKey, z.string().nullable()),
});
export type TTaskList = z.infer<typeof ZTaskList>;

/** POST /api/reminders/subscribe: unused one-time consents left per template (D9). */
export const ZConsentsResponse = z.object({ consents: z.partialRecord(ZTemplateKey, z.number().int()) });
export type TConsentsResponse = z.infer<typeof ZConsentsResponse>;
