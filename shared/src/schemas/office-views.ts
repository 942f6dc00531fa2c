// What the office endpoints answer (the office workbench parses every answer with these; STYLE 3):
// filings (MTG-10, OBS-1), the draw (OBS-3, CALC-1), observations and groups (OBS-2..5, CALC-2),
// the deadlines board (CALC-3), compliance (CALC-4, ATT-1), results (SCORE-4) and the policy (D4).
// tests/api/office-views.test.ts parses the real endpoints' answers with them, so they cannot drift.
import * as z from 'zod';
import { ZId, ZInstant, ZMeetingKind, ZObservationMode } from './common';
import { ZCalendarDate, ZPeriod, ZPeriodUnit } from './period';
import { ZSampleResult } from './sampling';
import { ZDeadline, ZDeadlineState } from './deadlines';
import { ZAbsenceFlag } from './compliance';
import { ZBand, ZRubricId } from './scoring';
import { ZObservationStatus } from './meetings';
import { ZPolicyVersion } from './office';
import { ZPolicy } from '../policy';
import type { TGroupView, TSampleDraw } from './office-reports';

const ZPaged = { total: z.number().int().min(0), limit: z.number().int(), offset: z.number().int() };

// ── MTG-10 / OBS-1: GET /api/plans ───────────────────────────────────────────
export const ZFilingRow = z.object({
  orgId: ZId,
  name: z.string(),
  departmentId: ZId,
  departmentName: z.string(),
  planFiledAt: ZInstant.nullable(),
  candidateCount: z.number().int().min(0),
  missingPlan: z.boolean(),
  missingCandidate: z.boolean(),
});
export type TFilingRow = z.infer<typeof ZFilingRow>;
export const ZPlansReport = z.object({
  year: z.number().int(),
  ...ZPaged,
  missingPlan: z.number().int().min(0),
  missingCandidate: z.number().int().min(0),
  branches: z.array(ZFilingRow),
});
export type TPlansReport = z.infer<typeof ZPlansReport>;

// ── OBS-3 / CALC-1: /api/samples, /api/samples/:id/verify ────────────────────
export const ZSampleDraw: z.ZodType<TSampleDraw> = z.object({
  id: ZId,
  scopeOrgId: ZId,
  year: z.number().int(),
  seed: z.string(),
  algorithm: z.string(),
  rate: z.number(),
  branchIds: z.array(ZId),
  branches: z.array(z.object({ id: ZId, name: z.string(), departmentId: z.string() })),
  population: z.number().int().min(0),
  target: z.number().int().min(0),
  perDepartment: z.array(z.object({ departmentId: z.string(), population: z.number().int().min(0), drawn: z.number().int().min(0) })),
  inputFingerprint: z.string(),
  drawnBy: ZId.nullable(),
  drawnByName: z.string().nullable(),
  drawnAt: ZInstant,
  supersededBy: ZId.nullable(),
  redrawReason: z.string().nullable(),
});
export const ZSamplesView = z.object({ year: z.number().int(), current: z.array(ZSampleDraw), history: z.array(ZSampleDraw) });
export type TSamplesView = z.infer<typeof ZSamplesView>;
/** POST /api/samples: the stored draw and how it was drawn (population, target, per department). */
export const ZDrawReply = z.object({
  draw: ZSampleDraw,
  result: ZSampleResult.pick({ population: true, target: true, perDepartment: true, inputFingerprint: true }),
});
export type TDrawReply = z.infer<typeof ZDrawReply>;
export const ZSampleVerification = z.object({
  drawId: ZId,
  matches: z.boolean(),
  seed: z.string(),
  algorithm: z.string(),
  recordedBranchIds: z.array(ZId),
  rerunBranchIds: z.array(ZId),
  inputFingerprint: z.string(),
});
export type TSampleVerification = z.infer<typeof ZSampleVerification>;

// ── OBS-2..5 / CALC-2: GET /api/observations, /api/groups/:observationId ─────
export const ZObservationListItem = z.object({
  id: ZId,
  meetingId: ZId,
  orgId: ZId,
  orgName: z.string(),
  branchId: ZId,
  mode: ZObservationMode,
  rubric: ZRubricId,
  status: ZObservationStatus,
  kind: ZMeetingKind,
  topic: z.string(),
  startsAt: ZInstant,
  planSubmittedAt: ZInstant.nullable(),
  feedbackSentAt: ZInstant.nullable(),
  groupSize: z.number().int().min(0),
  /** The observer group, leader first (OBS-2..5): listed with the observation, so no call per row. */
  group: z.array(z.object({ personId: ZId, name: z.string(), isLeader: z.boolean() })),
});
export type TObservationListItem = z.infer<typeof ZObservationListItem>;
export const ZObservationList = z.object({ ...ZPaged, items: z.array(ZObservationListItem) });
export type TObservationList = z.infer<typeof ZObservationList>;

export const ZGroupView: z.ZodType<TGroupView> = z.object({
  observationId: ZId,
  mode: ZObservationMode,
  observedOrgId: ZId,
  members: z.array(z.object({
    personId: ZId, name: z.string(), unit: z.string().nullable(), isLeader: z.boolean(), load: z.number(), checkedInAt: ZInstant.nullable(),
  })),
});
/** POST /api/groups/:id: the group the rule picked, with its seed and why (OBS-8). */
export const ZAutoAssignReply = z.intersection(ZGroupView, z.object({ seed: z.string(), algorithm: z.string(), reasonZh: z.string() }));
export type TAutoAssignReply = z.infer<typeof ZAutoAssignReply>;

// ── CALC-3: GET /api/deadlines ───────────────────────────────────────────────
export const ZDeadlineBoardItem = ZDeadline.extend({
  observationId: ZId, meetingId: ZId, mode: ZObservationMode, branchId: ZId, branchName: z.string(),
});
export type TDeadlineBoardItem = z.infer<typeof ZDeadlineBoardItem>;
export const ZDeadlineBoard = z.object({
  year: z.number().int(),
  today: ZCalendarDate,
  by: z.enum(['branch', 'observer']),
  states: z.array(ZDeadlineState),
  ...ZPaged,
  /** One group per branch or per observer, with its count per state. */
  groups: z.array(z.object({ id: ZId, name: z.string(), counts: z.partialRecord(ZDeadlineState, z.number().int()), items: z.array(ZDeadlineBoardItem) })),
  untracked: z.array(z.string()),
  /** Observations whose dates fall past the published holiday calendar: their deadlines are not known yet. */
  beyondCalendar: z.array(ZId),
});
export type TDeadlineBoard = z.infer<typeof ZDeadlineBoard>;

// ── CALC-4: GET /api/compliance ──────────────────────────────────────────────
export const ZComplianceWindowView = z.object({
  start: ZCalendarDate,
  end: ZCalendarDate,
  /** 'exempt': a missing window the office exempted (with the exemption's id). */
  state: z.enum(['met', 'missing', 'pending', 'exempt']),
  meetingIds: z.array(ZId),
  scheduledDate: ZCalendarDate.nullable().optional(),
  onSchedule: z.boolean().optional(),
  exemptionId: ZId.optional(),
});
export type TComplianceWindowView = z.infer<typeof ZComplianceWindowView>;
export const ZComplianceBranch = z.object({
  orgId: ZId,
  name: z.string(),
  departmentId: ZId,
  departmentName: z.string(),
  hasCommittee: z.boolean(),
  items: z.array(z.object({
    ruleId: z.string(), kind: ZMeetingKind, labelZh: z.string(), unit: ZPeriodUnit, groupId: ZId.optional(),
    windows: z.array(ZComplianceWindowView), ok: z.boolean(),
  })),
  missing: z.array(z.object({ ruleId: z.string(), kind: ZMeetingKind, groupId: ZId.optional(), start: ZCalendarDate, end: ZCalendarDate })),
  ok: z.boolean(),
  exemptions: z.array(z.object({ id: ZId, orgId: ZId, periodStart: ZCalendarDate, periodEnd: ZCalendarDate, meetingKind: ZMeetingKind, reason: z.string() })),
  /** ATT-1: members with no attendance and no valid leave in the window. */
  absence: z.object({ windowStart: ZCalendarDate.nullable(), checked: z.number().int(), flagged: z.array(ZAbsenceFlag.extend({ name: z.string() })) }),
  observed: z.object({ xunting: z.boolean(), pangting: z.boolean(), guancha: z.boolean() }),
});
export type TComplianceBranch = z.infer<typeof ZComplianceBranch>;
export const ZComplianceReport = z.object({
  period: ZPeriod,
  asOf: ZCalendarDate,
  ...ZPaged,
  coverage: z.object({ departmentsWithoutXunting: z.array(ZId), branchesNeverObserved: z.array(ZId), ok: z.boolean() }),
  branches: z.array(ZComplianceBranch),
});
export type TComplianceReport = z.infer<typeof ZComplianceReport>;

// ── SCORE-4: GET /api/results ────────────────────────────────────────────────
export const ZResultGroup = z.object({
  id: ZId,
  name: z.string(),
  rubric: ZRubricId,
  observations: z.number().int(),
  meanTotal: z.number(),
  minTotal: z.number(),
  maxTotal: z.number(),
  maxPossible: z.number(),
  criteria: z.array(z.object({
    key: z.string(), labelZh: z.string(), sheets: z.number().int(),
    mean: z.number().nullable(), min: z.number().nullable(), max: z.number().nullable(), stddev: z.number().nullable(), band: ZBand.nullable(),
  })),
  /** How many (observation, criterion) group means fall in each band. */
  distribution: z.record(ZBand, z.number().int()),
});
export type TResultGroup = z.infer<typeof ZResultGroup>;
export const ZResultsReport = z.object({ year: z.number().int(), by: z.enum(['branch', 'department']), groups: z.array(ZResultGroup) });
export type TResultsReport = z.infer<typeof ZResultsReport>;

// ── D9: GET /api/exports/[kind] of a file too large to answer inline ────────
/** The file went to Storage: a signed, expiring link (relative to the API in local mode) that needs no login. */
export const ZStoredExport = z.object({ url: z.string().min(1), expiresAt: ZInstant, bytes: z.number().int().min(0) });
export type TStoredExport = z.infer<typeof ZStoredExport>;

// ── D4: GET/PUT /api/policy ──────────────────────────────────────────────────
export const ZPolicyView = z.object({ policy: ZPolicy, version: ZPolicyVersion.nullable() });
export type TPolicyView = z.infer<typeof ZPolicyView>;
