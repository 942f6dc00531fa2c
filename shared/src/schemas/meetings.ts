// Meetings of organisational life (MTG-*), their records (MTG-9, MTG-11) and the observed branch's plan (OBS-5).
// Requests are .strict(): an unknown field is refused, never ignored. Instants go both ways with +08:00 (D9).
import * as z from 'zod';
import { ZId, ZInstant, ZMeetingKind, ZObservationMode } from './common';
import { ZCalendarDate } from './period';
import { ZRubricId } from './scoring';

const text = (max: number) => z.string().trim().min(1).max(max);
const END_BEFORE_START = '结束时间应晚于开始时间';

/** Anti-proxy (D6): where check-ins must come from. */
export const ZMeetingLocation = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  radiusM: z.number().int().min(10).max(5000),
}).strict();
export type TMeetingLocation = z.infer<typeof ZMeetingLocation>;

const meetingFields = {
  kind: ZMeetingKind,
  topic: text(200),
  startsAt: ZInstant,
  endsAt: ZInstant,
  place: text(200),
  hostPersonId: ZId.nullable().optional(),
  agenda: z.array(text(200)).max(50),
  /** MTG-9: only a 党课 has a lecturer. */
  lecturer: text(50).nullable().optional(),
  location: ZMeetingLocation.nullable().optional(),
};

const endsAfterStart = (m: { startsAt?: string; endsAt?: string }) =>
  m.startsAt === undefined || m.endsAt === undefined || Date.parse(m.endsAt) > Date.parse(m.startsAt);
const lecturerOnlyForLecture = (m: { kind?: string; lecturer?: string | null }) =>
  m.kind === undefined || m.kind === 'party_lecture' || m.lecturer == null;

export const ZCreateMeetingRequest = z.object({ orgId: ZId, ...meetingFields, agenda: meetingFields.agenda.default([]) }).strict()
  .refine(endsAfterStart, { message: END_BEFORE_START, path: ['endsAt'] })
  .refine(lecturerOnlyForLecture, { message: '只有党课需要填写主讲人', path: ['lecturer'] });
export type TCreateMeetingRequest = z.input<typeof ZCreateMeetingRequest>;

/** Edit while planned: any subset of the fields; the merged meeting is checked again by the API. */
export const ZUpdateMeetingRequest = z.object(meetingFields).partial().strict()
  .refine((m) => Object.keys(m).length > 0, { message: '没有要修改的内容' })
  .refine(endsAfterStart, { message: END_BEFORE_START, path: ['endsAt'] })
  .refine(lecturerOnlyForLecture, { message: '只有党课需要填写主讲人', path: ['lecturer'] });
export type TUpdateMeetingRequest = z.input<typeof ZUpdateMeetingRequest>;

export const ZCancelMeetingRequest = z.object({ reason: text(500) }).strict();
export type TCancelMeetingRequest = z.infer<typeof ZCancelMeetingRequest>;

/** MTG-11 / MTG-9: what the host records after the meeting; present and absent come from attendance. */
export const ZMeetingRecordRequest = z.object({
  decisions: z.array(text(1000).regex(/^[^\r\n]*$/, '每条决议写在一行内')).max(50).default([]),
  /** MTG-9: required for a 党课 (may repeat the lecturer given when it was planned). */
  lecturer: text(50).optional(),
}).strict();
export type TMeetingRecordRequest = z.input<typeof ZMeetingRecordRequest>;

export const ZMeetingListQuery = z.object({
  orgId: ZId.optional(),
  /** Shanghai calendar dates, inclusive. */
  from: ZCalendarDate.optional(),
  to: ZCalendarDate.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
}).strict().refine((q) => !q.from || !q.to || q.to >= q.from, { message: '结束日期早于开始日期', path: ['to'] });

export const ZMeetingStatus = z.enum(['planned', 'held', 'cancelled']);
export type TMeetingStatus = z.infer<typeof ZMeetingStatus>;

export const ZMeeting = z.object({
  id: ZId,
  orgId: ZId,
  orgName: z.string(),
  kind: ZMeetingKind,
  topic: z.string(),
  startsAt: ZInstant,
  endsAt: ZInstant,
  place: z.string(),
  hostPersonId: ZId.nullable(),
  hostName: z.string().nullable(),
  agenda: z.array(z.string()),
  status: ZMeetingStatus,
  cancelReason: z.string().nullable(),
  lecturer: z.string().nullable(),
  decisions: z.array(z.string()),
  location: ZMeetingLocation.nullable(),
  createdAt: ZInstant,
  updatedAt: ZInstant,
});
export type TMeeting = z.infer<typeof ZMeeting>;

export const ZMeetingList = z.object({ items: z.array(ZMeeting), nextOffset: z.number().int().nullable() });
export type TMeetingList = z.infer<typeof ZMeetingList>;

export const ZObservationStatus = z.enum(['scheduled', 'held', 'feedback_sent', 'closed', 'cancelled']);

/** What a meeting page shows of its observation, if it has one. */
export const ZObservationSummary = z.object({
  id: ZId,
  mode: ZObservationMode,
  status: ZObservationStatus,
  planSubmittedAt: ZInstant.nullable(),
});

export const ZMeetingDetail = z.object({ meeting: ZMeeting, observation: ZObservationSummary.nullable() });
export type TMeetingDetail = z.infer<typeof ZMeetingDetail>;

/** MTG-11 / MTG-9: the record as stored and derived. */
export const ZMeetingRecordResponse = z.object({
  meeting: ZMeeting,
  record: z.object({
    expected: z.number().int(),
    present: z.number().int(),
    absent: z.number().int(),
    absences: z.array(z.object({ personId: ZId, name: z.string(), reason: z.string().nullable() })),
    complete: z.boolean(),
    decisions: z.array(z.string()),
    lecturer: z.string().nullable(),
  }),
});
export type TMeetingRecordResponse = z.infer<typeof ZMeetingRecordResponse>;

/** OBS-5: the observed branch's plan: agenda, content, host, time, place. */
export const ZObservationPlan = z.object({
  agenda: z.array(text(200)).min(1).max(50),
  content: text(5000),
  host: text(50),
  time: ZInstant,
  place: text(200),
}).strict();
export type TObservationPlan = z.infer<typeof ZObservationPlan>;

export const ZObservationPlanResponse = z.object({
  observationId: ZId,
  plan: ZObservationPlan,
  planSubmittedAt: ZInstant,
  /** OBS-5: late is accepted but flagged; dueDate is null where the mode has no plan deadline. */
  late: z.boolean(),
  dueDate: ZCalendarDate.nullable(),
});
export type TObservationPlanResponse = z.infer<typeof ZObservationPlanResponse>;

export const ZObservationDetail = z.object({
  id: ZId,
  mode: ZObservationMode,
  rubric: ZRubricId,
  status: ZObservationStatus,
  meeting: ZMeeting,
  group: z.array(z.object({ personId: ZId, name: z.string(), isLeader: z.boolean(), checkedInAt: ZInstant.nullable() })),
  plan: ZObservationPlan.nullable(),
  planSubmittedAt: ZInstant.nullable(),
  planDueDate: ZCalendarDate.nullable(),
  planLate: z.boolean(),
  feedbackSentAt: ZInstant.nullable(),
});
export type TObservationDetail = z.infer<typeof ZObservationDetail>;

/** D2: evidence attached to a meeting (photo, scanned sign-in sheet, document). */
export const ZEvidenceKind = z.enum(['photo', 'signin_sheet', 'document']);
export const ZEvidenceContentType = z.enum(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']);
export const ZEvidenceUploadRequest = z.object({
  kind: ZEvidenceKind,
  contentType: ZEvidenceContentType,
  sizeBytes: z.number().int().min(1).max(20 * 1024 * 1024),
  fileName: text(100),
}).strict();
export type TEvidenceUploadRequest = z.infer<typeof ZEvidenceUploadRequest>;

export const ZEvidenceUploadResponse = z.object({
  evidence: z.object({
    id: ZId, meetingId: ZId, kind: ZEvidenceKind, contentType: ZEvidenceContentType, sizeBytes: z.number().int(),
    storagePath: z.string(), createdAt: ZInstant,
  }),
  /** Send the bytes with this method and these headers to this URL (absolute for Supabase, API-relative locally). */
  upload: z.object({
    backend: z.enum(['supabase', 'local']),
    method: z.literal('PUT'),
    url: z.string(),
    headers: z.record(z.string(), z.string()),
    expiresAt: ZInstant,
  }),
});
export type TEvidenceUploadResponse = z.infer<typeof ZEvidenceUploadResponse>;
