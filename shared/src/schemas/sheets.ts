// SCORE-1..3: what an observer submits and what the group sees. Ranges are checked by the scoring rule
// against the observation's rubric (SHEET_INVALID with the fields), not here.
import * as z from 'zod';
import { ZId, ZInstant } from './common';
import { ZBand, ZGroupResult, ZRubricId } from './scoring';

export const ZSubmitSheetRequest = z.object({
  scores: z.record(z.string().max(32), z.number().int()),
  texts: z.record(z.string().max(32), z.string().max(5000)).default({}),
  /** SCORE-3: required to correct an already submitted sheet. */
  reason: z.string().trim().min(1).max(500).optional(),
}).strict();
export type TSubmitSheetRequest = z.input<typeof ZSubmitSheetRequest>;

export const ZSheet = z.object({
  id: ZId,
  observerId: ZId,
  observerName: z.string(),
  version: z.number().int().min(1),
  rubric: ZRubricId,
  total: z.number(),
  texts: z.record(z.string(), z.string()),
  reason: z.string().nullable(),
  submittedAt: ZInstant,
  criteria: z.array(z.object({ key: z.string(), labelZh: z.string(), score: z.number(), band: ZBand })),
});
export type TSheet = z.infer<typeof ZSheet>;

export const ZSubmitSheetResponse = z.object({ sheet: ZSheet });

export const ZSheetsResponse = z.object({
  observationId: ZId,
  rubric: ZRubricId,
  /** Every version of every observer's sheet, oldest first (SCORE-3: corrections stay visible). */
  observers: z.array(z.object({ personId: ZId, name: z.string(), sheets: z.array(ZSheet) })),
  /** From each observer's latest version, once every assigned observer has submitted. */
  groupResult: ZGroupResult.nullable(),
  missing: z.array(z.string()),
});
export type TSheetsResponse = z.infer<typeof ZSheetsResponse>;
