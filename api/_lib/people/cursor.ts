// Keyset pagination (issue 5: lists stay fast at 300,000 people): the cursor is the last row's sort key.
import { DomainError } from '@tingkan/shared';

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The previous page's last key, or undefined on the first page; a tampered cursor is a field error. */
export function decodeCursor(cursor: string | undefined, arity: number): string[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((k) => typeof k === 'string' || typeof k === 'number')) {
      return key.map(String);
    }
  } catch {
    // fall through
  }
  throw new DomainError('VALIDATION_FAILED', undefined, [{ path: 'cursor', message: '分页游标无效，请从第一页重新加载' }]);
}

/** Fetch limit + 1 rows; the extra one says whether there is a next page. */
export function page<R, T>(rows: R[], limit: number, map: (row: R) => T, key: (row: R) => (string | number)[]): { items: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown[shown.length - 1];
  return { items: shown.map(map), nextCursor: more && last ? encodeCursor(key(last)) : null };
}
