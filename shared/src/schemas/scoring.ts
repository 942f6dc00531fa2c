import * as z from 'zod';
import { ZId, ZInstant } from './common';

export const ZRubricId = z.enum(['pingyi_5', 'guancha_3']);
export type TRubricId = z.infer<typeof ZRubricId>;
export const ZBand = z.enum(['好', '较好', '一般', '较差']);
export type TBand = z.infer<typeof ZBand>;

/** SCORE-2: a rubric is data: criteria with their range, bands by lower bound, and text fields. */
export const ZRubric = z.object({
  id: ZRubricId,
  nameZh: z.string(),
  criteria: z.array(z.object({ key: z.string(), labelZh: z.string(), min: z.number(), max: z.number() })).min(1),
  /** Highest first; a score belongs to the first band whose lower bound it reaches (boundary → higher band). */
  bands: z.array(z.object({ band: ZBand, min: z.number() })).min(1),
  texts: z.array(z.object({ key: z.string(), labelZh: z.string(), required: z.boolean() })),
});
export type TRubric = z.infer<typeof ZRubric>;

/** SCORE-3: one observer's sheet; a correction is version n+1 with a reason. */
export const ZScoreSheet = z.object({
  rubricId: ZRubricId,
  observerId: ZId,
  version: z.number().int().min(1).default(1),
  scores: z.record(z.string(), z.number()),
  texts: z.record(z.string(), z.string()).default({}),
  /** Required from version 2 on (SCORE-3). */
  reason: z.string().optional(),
  submittedAt: ZInstant.optional(),
}).strict();
export type TScoreSheet = z.infer<typeof ZScoreSheet>;
export type TScoreSheetInput = z.input<typeof ZScoreSheet>;

export const ZSheetResult = z.object({
  rubricId: ZRubricId,
  total: z.number(),
  maxTotal: z.number(),
  criteria: z.array(z.object({ key: z.string(), labelZh: z.string(), score: z.number(), band: ZBand })),
});
export type TSheetResult = z.infer<typeof ZSheetResult>;

export const ZGroupResult = z.object({
  rubricId: ZRubricId,
  observerCount: z.number().int(),
  criteria: z.array(z.object({ key: z.string(), labelZh: z.string(), mean: z.number(), min: z.number(), max: z.number(), stddev: z.number(), band: ZBand })),
  meanTotal: z.number(),
  maxTotal: z.number(),
});
export type TGroupResult = z.infer<typeof ZGroupResult>;
