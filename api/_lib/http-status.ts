import type { ErrorCode } from '@tingkan/shared';

// Every expected failure code maps to exactly one HTTP status (STYLE 4). Unlisted codes are 400.
export const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHENTICATED: 401,
  TOKEN_INVALID: 401,
  TOKEN_EXPIRED: 401,
  FORBIDDEN: 403,
  DEV_LOGIN_DISABLED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export function statusFor(code: ErrorCode): number {
  return STATUS_BY_CODE[code] ?? 400;
}
