import * as z from 'zod';
import { ZId } from './common';

export const SAMPLING_ALGORITHM = 'strat-v1';

export const ZSampleInput = z.object({
  branches: z.array(z.object({ id: ZId, departmentId: ZId, observedLastYear: z.boolean().default(false) }).strict()),
  /** Free text recorded with the draw, e.g. "2026-旁听-办公会-0312" or a public lottery number. */
  seed: z.string().trim().min(1).max(200),
  /** OBS-3: defaults to the policy's sampling rate (35%). */
  rate: z.number().gt(0).max(1).optional(),
}).strict();
export type TSampleInput = z.input<typeof ZSampleInput>;

export const ZSampleResult = z.object({
  branchIds: z.array(ZId),
  seed: z.string(),
  algorithm: z.literal(SAMPLING_ALGORITHM),
  rate: z.number(),
  population: z.number().int().min(0),
  target: z.number().int().min(0),
  perDepartment: z.array(z.object({ departmentId: ZId, population: z.number().int(), drawn: z.number().int(), branchIds: z.array(ZId) })),
  /** Fingerprint of the (sorted) input, so a re-run can show it used the same branches. */
  inputFingerprint: z.string(),
});
export type TSampleResult = z.infer<typeof ZSampleResult>;
