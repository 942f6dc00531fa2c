// OBS-7: 两听两看 notes, saved as drafts many times; the facts of the meeting alongside.
import * as z from 'zod';
import { ZId, ZInstant } from './common';

const draft = z.string().max(5000).default('');

export const ZNoteFacts = z.object({
  topic: draft,
  attendees: draft,
  format: draft,
  discussion: draft,
}).strict();
export type TNoteFacts = z.infer<typeof ZNoteFacts>;

/** A draft replaces the whole note. `revision` is the one last read: a stale one is a CONFLICT. */
export const ZSaveNotesRequest = z.object({
  topicContent: draft,
  speechQuality: draft,
  conduct: draft,
  satisfaction: draft,
  facts: ZNoteFacts.default({ topic: '', attendees: '', format: '', discussion: '' }),
  revision: z.number().int().min(1).optional(),
}).strict();
export type TSaveNotesRequest = z.input<typeof ZSaveNotesRequest>;

export const ZNote = z.object({
  authorId: ZId,
  authorName: z.string(),
  topicContent: z.string(),
  speechQuality: z.string(),
  conduct: z.string(),
  satisfaction: z.string(),
  facts: z.object({ topic: z.string(), attendees: z.string(), format: z.string(), discussion: z.string() }),
  revision: z.number().int().min(1),
  updatedAt: ZInstant,
});
export type TNote = z.infer<typeof ZNote>;

export const ZNotesResponse = z.object({ observationId: ZId, notes: z.array(ZNote) });
export type TNotesResponse = z.infer<typeof ZNotesResponse>;
