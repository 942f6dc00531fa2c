// Calendar arithmetic on 'YYYY-MM-DD' strings (no clock, no time zone: dates are Shanghai dates by
// convention) and FB-6 working days from chinese-days, the same data the API uses.
import chineseDays from 'chinese-days';
import type { Rng } from './prng';

const DAY_MS = 86_400_000;

function toUtcMs(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function ymd(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** FB-6: weekends and statutory holidays are off, 调休 make-up days are on. */
export function isWorkingDay(date: string): boolean {
  return chineseDays.isWorkday(date);
}

/** A working day that is also Monday-Friday: demo meetings avoid 调休 make-up weekends. */
export function isMeetingDay(date: string): boolean {
  const w = weekday(date);
  return w >= 1 && w <= 5 && isWorkingDay(date);
}

export function nextMeetingDay(date: string): string {
  let d = date;
  while (!isMeetingDay(d)) d = addDays(d, 1);
  return d;
}

/** Meeting days (Monday-Friday working days) of a month whose day of month is within [fromDay, toDay]. */
export function meetingDays(year: number, month: number, fromDay = 1, toDay = 31): string[] {
  const out: string[] = [];
  const last = Math.min(toDay, daysInMonth(year, month));
  for (let d = fromDay; d <= last; d += 1) {
    const date = ymd(year, month, d);
    if (isMeetingDay(date)) out.push(date);
  }
  return out;
}

/** MTG-5: the first Friday of the month, or the next working day when it falls in a holiday (1 Jan, 1 May, 1 Oct). */
export function themeDayDate(year: number, month: number): string {
  let d = ymd(year, month, 1);
  while (weekday(d) !== 5) d = addDays(d, 1);
  return nextMeetingDay(d);
}

/** A date in [from, to], both included. */
export function randomDate(rng: Rng, from: string, to: string): string {
  const span = Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
  return addDays(from, rng.int(0, span));
}

/** 'YYYY-MM-DD HH:MM:00+08' for a Shanghai wall-clock time given in minutes after midnight (same day). */
export function shanghaiTimestamp(date: string, minutes: number): string {
  if (minutes < 0 || minutes >= 24 * 60) throw new Error(`time out of the day: ${minutes}`);
  return `${date} ${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}:00+08`;
}
