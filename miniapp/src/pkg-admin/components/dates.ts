// Office dates in Chinese, formatted from what the server sent (D9: never recomputed).
import { dateOfInstant, formatTimeZh } from '../../components/format';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** '2026-11-30' → '11月30日（周一）'; another year than `year` is named: '2027年1月4日（周一）'. */
export function formatDayZh(date: string, year?: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const weekday = WEEKDAYS[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()];
  return `${year === undefined || year !== y ? `${y}年` : ''}${mo}月${d}日（${weekday}）`;
}

/** An instant on the Shanghai clock: '11月18日（周三）09:00'. */
export function formatWhenZh(instant: string, year?: number): string {
  return `${formatDayZh(dateOfInstant(instant), year)} ${formatTimeZh(instant)}`;
}

/** Calendar days from `today` to `date` (both YYYY-MM-DD): negative when it is past. */
export function daysBetween(today: string, date: string): number {
  const at = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((at(date) - at(today)) / 86_400_000);
}

/** 0.35 → '35%'; 1/3 → '33.3%'. */
export function percentZh(fraction: number): string {
  const p = Math.round(fraction * 1000) / 10;
  return `${p}%`;
}

/** The current year in Shanghai, for the year switch's default. */
export function currentYear(nowMs: number): number {
  return Number(new Date(nowMs + 8 * 3600_000).toISOString().slice(0, 4));
}
