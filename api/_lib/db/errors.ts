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

// The database went away (restart, failover, pooler recycle): the request did not commit, or its
// outcome is unknown; either way a retry is the answer, so 503 SERVICE_UNAVAILABLE, not a 500.
// 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections, class 08 connection_exception.
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
const UNAVAILABLE_NODE_CODE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// node-postgres reports a lost socket by message only.
const UNAVAILABLE_MESSAGE = /Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect/i;

export function isConnectionLoss(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { code, message, errors } = e as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_NODE_CODE.has(code))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
  // node's happy-eyeballs connect throws an AggregateError of the per-address failures.
  return Array.isArray(errors) && errors.length > 0 && errors.every(isConnectionLoss);
}

/** A database refusal as a DomainError, or undefined when it is a real fault. */
export function domainErrorFromDb(e: unknown): DomainError | undefined {
  if (isConnectionLoss(e)) return new DomainError('SERVICE_UNAVAILABLE');
  const state = sqlState(e);
  const code = state ? CODE_BY_SQLSTATE[state] : undefined;
  return code ? new DomainError(code) : undefined;
}
