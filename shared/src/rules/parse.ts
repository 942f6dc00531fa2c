// Every rule parses its input first (issue 3, "Bad input"). One helper picks the most telling
// error code, so a caller can tell an unknown meeting kind or a reversed period from other typos.
import type * as z from 'zod';
import { DomainError, type ErrorCode } from '../errors';
import { zodFields } from '../zod-errors';
import { PERIOD_REVERSED } from '../schemas/period';

export function parseRuleInput<S extends z.ZodType>(schema: S, input: unknown, fallback: ErrorCode = 'VALIDATION_FAILED'): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const last = (i: (typeof issues)[number]) => i.path[i.path.length - 1];
  let code: ErrorCode = fallback;
  if (issues.some((i) => i.code === 'invalid_value' && last(i) === 'kind')) code = 'UNKNOWN_MEETING_KIND';
  else if (issues.some((i) => i.code === 'custom' && i.message === PERIOD_REVERSED)) code = 'PERIOD_INVALID';
  throw new DomainError(code, undefined, zodFields(result.error));
}
