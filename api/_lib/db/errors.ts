import { DomainError } from '@tingkan/shared';

// Postgres SQLSTATEs that are the user's doing, not ours: mapped to codes so they never surface as a 500.
const CODE_BY_SQLSTATE: Record<string, ConstructorParameters<typeof DomainError>[0]> = {
  '42501': 'FORBIDDEN', // insufficient privilege / row-level security refused the row
  '23505': 'CONFLICT', // unique violation
  '40001': 'CONFLICT', // serialization failure
  '40P01': 'CONFLICT', // deadlock
  '23503': 'VALIDATION_FAILED', // foreign key: a referenced row does not exist
  '23514': 'VALIDATION_FAILED', // check constraint
  '23502': 'VALIDATION_FAILED', // not null
  '22P02': 'VALIDATION_FAILED', // invalid text representation (e.g. a bad uuid)
  '22001': 'VALIDATION_FAILED', // string too long
  '22007': 'VALIDATION_FAILED', // invalid datetime
  '22008': 'VALIDATION_FAILED', // datetime out of range
};

export function sqlState(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** A database refusal as a DomainError, or undefined when it is a real fault. */
export function domainErrorFromDb(e: unknown): DomainError | undefined {
  const state = sqlState(e);
  const code = state ? CODE_BY_SQLSTATE[state] : undefined;
  return code ? new DomainError(code) : undefined;
}
