// Dates as the server sends them (D9: YYYY-MM-DD for days, +08:00 instants), formatted, never recomputed.
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** '2026-03-06' → '2026年3月6日'. Anything else is shown as it came. */
export function formatDateZh(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** The Shanghai wall-clock parts of an instant: read from a +08:00 string, or shifted from any other offset. */
function wallClock(instant: string): { date: string; time: string } | null {
  const direct = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?\+08:00$/.exec(instant);
  if (direct) return { date: direct[1]!, time: direct[2]! };
  const ms = Date.parse(instant);
  if (!Number.isFinite(ms)) return null;
  const iso = new Date(ms + SHANGHAI_OFFSET_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** The Shanghai calendar date of an instant, as YYYY-MM-DD. */
export function dateOfInstant(instant: string): string {
  return wallClock(instant)?.date ?? instant.slice(0, 10);
}

/** '2026-03-06T09:30:00+08:00' → '09:30'. */
export function formatTimeZh(instant: string): string {
  return wallClock(instant)?.time ?? instant;
}

/** '2026-03-06T09:30:00+08:00' → '2026年3月6日 09:30'. */
export function formatInstantZh(instant: string): string {
  const w = wallClock(instant);
  return w ? `${formatDateZh(w.date)} ${w.time}` : instant;
}

/** A meeting's span: '2026年3月6日 09:30-11:00' (the end's date only when it differs). */
export function formatSpanZh(startsAt: string, endsAt: string): string {
  const s = wallClock(startsAt);
  const e = wallClock(endsAt);
  if (!s || !e) return `${startsAt} - ${endsAt}`;
  return s.date === e.date ? `${formatDateZh(s.date)} ${s.time}-${e.time}` : `${formatDateZh(s.date)} ${s.time} 至 ${formatDateZh(e.date)} ${e.time}`;
}

/** Today in Shanghai (YYYY-MM-DD), for list queries only. */
export function todayInShanghai(nowMs: number): string {
  return new Date(nowMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
