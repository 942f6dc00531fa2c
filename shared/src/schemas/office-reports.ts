// Requests of the office's yearly work: plans and candidates (MTG-10, OBS-1), the draw (OBS-3, CALC-1),
// observations and groups (OBS-2..5, CALC-2), deadlines (CALC-3), compliance (CALC-4), results (SCORE-4, RATE-*).
import * as z from 'zod';
import { ZId, ZInstant, ZMeetingKind, ZObservationMode } from './common';
import { ZCalendarDate } from './period';
import { ZMemberGradingInput, ZOrgGradingInput, ZSecretaryGradingInput } from './quotas';

/** Query strings arrive as text: "2026" → 2026. */
export const ZYearParam = z.coerce.number().int().min(2000).max(2100);
const ZFlag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

/** Every list pages (a province has 10,000 branches). */
export const ZReportPage = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

// ── MTG-10 / OBS-1 ───────────────────────────────────────────────────────────
export const ZFilePlanRequest = z.object({
  orgId: ZId,
  year: z.number().int().min(2000).max(2100),
  content: z.string().trim().min(1).max(20000),
}).strict();
export type TFilePlanRequest = z.infer<typeof ZFilePlanRequest>;

export const ZPlansQuery = ZReportPage.extend({ year: ZYearParam, missing: ZFlag.default(false), orgId: ZId.optional() }).strict();

/** OBS-1 备案表: kind and topic, planned time and place, contact and phone, 巡听 or 旁听. */
export const ZFileCandidateRequest = z.object({
  orgId: ZId,
  kind: ZMeetingKind,
  topic: z.string().trim().min(1).max(200),
  plannedAt: ZInstant,
  place: z.string().trim().min(1).max(200),
  contactName: z.string().trim().min(1).max(50),
  contactPhone: z.string().trim().regex(/^[0-9+\- ]{7,20}$/, '联系电话格式不正确'),
  mode: z.enum(['xunting', 'pangting']),
}).strict();
export type TFileCandidateRequest = z.infer<typeof ZFileCandidateRequest>;
export const ZCandidatesQuery = ZReportPage.extend({ year: ZYearParam, orgId: ZId.optional() }).strict();

// ── OBS-3 / CALC-1 ───────────────────────────────────────────────────────────
export const ZDrawRequest = z.object({
  year: z.number().int().min(2000).max(2100),
  seed: z.string().trim().min(1).max(200).optional(),
  /** Required to replace the year's current draw; the old one is kept (CALC-1). */
  reason: z.string().trim().min(1).max(500).optional(),
  /** Whose branches: defaults to the caller's widest office scope. */
  scopeOrgId: ZId.optional(),
}).strict();
export type TDrawRequest = z.infer<typeof ZDrawRequest>;
export const ZSamplesQuery = z.object({ year: ZYearParam, scopeOrgId: ZId.optional() }).strict();

export interface TSampleDraw {
  id: string;
  scopeOrgId: string;
  year: number;
  seed: string;
  algorithm: string;
  rate: number;
  branchIds: string[];
  branches: { id: string; name: string; departmentId: string }[];
  /** CALC-1: how many branches it was drawn from, how many were due, and per department (from the stored inputs). */
  population: number;
  target: number;
  perDepartment: { departmentId: string; population: number; drawn: number }[];
  inputFingerprint: string;
  drawnBy: string | null;
  /** Null when the reader may not see the person (RLS). */
  drawnByName: string | null;
  drawnAt: string;
  supersededBy: string | null;
  redrawReason: string | null;
}

// ── OBS-2..5 / CALC-2 ────────────────────────────────────────────────────────
export const ZCreateObservationRequest = z.object({ meetingId: ZId, mode: ZObservationMode }).strict();
export const ZObservationListQuery = ZReportPage.extend({
  year: ZYearParam,
  orgId: ZId.optional(),
  status: z.enum(['scheduled', 'held', 'feedback_sent', 'closed', 'cancelled']).optional(),
}).strict();

export const ZAutoAssignRequest = z.object({
  /** Group size; defaults to the policy minimum for the mode. */
  size: z.number().int().min(1).max(10).optional(),
  seed: z.string().trim().min(1).max(200).optional(),
}).strict();
export const ZManualGroupRequest = z.object({
  members: z.array(z.object({ personId: ZId, isLeader: z.boolean().default(false) }).strict()).min(1).max(10),
}).strict();
export type TManualGroupRequest = z.infer<typeof ZManualGroupRequest>;

export interface TGroupView {
  observationId: string;
  mode: z.infer<typeof ZObservationMode>;
  observedOrgId: string;
  members: { personId: string; name: string; unit: string | null; isLeader: boolean; load: number; checkedInAt: string | null }[];
}

export const ZRoundRobinQuery = z.object({ year: ZYearParam, scopeOrgId: ZId.optional() }).strict();

// ── CALC-3 ───────────────────────────────────────────────────────────────────
const ZStates = z.string().transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.enum(['upcoming', 'due_soon', 'overdue', 'done'])).min(1));
export const ZDeadlinesQuery = ZReportPage.extend({
  year: ZYearParam,
  state: ZStates.default(['due_soon', 'overdue']),
  by: z.enum(['branch', 'observer']).default('branch'),
}).strict();

// ── CALC-4 ───────────────────────────────────────────────────────────────────
export const ZComplianceQuery = ZReportPage.extend({
  year: ZYearParam,
  month: z.coerce.number().int().min(1).max(12).optional(),
  period: z.enum(['month', 'quarter', 'year']).optional(),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
  orgId: ZId.optional(),
}).strict();
export const ZCreateExemptionRequest = z.object({
  orgId: ZId,
  periodStart: ZCalendarDate,
  periodEnd: ZCalendarDate,
  meetingKind: ZMeetingKind,
  reason: z.string().trim().min(1).max(500),
}).strict().refine((e) => e.periodEnd >= e.periodStart, { message: '结束日期早于开始日期', path: ['periodEnd'] });

// ── SCORE-4 / RATE-* ─────────────────────────────────────────────────────────
export const ZResultsQuery = z.object({ year: ZYearParam, by: z.enum(['branch', 'department']).default('branch') }).strict();
export const ZGradingCheckRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), grades: ZMemberGradingInput.shape.members }).strict(),
  z.object({ kind: z.literal('branch'), grades: ZOrgGradingInput.shape.grades }).strict(),
  z.object({ kind: z.literal('secretary'), grades: ZSecretaryGradingInput.shape.grades }).strict(),
]);
