import type { TMeetingKind } from '../../services/schemas';
import type { TCreateMeetingRequest } from '../../services/branch-schemas';
import { instantOf, linesOf } from './form-logic';

/** The kinds of organisational life a branch plans (MTG-1..7), in the order a secretary looks for them. */
export const MEETING_KINDS: TMeetingKind[] = [
  'general_meeting', 'committee_meeting', 'group_meeting', 'party_lecture', 'theme_day', 'life_meeting', 'member_appraisal', 'heart_talk',
];

export interface MeetingForm {
  kind: TMeetingKind;
  topic: string;
  /** YYYY-MM-DD and HH:mm, Shanghai wall clock. */
  date: string;
  start: string;
  end: string;
  place: string;
  /** One agenda item per line. */
  agenda: string;
  lecturer: string;
}

export function initialMeetingForm(date: string): MeetingForm {
  return { kind: 'general_meeting', topic: '', date, start: '09:00', end: '11:00', place: '', agenda: '', lecturer: '' };
}

/** What to fix before sending, in Chinese; the server checks the same again. */
export function meetingFormProblems(f: MeetingForm): string[] {
  const problems: string[] = [];
  if (f.topic.trim() === '') problems.push('请填写会议主题');
  if (f.place.trim() === '') problems.push('请填写会议地点');
  if (f.end <= f.start) problems.push('结束时间应晚于开始时间');
  return problems;
}

export function toCreateMeetingRequest(orgId: string, f: MeetingForm): TCreateMeetingRequest {
  const lecturer = f.kind === 'party_lecture' && f.lecturer.trim() !== '' ? { lecturer: f.lecturer.trim() } : {};
  return {
    orgId, kind: f.kind, topic: f.topic.trim(), place: f.place.trim(),
    startsAt: instantOf(f.date, f.start), endsAt: instantOf(f.date, f.end), agenda: linesOf(f.agenda), ...lecturer,
  };
}
