// CALC-3: what the data says of each observation's deadlines, read in one aggregated SQL pass per kind of
// record (never a query per observation): the observations with their branch; the groups with each member's
// first sheet; the rectification (the committee's discussion and the items, FB-2); the reports (FB-3, FB-4).
// The caller's RLS decides what is seen; the office board also limits itself to the office's scope.
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
 * four statements whatever the number of observations. officeScope: only the office's own (the board).
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
