// A meeting's editable fields after a PATCH: the stored meeting with the change laid over it, checked again.
import { DomainError, type TMeeting, type TUpdateMeetingRequest } from '@tingkan/shared';
import type { MeetingFields } from './queries';

export function mergeFields(current: TMeeting, patch: TUpdateMeetingRequest): MeetingFields {
  const merged: MeetingFields = {
    kind: patch.kind ?? current.kind,
    topic: patch.topic ?? current.topic,
    startsAt: patch.startsAt ?? current.startsAt,
    endsAt: patch.endsAt ?? current.endsAt,
    place: patch.place ?? current.place,
    hostPersonId: patch.hostPersonId === undefined ? current.hostPersonId : patch.hostPersonId,
    agenda: patch.agenda ?? current.agenda,
    lecturer: patch.lecturer === undefined ? current.lecturer : patch.lecturer,
    location: patch.location === undefined ? current.location : patch.location,
  };
  const fields: { path: string; message: string }[] = [];
  if (Date.parse(merged.endsAt) <= Date.parse(merged.startsAt)) fields.push({ path: 'endsAt', message: '结束时间应晚于开始时间' });
  if (merged.kind !== 'party_lecture' && merged.lecturer !== null) fields.push({ path: 'lecturer', message: '只有党课需要填写主讲人' });
  if (fields.length > 0) throw new DomainError('VALIDATION_FAILED', undefined, fields);
  return merged;
}
