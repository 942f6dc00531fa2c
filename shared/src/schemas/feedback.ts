// Requests of feedback and rectification (FB-1..4), reminders (D9), the year-end summary (FB-5) and exports.
import * as z from 'zod';
import { ZId } from './common';
import { ZCalendarDate } from './period';

const text = (max: number) => z.string().trim().min(1).max(max);
const ZTags = z.array(z.string().trim().min(1).max(30)).max(20).default([]);

// ── FB-1 ─────────────────────────────────────────────────────────────────────
export const ZSendFeedbackRequest = z.object({
  /** The group's written evaluation (评议意见 / 观察评价). */
  evaluation: text(10000),
  strengths: text(5000).optional(),
  shortcomings: text(5000).optional(),
  suggestions: text(5000).optional(),
  /** FB-5: short tags for the year-end summary. */
  strengthTags: ZTags,
  problemTags: ZTags,
}).strict();
export type TSendFeedbackRequest = z.infer<typeof ZSendFeedbackRequest>;

// ── FB-2 ─────────────────────────────────────────────────────────────────────
export const ZRectificationStatus = z.enum(['open', 'submitted', 'closed', 'returned']);
export type TRectificationStatus = z.infer<typeof ZRectificationStatus>;
export const ZRectificationAction = z.enum(['submit', 'close', 'return']);
export type TRectificationAction = z.infer<typeof ZRectificationAction>;

export const ZRectificationItemInput = z.object({
  title: text(200),
  ownerPersonId: ZId,
  dueDate: ZCalendarDate,
}).strict();

/** The committee meeting on the feedback, with the items it decided (one transaction). */
export const ZRecordRectificationRequest = z.object({
  observationId: ZId,
  discussion: z.object({ heldOn: ZCalendarDate, summary: text(5000) }).strict(),
  items: z.array(ZRectificationItemInput).max(50).default([]),
}).strict();
export type TRecordRectificationRequest = z.infer<typeof ZRecordRectificationRequest>;

export const ZSubmitEvidenceRequest = z.object({
  evidenceText: text(5000).optional(),
  evidenceIds: z.array(ZId).max(20).default([]),
}).strict().refine((b) => b.evidenceText !== undefined || b.evidenceIds.length > 0, {
  message: '请填写整改情况说明或附上佐证材料', path: ['evidenceText'],
});
export type TSubmitEvidenceRequest = z.infer<typeof ZSubmitEvidenceRequest>;

export const ZVerifyRequest = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('close') }).strict(),
  z.object({ decision: z.literal('return'), reason: z.string({ error: '退回须说明理由' }).trim().min(1, '退回须说明理由').max(500) }).strict(),
]);
export type TVerifyRequest = z.infer<typeof ZVerifyRequest>;

// ── FB-3, FB-4 ───────────────────────────────────────────────────────────────
export const ZReportKind = z.enum(['report_back', 'progress_report', 'commitment_report']);
export type TReportKind = z.infer<typeof ZReportKind>;
export const ZFileReportRequest = z.object({
  observationId: ZId,
  kind: ZReportKind,
  /** FB-4: which half-year / quarter after the feedback; report_back is always 1. */
  periodNo: z.number().int().min(1).max(40).default(1),
  heldOn: ZCalendarDate,
  summary: text(5000),
}).strict();
export type TFileReportRequest = z.infer<typeof ZFileReportRequest>;

// ── reminders (D9) ───────────────────────────────────────────────────────────
export const ZTemplateKey = z.enum(['deadline', 'rectification']);
export type TTemplateKey = z.infer<typeof ZTemplateKey>;
export const ZSubscribeRequest = z.object({ templateKeys: z.array(ZTemplateKey).min(1).max(5) }).strict();
export const ZReminderStatus = z.enum(['sending', 'sent', 'no_consent', 'failed']);

// ── FB-5 ─────────────────────────────────────────────────────────────────────
export const ZSummaryText = z.object({
  goodPractice: z.string().trim().max(20000),
  commonProblems: z.string().trim().max(20000),
  advice: z.string().trim().max(20000),
}).strict();
export type TSummaryText = z.infer<typeof ZSummaryText>;

// ── exports ──────────────────────────────────────────────────────────────────
export const ZExportKind = z.enum(['beian', 'renyuanku', 'pingyi', 'guancha', 'report']);
export type TExportKind = z.infer<typeof ZExportKind>;
