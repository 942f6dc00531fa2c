import * as z from 'zod';
import { ZDate } from './common';

/** The message of every date-range refinement; rules map it to PERIOD_INVALID. */
export const PERIOD_REVERSED = '结束日期早于开始日期';

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** YYYY-MM-DD that names a real day (2024-02-29 yes, 2026-02-29 no). */
export function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
  return d <= days;
}

export const ZCalendarDate = ZDate.refine(isRealDate, { message: '不是有效的日期' });
export type TCalendarDate = z.infer<typeof ZCalendarDate>;

/** A closed range of Shanghai calendar dates; end before start is refused (PERIOD_INVALID). */
export const ZPeriod = z.object({ start: ZCalendarDate, end: ZCalendarDate }).strict()
  .refine((p) => p.end >= p.start, { message: PERIOD_REVERSED, path: ['end'] });
export type TPeriod = z.infer<typeof ZPeriod>;

export const ZPeriodUnit = z.enum(['month', 'quarter', 'year']);
export type TPeriodUnit = z.infer<typeof ZPeriodUnit>;
