// FB-6: China's working days (weekends and statutory holidays off, 调休 make-up days on), in
// Asia/Shanghai. The holiday data comes from chinese-days, which ships the State Council notices;
// we never hand-type a holiday table. Two traps (TOOLCHAIN.md): chinese-days silently falls back
// to plain weekday rules for years it has no data for, so we refuse those dates; and it reads a
// Date in the process time zone, so we only ever hand it YYYY-MM-DD strings.
import chineseDays from 'chinese-days';
import * as z from 'zod';
import { DomainError } from './errors';
import { onDate } from './time';
import { parseOrThrow } from './zod-errors';
import { PERIOD_REVERSED, ZCalendarDate } from './schemas/period';

/** A year is covered when its National Day (1 October, a holiday every year) is in the data. */
function yearHasData(year: number): boolean {
  return chineseDays.getDayDetail(`${year}-10-01`).name.includes('国庆');
}

let cachedRange: { firstYear: number; lastYear: number } | undefined;

/** The years the holiday data covers (2004-2026 with chinese-days 1.5.7); found by probing, so an upgrade widens it. */
export function calendarRange(): { firstYear: number; lastYear: number } {
  if (cachedRange) return cachedRange;
  let firstYear = 0;
  let lastYear = 0;
  for (let y = 1990; y <= 2100; y += 1) {
    if (!yearHasData(y)) continue;
    if (firstYear === 0) firstYear = y;
    lastYear = y;
  }
  cachedRange = { firstYear, lastYear };
  return cachedRange;
}

function assertCovered(date: string): void {
  const { firstYear, lastYear } = calendarRange();
  const year = Number(date.slice(0, 4));
  if (year < firstYear || year > lastYear) {
    throw new DomainError('CALENDAR_OUT_OF_RANGE', `节假日数据只覆盖 ${firstYear}-${lastYear} 年，无法计算 ${date} 前后的工作日`);
  }
}

function nextDay(date: string, step: 1 | -1): string {
  return onDate(date).add(step, 'day').format('YYYY-MM-DD');
}

const ZDateInput = z.object({ date: ZCalendarDate });

/** FB-6: is this Shanghai calendar date a working day (make-up weekend days count)? */
export function isWorkingDay(date: string): boolean {
  const { date: d } = parseOrThrow(ZDateInput, { date });
  assertCovered(d);
  return chineseDays.isWorkday(d);
}

/** FB-6: the statutory holiday name of a date (e.g. 国庆节), or null on ordinary days. */
export function holidayName(date: string): string | null {
  const { date: d } = parseOrThrow(ZDateInput, { date });
  assertCovered(d);
  const detail = chineseDays.getDayDetail(d);
  // Holiday and make-up entries read "English,中文,days"; ordinary days carry the weekday name only.
  const zh = detail.name.split(',')[1];
  return zh !== undefined && !detail.work ? zh : null;
}

const ZAddInput = z.object({ date: ZCalendarDate, days: z.number().int().min(-366).max(366) });

/**
 * FB-6: the nth working day after `date` (n > 0) or before it (n < 0); the start day itself never
 * counts. n = 0 gives `date` if it is a working day, else the next one.
 * addWorkingDays('2026-09-30', 3) = '2026-10-10' (10-08, 10-09, then the 调休 Saturday).
 */
export function addWorkingDays(date: string, days: number): string {
  const input = parseOrThrow(ZAddInput, { date, days });
  let d = input.date;
  assertCovered(d);
  if (input.days === 0) {
    while (!chineseDays.isWorkday(d)) { d = nextDay(d, 1); assertCovered(d); }
    return d;
  }
  const step = input.days > 0 ? 1 : -1;
  let left = Math.abs(input.days);
  while (left > 0) {
    d = nextDay(d, step);
    assertCovered(d);
    if (chineseDays.isWorkday(d)) left -= 1;
  }
  return d;
}

const ZRangeInput = z.object({ from: ZCalendarDate, to: ZCalendarDate })
  .refine((r) => r.to >= r.from, { message: PERIOD_REVERSED, path: ['to'] });

/** FB-6: working days in the closed range [from, to], make-up days included. */
export function workingDaysBetween(from: string, to: string): string[] {
  const r = parseOrThrow(ZRangeInput, { from, to }, 'PERIOD_INVALID');
  assertCovered(r.from);
  assertCovered(r.to);
  const out: string[] = [];
  for (let d = r.from; d <= r.to; d = nextDay(d, 1)) if (chineseDays.isWorkday(d)) out.push(d);
  return out;
}
