// The shared zod schemas, taken from their own compiled modules in @tingkan/shared/dist rather than
// the package index: the index also carries the rules, dayjs and the holiday data of chinese-days
// (ESM-only, and large), none of which the phone needs. If @tingkan/shared gains a phone-safe
// entry (e.g. "@tingkan/shared/schemas"), this file is the one place to switch.
export * from '@tingkan/shared/src/schemas/common';
export * from '@tingkan/shared/src/schemas/auth';
export * from '@tingkan/shared/src/schemas/quorum';
export * from '@tingkan/shared/src/schemas/checkins';
export * from '@tingkan/shared/src/schemas/meetings';
export * from '@tingkan/shared/src/schemas/notes';
export * from '@tingkan/shared/src/schemas/scoring';
export * from '@tingkan/shared/src/schemas/sheets';
export * from '@tingkan/shared/src/schemas/tasks';
export * from '@tingkan/shared/src/schemas/motions';
export type { TTemplateKey } from '@tingkan/shared/src/schemas/feedback';
// SCORE-1/2: the rubrics are data (no rules code), so the phone reads them as they are.
export { RUBRICS } from '@tingkan/shared/src/rules/rubrics';
export { bandOf } from '@tingkan/shared/src/rules/scoring';
