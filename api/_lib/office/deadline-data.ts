// CALC-3: what the data says of each observation's deadlines, read in one aggregated SQL pass per kind of
// record (never a query per observation): the observations with their branch; the groups with each member's
// first sheet; the rectification (the committee's discussion and the items, FB-2); the reports (FB-3, FB-4).
// The caller's RLS decides what is seen (the reminder sender). The office board reads the same data through
// app.deadline_data (one scoped call, decision record 0005): loadOfficeDeadlineObservations.
import { remember } from '@tingkan/shared';
import type { Queryable } from '../db';

export interface Member {
  personId: string;
  isLeader: boolean;
  /** When this member's first sheet version came in (FB-1). */
  sheetAt: string | null;
  /** FB-3: a committee member of another branch, not office staff (the invited member who reports back). */
  isInvitee?: boolean;
}
export interface RectificationItem { id: string; title: string; ownerId: string; dueDate: string; status: 'open' | 'submitted' | 'closed' | 'returned'; closedAt: string | null }
export interface FiledReport { kind: 'report_back' | 'progress_report' | 'commitment_report'; periodNo: number; heldOn: string }

export interface DeadlineObservation {
  id: string; mode: 'xunting' | 'pangting' | 'guancha'; kind: string; starts_at: Date | string; plan_submitted_at: Date | string | null;
  feedback_sent_at: Date | string | null; meeting_id: string; branch_id: string; branch_name: string; group: Member[];
  /** FB-2..4, when loaded (loadDeadlineObservations does; a caller that needs only FB-1 and OBS-5 may leave them out). */
  discussedAt?: string[]; items?: RectificationItem[]; reports?: FiledReport[];
}

/** Timestamps as ISO text (cheap: no date library per row; the rule reads them at +08:00). */
const iso = (v: Date | string): string => new Date(v).toISOString();

interface ObservationRow extends Omit<DeadlineObservation, 'group'> { org_id: string }
interface GroupRow { observation_id: string; person_id: string; is_leader: boolean; sheet_at: Date | null; is_invitee: boolean }
interface RectificationRow {
  observation_id: string; id: string | null; title: string | null; owner_id: string | null; due_date: string | null;
  status: RectificationItem['status'] | null; closed_at: Date | null; discussed_at: Date | null;
}
interface ReportRow { observation_id: string; kind: FiledReport['kind']; period_no: number; held_on: string }

// The scope as observation ids: filtering on the meeting's organisation instead makes the planner hash all 400,000 meetings.
function observations(tx: Queryable, from: string, to: string, officeScope: boolean) {
  return tx.query<ObservationRow>(
    `select o.id, o.mode, m.kind, m.starts_at, o.plan_submitted_at, o.feedback_sent_at, o.meeting_id, m.org_id,
            b.id as branch_id, b.name as branch_name
       from observations o
       join meetings m on m.id = o.meeting_id
       join organisations org on org.id = m.org_id
       join organisations b on b.id = coalesce(case when org.kind = 'party_group' then org.parent_id end, org.id)
      where o.status <> 'cancelled' and m.starts_at >= $1 and m.starts_at < $2
        ${officeScope ? 'and o.id in (select app.office_observation_ids())' : ''}
      order by m.starts_at, o.id`,
    [from, to],
  );
}

// FB-1: each member's first version (min over the observation's sheets, grouped once); FB-3: who is the invitee, for 观察员 visits only.
// No names here: joining people (300,000 rows at province scale, each behind its policy) costs more than the rest together.
function groups(tx: Queryable, rows: ObservationRow[]) {
  return tx.query<GroupRow>(
    `select a.observation_id, a.person_id, a.is_leader, s.sheet_at,
            case when x.mode = 'guancha' then
              not exists (select 1 from office_staff st where st.person_id = a.person_id)
              and exists (select 1 from memberships mb where mb.person_id = a.person_id and mb.left_on is null and mb.org_id <> x.org_id
                            and mb.roles && array['secretary', 'deputy_secretary', 'committee_member']::branch_role[])
            else false end as is_invitee
       from unnest($1::uuid[], $2::uuid[], $3::text[]) as x(observation_id, org_id, mode)
       join observation_assignments a on a.observation_id = x.observation_id
       left join (select observation_id, observer_id, min(submitted_at) as sheet_at from score_sheets
                   where observation_id = any($1::uuid[]) group by observation_id, observer_id) s
              on s.observation_id = a.observation_id and s.observer_id = a.person_id
      order by a.observation_id, a.person_id`,
    [rows.map((r) => r.id), rows.map((r) => r.org_id), rows.map((r) => r.mode)],
  );
}

// FB-2: the discussions and the items of observations whose feedback was sent (nothing exists before it).
function rectification(tx: Queryable, ids: string[]) {
  return tx.query<RectificationRow>(
    `select observation_id, null::uuid as id, null as title, null::uuid as owner_id, null as due_date, null as status,
            null::timestamptz as closed_at, recorded_at as discussed_at
       from rectification_discussions where observation_id = any($1::uuid[])
     union all
     select observation_id, id, title, owner_person_id, to_char(due_date, 'YYYY-MM-DD'), status::text, closed_at, null
       from rectification_items where observation_id = any($1::uuid[])
     order by 1, 5, 2`,
    [ids],
  );
}

function reports(tx: Queryable, ids: string[]) {
  return tx.query<ReportRow>(
    `select observation_id, kind, period_no, to_char(held_on, 'YYYY-MM-DD') as held_on
       from observation_reports where observation_id = any($1::uuid[]) order by observation_id, kind, period_no`,
    [ids],
  );
}

function byObservation<R extends { observation_id: string }>(rows: R[]): Map<string, R[]> {
  const m = new Map<string, R[]>();
  for (const r of rows) {
    const list = m.get(r.observation_id);
    if (list) list.push(r);
    else m.set(r.observation_id, [r]);
  }
  return m;
}

/**
 * Observations (not cancelled) whose meeting starts in [from, to), with everything their deadlines depend on:
 * four statements whatever the number of observations, under the caller's RLS (the reminder sender).
 * officeScope: only the office's own; the board reads those through app.deadline_data instead, and
 * tests/api/deadline-data-scope.test.ts holds that function to this RLS read.
 */
export async function loadDeadlineObservations(tx: Queryable, from: string, to: string, officeScope: boolean): Promise<DeadlineObservation[]> {
  const obs = (await observations(tx, from, to, officeScope)).rows;
  if (obs.length === 0) return [];
  const sentIds = obs.filter((o) => o.feedback_sent_at !== null).map((o) => o.id);
  // One after the other: the statements share the request's connection and transaction.
  const g = await groups(tx, obs);
  const r = sentIds.length > 0 ? await rectification(tx, sentIds) : { rows: [] as RectificationRow[] };
  const p = await reports(tx, obs.map((o) => o.id));
  const groupOf = byObservation(g.rows);
  const rectOf = byObservation(r.rows);
  const reportsOf = byObservation(p.rows);
  return obs.map(({ org_id: _org, ...o }) => {
    const rect = rectOf.get(o.id) ?? [];
    return {
      ...o,
      group: (groupOf.get(o.id) ?? []).map((m) => ({ personId: m.person_id, isLeader: m.is_leader, sheetAt: m.sheet_at ? iso(m.sheet_at) : null, isInvitee: m.is_invitee })),
      discussedAt: rect.filter((x) => x.discussed_at !== null).map((x) => iso(x.discussed_at!)),
      items: rect.filter((x) => x.id !== null).map((x) => ({
        id: x.id!, title: x.title!, ownerId: x.owner_id!, dueDate: x.due_date!, status: x.status!, closedAt: x.closed_at ? iso(x.closed_at) : null,
      })),
      reports: (reportsOf.get(o.id) ?? []).map((x) => ({ kind: x.kind, periodNo: Number(x.period_no), heldOn: x.held_on })),
    };
  });
}

/** app.deadline_data's row (migration 20261126000200_deadline_data.sql): instants as ms since 1970, children as compact arrays. */
interface ScopedRow extends Pick<DeadlineObservation, 'id' | 'mode' | 'kind' | 'meeting_id' | 'branch_id' | 'branch_name'> {
  starts_at: number; plan_submitted_at: number | null; feedback_sent_at: number | null;
  /** JSON text: [[personId, isLeader, sheetAt ms | null, isInvitee], ...]. */
  members: string;
  /** JSON text: [recordedAt ms, ...]. */
  discussed_at: string;
  items: [string, string, string, string, RectificationItem['status'], number | null][];
  reports: [FiledReport['kind'], number, string][];
}

// An instant in ms as toISOString writes it, ~7x cheaper: the date part remembered per day (a year's board has a few
// hundred, bounded), the time of day by arithmetic. Identical to toISOString for every integer ms (checked over
// millions, negative and five-digit years too); ~20,000 instants per board made toISOString ~20 ms of it.
const DAY_MS = 86_400_000;
const dayText = new Map<number, string>();
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

function isoOf(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  const date = remember(dayText, day, 20_000, () => new Date(day * DAY_MS).toISOString().slice(0, -14));
  let t = ms - day * DAY_MS;
  const h = Math.floor(t / 3_600_000);
  t -= h * 3_600_000;
  const m = Math.floor(t / 60_000);
  t -= m * 60_000;
  const s = Math.floor(t / 1000);
  return `${date}T${pad2(h)}:${pad2(m)}:${pad2(s)}.${pad3(t - s * 1000)}Z`;
}

const at = (ms: number | null): string | null => (ms === null ? null : isoOf(ms));

/**
 * The office's own observations whose meeting starts in [from, to), as loadDeadlineObservations(…, true)
 * reads them under RLS, in one call of app.deadline_data: the scope is checked once, then read as the owner.
 * Office staff only: anyone else gets [].
 */
export async function loadOfficeDeadlineObservations(tx: Queryable, from: string, to: string): Promise<DeadlineObservation[]> {
  const { rows } = await tx.query<ScopedRow>(
    `select id, mode, kind, starts_at, plan_submitted_at, feedback_sent_at, meeting_id, branch_id, branch_name,
            members, discussed_at, items, reports
       from app.deadline_data($1, $2)`,
    [from, to],
  );
  // Field by field: copying 4,000 rows with a rest pattern (`...o`) cost ~30 ms of the board on the province bench.
  return rows.map((r) => ({
    id: r.id, mode: r.mode, kind: r.kind, starts_at: at(r.starts_at)!, plan_submitted_at: at(r.plan_submitted_at), feedback_sent_at: at(r.feedback_sent_at),
    meeting_id: r.meeting_id, branch_id: r.branch_id, branch_name: r.branch_name,
    group: (JSON.parse(r.members) as [string, boolean, number | null, boolean][])
      .map((m) => ({ personId: m[0], isLeader: m[1], sheetAt: at(m[2]), isInvitee: m[3] })),
    discussedAt: (JSON.parse(r.discussed_at) as number[]).map((ms) => at(ms)!),
    items: r.items.map((i) => ({ id: i[0], title: i[1], ownerId: i[2], dueDate: i[3], status: i[4], closedAt: at(i[5]) })),
    reports: r.reports.map((x) => ({ kind: x[0], periodNo: x[1], heldOn: x[2] })),
  }));
}
