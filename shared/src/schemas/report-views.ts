// FB-3 / FB-4: what /api/reports answers; the phone validates every answer with these (D9: dates as YYYY-MM-DD).
import * as z from 'zod';
import { ZId, ZInstant } from './common';
import { ZCalendarDate } from './period';
import { ZDeadlineState } from './deadlines';
import { ZReportKind } from './feedback';

/** One filed report: the invited member's report-back (FB-3) or a period's progress / commitment report (FB-4). */
export const ZReportView = z.object({
  id: ZId,
  observationId: ZId,
  kind: ZReportKind,
  /** Which half-year / quarter after the feedback; report_back is always 1. */
  periodNo: z.number().int().min(1),
  /** The branch that heard the report: the invitee's own (FB-3), the observed one (FB-4). */
  orgId: ZId,
  orgName: z.string(),
  dueDate: ZCalendarDate,
  heldOn: ZCalendarDate,
  late: z.boolean(),
  summary: z.string(),
  reportedBy: ZId,
  reportedByName: z.string(),
  createdAt: ZInstant,
});
export type TReportView = z.infer<typeof ZReportView>;

/** GET /api/reports?observationId=: the reports filed, and the first due date of each kind (CALC-3). */
export const ZReportsResponse = z.object({
  observationId: ZId,
  reports: z.array(ZReportView),
  due: z.array(z.object({ kind: ZReportKind, dueDate: ZCalendarDate, state: ZDeadlineState })),
});
export type TReportsResponse = z.infer<typeof ZReportsResponse>;

/** POST /api/reports (201). */
export const ZReportFiled = z.object({ report: ZReportView });
export type TReportFiled = z.infer<typeof ZReportFiled>;
