import * as z from 'zod';
import { ZId, ZInstant, ZMeetingKind, ZObservationMode } from './common';
import { ZCalendarDate } from './period';

/** OBS-1 (000 annex 1, 备案表): one planned meeting a branch offers for observation. */
export const ZObservationCandidate = z.object({
  branchId: ZId,
  kind: ZMeetingKind,
  topic: z.string().trim().min(1),
  startsAt: ZInstant,
  place: z.string().trim().min(1),
  contactName: z.string().trim().min(1),
  contactPhone: z.string().regex(/^[0-9+\- ]{7,20}$/, '联系电话格式不正确'),
  mode: z.enum(['xunting', 'pangting']),
}).strict();
export type TObservationCandidate = z.infer<typeof ZObservationCandidate>;

/** OBS-2 / OBS-4: the tree as coverage needs it, and the observations held in a year. */
export const ZCoverageInput = z.object({
  year: z.number().int().min(2000).max(2100),
  departments: z.array(z.object({ id: ZId, branchIds: z.array(ZId) }).strict()),
  observations: z.array(z.object({ branchId: ZId, mode: ZObservationMode, date: ZCalendarDate }).strict()),
}).strict();

/** OBS-7: 两听两看 plus the facts. */
export const ZObservationNotes = z.object({
  topic_content: z.string().trim().min(1),
  speech_quality: z.string().trim().min(1),
  conduct: z.string().trim().min(1),
  satisfaction: z.string().trim().min(1),
  facts: z.object({
    topic: z.string().trim().min(1),
    attendees: z.string().trim().min(1),
    format: z.string().trim().min(1),
    discussion: z.string().trim().min(1),
  }).strict(),
}).strict();
export type TObservationNotes = z.infer<typeof ZObservationNotes>;
