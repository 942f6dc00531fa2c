// Calendar windows (month, quarter, year) in Shanghai dates, and the MTG-5 theme-day date.
import { z } from 'zod';
import type { TPolicy } from '../policy';
import { ZCalendarDate, ZPeriod, ZPeriodUnit, type TPeriod, type TPeriodUnit } from '../schemas/period';
import { onDate } from '../time';
import { parseRuleInput } from './parse';

const fmt = 'YYYY-MM-DD';

/** The month / quarter / year that contains `date`, as a closed range of dates. */
export function periodOf(unit: TPeriodUnit, date: string): TPeriod {
  const input = parseRuleInput(z.object({ unit: ZPeriodUnit, date: ZCalendarDate }), { unit, date });
  const d = onDate(input.date);
  if (input.unit === 'year') return { start: d.startOf('year').format(fmt), end: d.endOf('year').format(fmt) };
  if (input.unit === 'month') return { start: d.startOf('month').format(fmt), end: d.endOf('month').format(fmt) };
  const first = d.month(Math.floor(d.month() / 3) * 3).startOf('month');
  return { start: first.format(fmt), end: first.add(2, 'month').endOf('month').format(fmt) };
}

/** Every whole window of `unit` that overlaps the period, in order. */
export function windowsOverlapping(unit: TPeriodUnit, period: TPeriod): TPeriod[] {
  const input = parseRuleInput(z.object({ unit: ZPeriodUnit, period: ZPeriod }), { unit, period });
  const out: TPeriod[] = [];
  let w = periodOf(input.unit, input.period.start);
  while (w.start <= input.period.end) {
    out.push(w);
    w = periodOf(input.unit, onDate(w.end).add(1, 'day').format(fmt));
  }
  return out;
}

/** MTG-5 (policy): the day the 主题党日 should fall on in a month, e.g. the first Friday; null = any day. */
export function themeDayDate(year: number, month: number, themeDay: TPolicy['themeDay']): string | null {
  parseRuleInput(z.object({ year: z.number().int().min(1900).max(2200), month: z.number().int().min(1).max(12) }), { year, month });
  if (themeDay === null) return null;
  const first = onDate(`${year}-${String(month).padStart(2, '0')}-01`);
  const offset = (themeDay.isoWeekday - first.isoWeekday() + 7) % 7;
  return first.add(offset + 7 * (themeDay.nth - 1), 'day').format(fmt);
}
