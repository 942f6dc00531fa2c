// A year (2026) of organisational life for every branch (MTG-1..7) with attendance (ATT-1), from a
// seeded PRNG. "Today" is 2026-11-23: earlier meetings are held, later ones planned.
import { meetingDays, shanghaiTimestamp, themeDayDate } from './dates';
import { mulberry32, uuidFor, type Rng } from './prng';
import { BRANCHES, type Membership, type Org, type OrgData, type Person } from './org';
import * as T from './texts';

export type MeetingKind = 'general_meeting' | 'committee_meeting' | 'group_meeting' | 'party_lecture' | 'theme_day' | 'life_meeting' | 'member_appraisal';
export interface Meeting {
  id: string; orgId: string; kind: MeetingKind; topic: string; startsAt: string; endsAt: string; place: string;
  hostPersonId: string; agenda: string[]; status: 'planned' | 'held' | 'cancelled'; cancelReason: string | null;
  lecturer: string | null; decisions: string | null;
}
export interface Attendance {
  meetingId: string; personId: string; state: 'confirmed' | 'present' | 'leave' | 'absent';
  leaveCategory: 'sick' | 'personal' | 'official' | null; leaveReason: string | null;
  method: 'qr' | 'manual' | null; checkedInAt: string | null; recordedBy: string | null;
}

export const TODAY = '2026-11-23';
/** Planned meetings starting before this day already have some 'confirmed' replies. */
const CONFIRM_UNTIL = '2026-12-08';
/** Deliberate gaps, `${orgKey}:${kind}:${period}`, so compliance reports (CALC-4) have something to flag. */
const GAPS = new Set([
  'fin-treasury:general_meeting:q2', 'edu-second:theme_day:m08', 'hlt-medical:party_lecture:q3',
  'edu-basic:committee_meeting:m07', 'edu-basic:committee_meeting:m08', 'fin-budget:g2:group_meeting:m02',
  'edu-research:g1:group_meeting:m01', 'hlt-plan:theme_day:m02', 'hlt-plan:general_meeting:q1', 'hlt-cdc:committee_meeting:m10',
]);
const CANCELLED = 'fin-office:committee_meeting:m06';
/** ATT-1 cases: [person key, from, to, what]. Absent with no leave for 6+ months gets flagged; the others must not. */
const PATTERNS: ReadonlyArray<readonly [string, string, string, 'absent' | 'sick']> = [
  ['fin-treasury:5', '2026-04-20', '2026-12-31', 'absent'], // flagged: seven months, no leave
  ['edu-second:7', '2026-05-11', '2026-12-31', 'absent'], // flagged: six and a half months
  ['hlt-plan:4', '2026-06-08', '2026-12-31', 'absent'], // not yet: five and a half months
  ['edu-basic:6', '2026-03-16', '2026-08-31', 'sick'], // on sick leave for months: valid reason, not flagged
];
const DEPT_FIELD: Record<string, string> = { fin: '财政', edu: '教育', hlt: '卫生健康' };

interface Ctx { rng: Rng; meetings: Meeting[]; attendance: Attendance[]; people: Map<string, Person> }

function pickSome<T>(rng: Rng, items: readonly T[], min: number, max: number): T[] {
  return rng.shuffle(items).slice(0, rng.int(min, max));
}

function numbered(items: readonly string[]): string {
  const nums = ['一', '二', '三', '四'];
  return `会议研究确定：${items.map((s, i) => `${nums[i] ?? String(i + 1)}、${s}`).join('；')}。`;
}

export function buildMeetings(data: OrgData): { meetings: Meeting[]; attendance: Attendance[] } {
  const ctx: Ctx = { rng: mulberry32(2026), meetings: [], attendance: [], people: new Map(data.people.map((p) => [p.id, p])) };
  const { rng } = ctx;
  const orgByKey = new Map(data.orgs.map((o) => [o.key, o]));
  const personByKey = new Map(data.people.map((p) => [p.key, p]));
  const membersOf = (org: Org): Membership[] => data.memberships.filter((m) => m.orgId === org.id);
  const patterns = PATTERNS.map(([key, from, to, what]) => {
    const person = personByKey.get(key);
    const m = data.memberships.find((x) => x.personId === person?.id);
    if (!person || !m || m.status !== 'full' || m.roles.length > 0) throw new Error(`pattern needs an ordinary full member: ${key}`);
    return { personId: person.id, from, to, what };
  });

  const add = (org: Org, periodKey: string, kind: MeetingKind, date: string, host: Person, expected: Membership[],
    fill: { topic: string; agenda: string[]; place: string; lecturer?: string; decisions?: readonly string[] }): void => {
    if (GAPS.has(periodKey)) return;
    const start = rng.chance(0.35) ? 9 * 60 : 14 * 60 + 30;
    const cancelled = periodKey === CANCELLED;
    const status = cancelled ? 'cancelled' : date < TODAY ? 'held' : 'planned';
    const meeting: Meeting = {
      id: uuidFor(`meeting:${periodKey}`), orgId: org.id, kind, topic: fill.topic, place: fill.place, hostPersonId: host.id,
      startsAt: shanghaiTimestamp(date, start), endsAt: shanghaiTimestamp(date, start + rng.pick([90, 105, 120])),
      agenda: fill.agenda, status, cancelReason: cancelled ? T.CANCEL_REASON : null, lecturer: fill.lecturer ?? null,
      decisions: status === 'held' && fill.decisions ? numbered(pickSome(rng, fill.decisions, 2, 3)) : null,
    };
    ctx.meetings.push(meeting);
    const who = expected.filter((m) => m.joinedOn <= date);
    if (status === 'held') for (const m of who) ctx.attendance.push(attend(meeting, m.personId, host.id, date, start));
    if (status === 'planned' && date < CONFIRM_UNTIL) {
      for (const m of who) {
        if (!rng.chance(0.4)) continue;
        ctx.attendance.push({ meetingId: meeting.id, personId: m.personId, state: 'confirmed', leaveCategory: null, leaveReason: null, method: null, checkedInAt: null, recordedBy: m.personId });
      }
    }
  };

  const attend = (meeting: Meeting, personId: string, hostId: string, date: string, start: number): Attendance => {
    const base = { meetingId: meeting.id, personId, leaveCategory: null, leaveReason: null, method: null, checkedInAt: null, recordedBy: hostId };
    const p = patterns.find((x) => x.personId === personId && date >= x.from && date <= x.to);
    if (p?.what === 'absent') return { ...base, state: 'absent' };
    if (p?.what === 'sick') return { ...base, state: 'leave', leaveCategory: 'sick', leaveReason: date < '2026-05-01' ? '住院治疗' : '术后康复' };
    const r = personId === hostId ? 1 : rng.next();
    if (r < 0.06) {
      const category = rng.pick(['sick', 'personal', 'official'] as const);
      return { ...base, state: 'leave', leaveCategory: category, leaveReason: rng.pick(T.LEAVE_REASONS[category]) };
    }
    if (r < 0.075) return { ...base, state: 'absent' };
    const manual = rng.chance(0.25);
    return { ...base, state: 'present', method: manual ? 'manual' : 'qr', checkedInAt: shanghaiTimestamp(date, start - rng.int(1, 15)), recordedBy: manual ? hostId : personId };
  };

  BRANCHES.forEach((spec, bi) => {
    const org = orgByKey.get(spec.key) as Org;
    const members = membersOf(org);
    const party = members.filter((m) => m.status === 'full' || m.status === 'probationary');
    const committee = members.filter((m) => m.roles.some((r) => r !== 'group_leader'));
    const secretary = ctx.people.get(members.find((m) => m.roles.includes('secretary'))?.personId ?? '') as Person;
    const head = spec.leaders ? data.people.find((p) => p.key === `${spec.key}:5`) : undefined;
    const groups = data.orgs.filter((o) => o.parentId === org.id && o.kind === 'party_group');
    const used = new Set<string>();
    const day = (month: number, from: number, to: number): string => {
      let options = meetingDays(2026, month, from, to).filter((d) => !used.has(d));
      if (options.length === 0) options = meetingDays(2026, month).filter((d) => !used.has(d));
      const d = rng.pick(options);
      used.add(d);
      return d;
    };
    for (let month = 1; month <= 12; month += 1) {
      const m = `m${String(month).padStart(2, '0')}`;
      const themeDate = themeDayDate(2026, month);
      used.add(themeDate);
      const theme = rng.pick(T.THEME_TOPICS[month - 1] as readonly string[]);
      add(org, `${spec.key}:theme_day:${m}`, 'theme_day', themeDate, secretary, members, {
        topic: `主题党日：${theme}`, agenda: pickSome(rng, T.THEME_AGENDA, 2, 4),
        place: rng.chance(0.5) ? rng.pick(T.THEME_PLACES) : org.place });
      if (spec.committee) {
        add(org, `${spec.key}:committee_meeting:${m}`, 'committee_meeting', day(month, 1, 10), secretary, committee, {
          topic: month === 12 ? '研究年度专题组织生活会准备工作' : rng.pick(T.COMMITTEE_TOPICS), agenda: pickSome(rng, T.COMMITTEE_AGENDA, 2, 4),
          place: org.place, decisions: T.COMMITTEE_DECISIONS });
      }
      for (const g of groups) {
        const gMembers = membersOf(g);
        const leader = ctx.people.get(gMembers.find((x) => x.roles.includes('group_leader'))?.personId ?? '') as Person;
        add(g, `${g.key}:group_meeting:${m}`, 'group_meeting', day(month, 11, 25), leader, gMembers, {
          topic: rng.pick(T.GROUP_TOPICS), agenda: pickSome(rng, T.GROUP_AGENDA, 2, 4), place: org.place });
      }
    }
    for (let q = 1; q <= 4; q += 1) {
      const generalMonth = 3 * q - (bi % 2);
      const lectureMonth = generalMonth - 1;
      const topics = T.GENERAL_TOPICS[q - 1] as readonly string[];
      add(org, `${spec.key}:general_meeting:q${q}`, 'general_meeting', day(generalMonth, 8, 26), secretary, party, {
        topic: rng.pick(topics), agenda: pickSome(rng, T.GENERAL_AGENDA, 2, 4), place: org.place, decisions: T.GENERAL_DECISIONS });
      const lecturer = head && q === 2 ? `${head.name}（${head.post.split('、')[1] ?? ''}）`
        : q === 3 && bi % 3 === 0 ? rng.pick(T.PARTY_SCHOOL_LECTURERS) : secretary.name;
      add(org, `${spec.key}:party_lecture:q${q}`, 'party_lecture', day(lectureMonth, 10, 25), secretary, members, {
        topic: rng.pick(T.LECTURE_TOPICS).replace('{dept}', DEPT_FIELD[spec.dept] ?? ''), agenda: pickSome(rng, T.LECTURE_AGENDA, 2, 3),
        place: org.place, lecturer });
    }
    const lifeDate = day(12, 14, 24);
    add(org, `${spec.key}:life_meeting:y2026`, 'life_meeting', lifeDate, secretary, party, {
      topic: T.LIFE_TOPIC, agenda: [...T.LIFE_AGENDA], place: org.place });
    add(org, `${spec.key}:member_appraisal:y2026`, 'member_appraisal', day(12, Number(lifeDate.slice(8)) + 1, 31), secretary, party, {
      topic: T.APPRAISAL_TOPIC, agenda: [...T.APPRAISAL_AGENDA], place: org.place });
  });

  // The 总支 has its own committee (MTG-2) that meets monthly.
  const general = orgByKey.get('fin-general') as Org;
  const gMembers = membersOf(general);
  const gSecretary = ctx.people.get(gMembers.find((m) => m.roles.includes('secretary'))?.personId ?? '') as Person;
  for (let month = 1; month <= 12; month += 1) {
    const date = rng.pick(meetingDays(2026, month, 12, 20));
    add(general, `fin-general:committee_meeting:m${String(month).padStart(2, '0')}`, 'committee_meeting', date, gSecretary, gMembers, {
      topic: rng.pick(T.COMMITTEE_TOPICS), agenda: pickSome(rng, T.COMMITTEE_AGENDA, 2, 4), place: general.place, decisions: T.COMMITTEE_DECISIONS });
  }

  ctx.meetings.sort((a, b) => (a.startsAt === b.startsAt ? (a.id < b.id ? -1 : 1) : a.startsAt < b.startsAt ? -1 : 1));
  return { meetings: ctx.meetings, attendance: ctx.attendance };
}
