// The one door to dayjs (D4, STYLE 2): plugins are extended here once and everyone imports from here.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import isoWeek from 'dayjs/plugin/isoWeek';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(isoWeek);
dayjs.extend(customParseFormat);

/** All dates of the domain are in Asia/Shanghai (FB-6). */
export const TZ = 'Asia/Shanghai';
/** Fixed offset used instead of tz() where the runtime's zone data is unreliable (D9). */
export const TZ_OFFSET = '+08:00';
export const DATE_FORMAT = 'YYYY-MM-DD';

export type Dayjs = dayjs.Dayjs;

/** An instant read in Shanghai time. Accepts ISO strings with offset, Dates or epoch ms. */
export function at(instant: string | number | Date): Dayjs {
  return dayjs(instant).utcOffset(8 * 60);
}

/** D9: an instant as the API sends it, ISO with the fixed +08:00 offset ('2026-11-23T10:00:00+08:00'). */
export function toShanghaiIso(instant: string | number | Date): string {
  return at(instant).format('YYYY-MM-DDTHH:mm:ssZ');
}

/** A calendar date (YYYY-MM-DD) as midnight in Shanghai. */
export function onDate(date: string): Dayjs {
  return dayjs(`${date}T00:00:00${TZ_OFFSET}`).utcOffset(8 * 60);
}

/** The Shanghai calendar date of an instant, as YYYY-MM-DD. */
export function toDateString(instant: string | number | Date | Dayjs): string {
  const d = dayjs.isDayjs(instant) ? instant : dayjs(instant);
  return d.utcOffset(8 * 60).format(DATE_FORMAT);
}

export { dayjs };
