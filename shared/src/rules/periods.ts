// Calendar windows (month, quarter, year) in Shanghai dates, and the MTG-5 theme-day date.
import * as z from 'zod';
import type { TPolicy } from '../policy';
import { ZCalendarDate, ZPeriod, ZPeriodUnit, type TPeriod, type TPeriodUnit } from '../schemas/period';
import { onDate } from '../time';
import { remember } from './memo';
import { parseRuleInput } from './parse';

const fmt = 'YYYY-MM-DD';
// Schemas made once: zod compiles each schema on its first parse, so one made per call was compiled per call
// (branchCompliance over a page of 500 branches spent 5 of its 7 s there).
const ZPeriodOfInput = z.object({ unit: ZPeriodUnit, date: ZCalendarDate });
const ZWindowsInput = z.object({ unit: ZPeriodUnit, period: ZPeriod });
const ZYearMonth = z.object({ year: z.number().int().min(1900).max(2200), month: z.number().int().min(1).max(12) });

/** The month / quarter / year that contains `date`, as a closed range of dates. */
export function periodOf(unit: TPeriodUnit, date: string): TPeriod {
  const input = parseRuleInput(ZPeriodOfInput, { unit, date });
  const d = onDate(input.date);
  if (input.unit === 'year') return { start: d.startOf('year').format(fmt), end: d.endOf('year').format(fmt) };
  if (input.unit === 'month') return { start: d.startOf('month').format(fmt), end: d.endOf('month').format(fmt) };
  const first = d.month(Math.floor(d.month() / 3) * 3).startOf('month');
  return { start: first.format(fmt), end: first.add(2, 'month').endOf('month').format(fmt) };
}

/** Windows already worked out: a compliance page asks the same few (a year's months, quarters…) for every
 *  branch and requirement, and each window costs a few time-zone-aware dayjs calls. Bounded. */
const windowsMemo = new Map<string, readonly TPeriod[]>();

/** Every whole window of `unit` that overlaps the period, in order. */
export function windowsOverlapping(unit: TPeriodUnit, period: TPeriod): TPeriod[] {
  const input = parseRuleInput(ZWindowsInput, { unit, period });
  const windows = remember(windowsMemo, `${input.unit}|${input.period.start}|${input.period.end}`, 1000, () => {
    const out: TPeriod[] = [];
    let w = periodOf(input.unit, input.period.start);
    while (w.start <= input.period.end) {
      out.push(w);
      w = periodOf(input.unit, onDate(w.end).add(1, 'day').format(fmt));
    }
    return out;
  });
  return windows.map((w) => ({ ...w }));
}

/** Theme days already worked out (a page of 500 branches asks the same 12 months for each). Bounded. */
const themeDayMemo = new Map<string, string>();

/** MTG-5 (policy): the day the 主题党日 should fall on in a month, e.g. the first Friday; null = any day. */
export function themeDayDate(year: number, month: number, themeDay: TPolicy['themeDay']): string | null {
  parseRuleInput(ZYearMonth, { year, month });
  if (themeDay === null) return null;
  return remember(themeDayMemo, `${year}-${month}|${themeDay.isoWeekday}|${themeDay.nth}`, 1000, () => {
    const first = onDate(`${year}-${String(month).padStart(2, '0')}-01`);
    const offset = (themeDay.isoWeekday - first.isoWeekday() + 7) % 7;
    return first.add(offset + 7 * (themeDay.nth - 1), 'day').format(fmt);
  });
}
