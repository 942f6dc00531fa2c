// D6: when a check-in is accepted, and from where. Pure: `now` and positions are parameters.
import * as z from 'zod';
import { ZInstant } from '../schemas/common';
import { parseOrThrow } from '../zod-errors';

export const ZCheckinWindowInput = z.object({
  startsAt: ZInstant,
  endsAt: ZInstant,
  now: ZInstant,
  /** Members arrive early; the code starts working this long before the start. */
  opensMinutesBefore: z.number().int().min(0).max(24 * 60).default(60),
  /** Late arrivals still check in until this long after the end; after that only the host's 补录. */
  closesMinutesAfter: z.number().int().min(0).max(24 * 60).default(30),
}).strict();

export type TCheckinWindowState = 'not_open' | 'open' | 'closed';

export function checkinWindow(input: z.input<typeof ZCheckinWindowInput>): { state: TCheckinWindowState; opensAt: string; closesAt: string } {
  const i = parseOrThrow(ZCheckinWindowInput, input);
  const opens = Date.parse(i.startsAt) - i.opensMinutesBefore * 60_000;
  const closes = Date.parse(i.endsAt) + i.closesMinutesAfter * 60_000;
  const now = Date.parse(i.now);
  const state: TCheckinWindowState = now < opens ? 'not_open' : now > closes ? 'closed' : 'open';
  return { state, opensAt: new Date(opens).toISOString(), closesAt: new Date(closes).toISOString() };
}

const ZPoint = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).strict();

/** Great-circle distance in metres (haversine): enough for a radius of tens of metres. */
export function distanceMeters(a: z.input<typeof ZPoint>, b: z.input<typeof ZPoint>): number {
  const p = parseOrThrow(ZPoint, a);
  const q = parseOrThrow(ZPoint, b);
  const R = 6_371_000;
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(q.lat - p.lat);
  const dLng = rad(q.lng - p.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(p.lat)) * Math.cos(rad(q.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}
