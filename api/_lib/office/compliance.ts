// CALC-4: per branch and period, MTG-1..7 met or missed (shared branchCompliance over meetings aggregated
// in ONE query for the whole page of branches), exemptions applied, ATT-1 flags (shared absenceFlags fed
// with per-member counts computed in SQL) and the year's observation coverage (shared observationCoverage).
import {
  absenceFlags, branchCompliance, complianceFetchRange, observationCoverage, onDate, REQUIREMENTS, themeDayDate, windowsOverlapping,
  type TAbsenceFlag, type TComplianceResult, type THeldMeeting, type TPeriod, type TPolicy,
} from '@tingkan/shared';
import type { Queryable } from '../db';
import type { ScopeBranch } from './scope';

const fmt = 'YYYY-MM-DD';
/** Only kinds with a minimum frequency count (谈心谈话 and the like have none, MTG-1..7). */
const REQUIRED_KINDS = [...new Set(REQUIREMENTS.map((r) => r.kind))];
const dayAfter = (date: string) => onDate(date).add(1, 'day').format();

/** One query: held meetings per branch (党小组 meetings under their branch), required kind and month, with one
 *  representative meeting and, for 主题党日 (MTG-5), one held on the policy's day if any. The branches'
 *  own meetings and their 党小组s' are two index lookups joined by `union all` (an `or` of the two
 *  forced a scan of every meeting: issue 7). Ids compare as bytes (collate "C"): the order of uuid text
 *  is the same in any collation, and min() over 400,000 of them no longer calls strcoll. */
export async function heldMeetings(tx: Queryable, branchIds: string[], period: TPeriod, policy: TPolicy): Promise<Map<string, THeldMeeting[]>> {
  const range = complianceFetchRange(period);
  const themeDays = windowsOverlapping('month', range)
    .map((w) => themeDayDate(Number(w.start.slice(0, 4)), Number(w.start.slice(5, 7)), policy.themeDay))
    .filter((d): d is string => d !== null);
  const { rows } = await tx.query<{ branch_id: string; group_id: string | null; kind: THeldMeeting['kind']; first_id: string; first_date: string; sched_id: string | null; sched_date: string | null }>(
    `with held as (
       select coalesce(case when o.kind = 'party_group' then o.parent_id end, o.id) as branch_id,
              case when o.kind = 'party_group' then o.id end as group_id,
              m.kind, m.id::text collate "C" as id, (m.starts_at at time zone 'Asia/Shanghai')::date as d
         from meetings m join organisations o on o.id = m.org_id
        where m.org_id = any($3::uuid[]) and m.status = 'held' and m.starts_at >= $1 and m.starts_at < $2 and m.kind = any($5::meeting_kind[])
       union all
       select g.parent_id, g.id, m.kind, m.id::text collate "C", (m.starts_at at time zone 'Asia/Shanghai')::date
         from organisations g join meetings m on m.org_id = g.id
        where g.kind = 'party_group' and g.parent_id = any($3::uuid[]) and not g.id = any($3::uuid[])
          and m.status = 'held' and m.starts_at >= $1 and m.starts_at < $2 and m.kind = any($5::meeting_kind[])
     )
     select branch_id, group_id, kind, min(id) as first_id, min(d)::text as first_date,
            min(id) filter (where kind = 'theme_day' and d = any($4::date[])) as sched_id,
            min(d) filter (where kind = 'theme_day' and d = any($4::date[]))::text as sched_date
       from held group by branch_id, group_id, kind, date_trunc('month', d)`,
    [onDate(range.start).format(), dayAfter(range.end), branchIds, themeDays, REQUIRED_KINDS],
  );
  const out = new Map<string, THeldMeeting[]>();
  for (const r of rows) {
    const list = out.get(r.branch_id) ?? [];
    const g = r.group_id ? { groupId: r.group_id } : {};
    // The month's representative is its first meeting; its date is that meeting's own (min over the month).
    list.push({ id: r.first_id, kind: r.kind, date: r.first_date, ...g });
    if (r.sched_id && r.sched_id !== r.first_id && r.sched_date) list.push({ id: r.sched_id, kind: r.kind, date: r.sched_date, ...g });
    out.set(r.branch_id, list);
  }
  return out;
}

export interface Exemption { id: string; orgId: string; periodStart: string; periodEnd: string; meetingKind: string; reason: string }

export async function exemptionsFor(tx: Queryable, branchIds: string[], period: TPeriod): Promise<Exemption[]> {
  const range = complianceFetchRange(period);
  const { rows } = await tx.query<Exemption>(
    `select id, org_id as "orgId", period_start::text as "periodStart", period_end::text as "periodEnd", meeting_kind as "meetingKind", reason
       from compliance_exemptions where org_id = any($1::uuid[]) and period_start <= $3 and period_end >= $2 order by period_start, id`,
    [branchIds, range.start, range.end],
  );
  return rows;
}

/** CALC-4: a missing window covered (even partly) by an exemption for that kind is 'exempt', not 'missing'. */
export function applyExemptions(result: TComplianceResult, exemptions: Exemption[]) {
  const items = result.items.map((it) => {
    const windows = it.windows.map((w) => {
      const ex = exemptions.find((e) => e.meetingKind === it.kind && e.periodStart <= w.end && e.periodEnd >= w.start);
      return w.state === 'missing' && ex ? { ...w, state: 'exempt' as const, exemptionId: ex.id } : w;
    });
    return { ...it, windows, ok: windows.every((w) => w.state !== 'missing') };
  });
  const missing = result.missing.filter((m) => !exemptions.some((e) => e.meetingKind === m.kind && e.periodStart <= m.end && e.periodEnd >= m.start));
  return { items, missing, ok: missing.length === 0 };
}

interface MemberRow { person_id: string; branch_id: string; name: string; status: 'full' | 'probationary'; joined_on: string; last_present_on: string | null; expected: number; present: number; leave: number }

/** ATT-1 per branch: per member, last attendance and the window's expected / present / leave counts in SQL. */
export async function absenceByBranch(tx: Queryable, branchIds: string[], asOf: string, policy: TPolicy): Promise<Map<string, { windowStart: string; flagged: (TAbsenceFlag & { name: string })[]; checked: number }>> {
  const windowStart = onDate(asOf).subtract(policy.absenceFlagMonths, 'month').format(fmt);
  const { rows } = await tx.query<MemberRow>(
    `with mem as materialized (
       select ms.person_id, ms.org_id as branch_id, ms.status, ms.joined_on,
              ms.roles && array['secretary', 'deputy_secretary', 'committee_member']::branch_role[] as on_committee
         from memberships ms
        where ms.org_id = any($1::uuid[]) and ms.left_on is null and ms.status in ('full', 'probationary')
     ), mem_orgs as materialized (
       -- The organisations whose meetings a member should attend: the branch and their 党小组s in it.
       select person_id, branch_id, branch_id as org_id, on_committee, joined_on from mem
       union all
       select mem.person_id, mem.branch_id, g.org_id, mem.on_committee, mem.joined_on
         from mem join memberships g on g.person_id = mem.person_id and g.left_on is null
         join organisations go on go.id = g.org_id and go.kind = 'party_group' and go.parent_id = mem.branch_id
     ), win as materialized (
       select m.id, m.org_id, m.kind, (m.starts_at at time zone 'Asia/Shanghai')::date as d
         from meetings m
        where m.status = 'held' and m.starts_at >= $2 and m.starts_at < $3 and m.org_id in (select org_id from mem_orgs)
     ), att as materialized (
       select a.meeting_id, a.person_id, a.state, a.leave_reason from attendance a where a.meeting_id in (select id from win)
     ), expected as (
       select mo.person_id, mo.branch_id, att.state, att.leave_reason
         from mem_orgs mo
         join win on win.org_id = mo.org_id and win.d >= mo.joined_on and (win.kind <> 'committee_meeting' or mo.on_committee)
         left join att on att.meeting_id = win.id and att.person_id = mo.person_id
     ), last_present as (
       select a.person_id, max((m.starts_at at time zone 'Asia/Shanghai')::date) as d
         from attendance a join meetings m on m.id = a.meeting_id
        where a.state = 'present' and a.person_id in (select person_id from mem) and m.starts_at < $3
        group by a.person_id
     )
     select mem.person_id, mem.branch_id, p.name, mem.status, mem.joined_on::text as joined_on, lp.d::text as last_present_on,
            count(e.person_id)::int as expected,
            (count(*) filter (where e.state = 'present'))::int as present,
            (count(*) filter (where e.state = 'leave' and btrim(coalesce(e.leave_reason, '')) <> ''))::int as leave
       from mem
       join people p on p.id = mem.person_id
       left join last_present lp on lp.person_id = mem.person_id
       left join expected e on e.person_id = mem.person_id and e.branch_id = mem.branch_id
      group by mem.person_id, mem.branch_id, p.name, mem.status, mem.joined_on, lp.d
      order by mem.branch_id, p.name, mem.person_id`,
    [branchIds, dayAfter(windowStart), dayAfter(asOf)],
  );
  const out = new Map<string, { windowStart: string; flagged: (TAbsenceFlag & { name: string })[]; checked: number }>();
  const byBranch = new Map<string, MemberRow[]>();
  rows.forEach((r) => byBranch.set(r.branch_id, [...(byBranch.get(r.branch_id) ?? []), r]));
  for (const [branchId, members] of byBranch) {
    // The counts become the rule's input: one meeting for the last attendance, one per missed meeting.
    let n = 0;
    const id = () => `00000000-0000-4000-8000-${(n += 1).toString(16).padStart(12, '0')}`;
    const meetings = members.flatMap((m) => {
      const p = m.person_id;
      const missedWithoutLeave = Math.max(0, m.expected - m.present - m.leave);
      return [
        ...(m.last_present_on ? [{ id: id(), kind: 'general_meeting' as const, date: m.last_present_on, expectedIds: [p], presentIds: [p] }] : []),
        ...Array.from({ length: missedWithoutLeave }, () => ({ id: id(), kind: 'general_meeting' as const, date: asOf, expectedIds: [p], presentIds: [] })),
        ...Array.from({ length: m.leave }, () => ({ id: id(), kind: 'general_meeting' as const, date: asOf, expectedIds: [p], presentIds: [], leaves: [{ personId: p, category: 'personal' as const, reason: '已请假' }] })),
      ];
    });
    const result = absenceFlags({ asOf, members: members.map((m) => ({ personId: m.person_id, status: m.status, joinedOn: m.joined_on })), meetings }, policy);
    const name = new Map(members.map((m) => [m.person_id, m.name]));
    out.set(branchId, { windowStart: result.windowStart, checked: result.members.length, flagged: result.members.filter((f) => f.flagged).map((f) => ({ ...f, name: name.get(f.personId) ?? '' })) });
  }
  return out;
}

/** OBS-2..4: the year's coverage over the whole scope, and which modes each branch had. */
export async function coverage(tx: Queryable, all: ScopeBranch[], year: number, from: string, to: string) {
  const { rows } = await tx.query<{ branch_id: string; mode: 'xunting' | 'pangting' | 'guancha'; date: string }>(
    `select distinct coalesce(case when o.kind = 'party_group' then o.parent_id end, o.id) as branch_id, ob.mode,
            ((m.starts_at at time zone 'Asia/Shanghai')::date)::text as date
       from observations ob join meetings m on m.id = ob.meeting_id join organisations o on o.id = m.org_id
      where ob.status <> 'cancelled' and m.starts_at >= $1 and m.starts_at < $2`,
    [from, to],
  );
  const ids = new Set(all.map((b) => b.id));
  const observations = rows.filter((r) => ids.has(r.branch_id)).map((r) => ({ branchId: r.branch_id, mode: r.mode, date: r.date }));
  const departments = [...new Set(all.map((b) => b.departmentId))].map((id) => ({ id, branchIds: all.filter((b) => b.departmentId === id).map((b) => b.id) }));
  return { summary: observationCoverage({ year, departments, observations }), observations };
}

export function run(branch: ScopeBranch, period: TPeriod, asOf: string, meetings: THeldMeeting[], policy: TPolicy): TComplianceResult {
  return branchCompliance({ branch: { id: branch.id, hasCommittee: branch.hasCommittee, groupIds: branch.groupIds }, period, asOf, meetings }, policy);
}
