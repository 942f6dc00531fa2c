// CALC-4: per branch and period, MTG-1..7 met or missed (shared branchCompliance over meetings aggregated
// in ONE query for the whole page of branches), exemptions applied, ATT-1 flags (the shared absenceDecision on
// per-member counts computed in SQL) and the year's observation coverage (shared coverageOf).
import {
  absenceDecision, absenceWindowStart, complianceFetchRange, complianceOf, coverageOf, onDate, REQUIREMENTS, themeDayDate, windowsOverlapping,
  type TAbsenceFlag, type TComplianceResult, type THeldMeeting, type TObservationMode, type TPeriod, type TPolicy,
} from '@tingkan/shared';
import type { Queryable } from '../db';
import type { ScopeBranch } from './scope';

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

/** ATT-1 per branch: per member, last attendance and the window's expected / present / leave counts,
 *  from app.absence_counts (one scoped call, migration 20261125000100, decision record 0005). */
export async function absenceByBranch(tx: Queryable, branchIds: string[], asOf: string, policy: TPolicy): Promise<Map<string, { windowStart: string; flagged: (TAbsenceFlag & { name: string })[]; checked: number }>> {
  const windowStart = absenceWindowStart(asOf, policy.absenceFlagMonths);
  const { rows } = await tx.query<MemberRow>(
    `select person_id, branch_id, name, status, joined_on::text as joined_on, last_present_on::text as last_present_on, expected, present, leave
       from app.absence_counts($1::uuid[], $2::timestamptz, $3::timestamptz) order by branch_id, name, person_id`,
    [branchIds, dayAfter(windowStart), dayAfter(asOf)],
  );
  const out = new Map<string, { windowStart: string; flagged: (TAbsenceFlag & { name: string })[]; checked: number }>();
  for (const r of rows) {
    const branch = out.get(r.branch_id) ?? { windowStart, flagged: [], checked: 0 };
    const flag = absenceDecision({ personId: r.person_id, status: r.status, joinedOn: r.joined_on, lastAttendedOn: r.last_present_on,
      expected: r.expected, present: r.present, leaveWithReason: r.leave }, windowStart, policy.absenceFlagMonths);
    branch.checked += 1;
    if (flag.flagged) branch.flagged.push({ ...flag, name: r.name });
    out.set(r.branch_id, branch);
  }
  return out;
}

/** OBS-2..4: the year's coverage over the whole scope, and which modes each branch had (by branch id). */
export async function coverage(tx: Queryable, all: ScopeBranch[], year: number, from: string, to: string) {
  // One scoped call, app.observation_coverage (migration 20261126000400, decision record 0005): the office's
  // scope is checked once, not the observations' and meetings' policies per observation (issue 7).
  const { rows } = await tx.query<{ branch_id: string; mode: 'xunting' | 'pangting' | 'guancha'; date: string }>(
    'select branch_id, mode, date from app.observation_coverage($1::timestamptz, $2::timestamptz)',
    [from, to],
  );
  const ids = new Set(all.map((b) => b.id));
  const observations = rows.filter((r) => ids.has(r.branch_id)).map((r) => ({ branchId: r.branch_id, mode: r.mode, date: r.date }));
  // One pass over the branches (in department order, as branchesUnder gives them), not one per department.
  const byDepartment = new Map<string, string[]>();
  for (const b of all) {
    const list = byDepartment.get(b.departmentId);
    if (list) list.push(b.id); else byDepartment.set(b.departmentId, [b.id]);
  }
  const departments = [...byDepartment].map(([id, branchIds]) => ({ id, branchIds }));
  const modes = new Map<string, Set<TObservationMode>>();
  for (const o of observations) modes.set(o.branchId, (modes.get(o.branchId) ?? new Set()).add(o.mode));
  return { summary: coverageOf({ year, departments, observations }), modes };
}

/** The meetings come from heldMeetings and the policy from currentPolicy (parsed): no parsing per branch. */
export function run(branch: ScopeBranch, period: TPeriod, asOf: string, meetings: THeldMeeting[], policy: TPolicy): TComplianceResult {
  return complianceOf({ branch: { id: branch.id, hasCommittee: branch.hasCommittee, groupIds: branch.groupIds }, period, asOf, meetings }, policy);
}
