// Meeting rows ↔ the API's ZMeeting shape. Instants leave with +08:00 (D9).
import { toShanghaiIso, type TMeeting, type TMeetingKind, type TMeetingStatus } from '@tingkan/shared';

/** An instant from the database (Date or text) as ISO with the fixed +08:00 offset. */
export function instant(value: Date | string): string {
  return toShanghaiIso(value);
}

export function instantOrNull(value: Date | string | null): string | null {
  return value === null ? null : instant(value);
}

/** Decisions are stored one per line in meetings.decisions (MTG-11). */
export const joinDecisions = (decisions: string[]): string | null => (decisions.length > 0 ? decisions.join('\n') : null);
const splitDecisions = (text: string | null): string[] => (text ? text.split('\n') : []);

export const MEETING_SELECT = `
  select m.id, m.org_id, o.name as org_name, m.kind, m.topic, m.starts_at, m.ends_at, m.place,
         m.host_person_id, h.name as host_name, m.agenda, m.status, m.cancel_reason, m.lecturer, m.decisions,
         m.location_lat, m.location_lng, m.checkin_radius_m, m.created_at, m.updated_at
    from meetings m
    join organisations o on o.id = m.org_id
    left join people h on h.id = m.host_person_id`;

export interface MeetingRow {
  id: string;
  org_id: string;
  org_name: string;
  kind: TMeetingKind;
  topic: string;
  starts_at: Date | string;
  ends_at: Date | string;
  place: string;
  host_person_id: string | null;
  host_name: string | null;
  agenda: string[];
  status: TMeetingStatus;
  cancel_reason: string | null;
  lecturer: string | null;
  decisions: string | null;
  location_lat: number | null;
  location_lng: number | null;
  checkin_radius_m: number | null;
  created_at: Date | string;
  updated_at: Date | string;
}

export function toMeeting(r: MeetingRow): TMeeting {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    kind: r.kind,
    topic: r.topic,
    startsAt: instant(r.starts_at),
    endsAt: instant(r.ends_at),
    place: r.place,
    hostPersonId: r.host_person_id,
    hostName: r.host_name,
    agenda: r.agenda,
    status: r.status,
    cancelReason: r.cancel_reason,
    lecturer: r.lecturer,
    decisions: splitDecisions(r.decisions),
    location:
      r.location_lat === null || r.location_lng === null
        ? null
        : { lat: r.location_lat, lng: r.location_lng, radiusM: r.checkin_radius_m ?? 100 },
    createdAt: instant(r.created_at),
    updatedAt: instant(r.updated_at),
  };
}
