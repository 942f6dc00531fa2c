// OBS-2..5: an observation as the office manages it: its observed branch, year and group.
import { DomainError, type TGroupView, type TObservationMode } from '@tingkan/shared';
import type { Queryable } from '../db';

export interface OfficeObservation {
  id: string;
  mode: TObservationMode;
  status: string;
  startsAt: Date;
  /** The meeting's organisation, or the branch above it when a 党小组 holds the meeting. */
  observedBranchId: string;
  year: number;
  office: boolean;
}

/** The observation if the caller can see it (else NOT_FOUND) and manages it (else FORBIDDEN). */
export async function observationForOffice(tx: Queryable, id: string): Promise<OfficeObservation> {
  const { rows } = await tx.query<OfficeObservation>(
    `select o.id, o.mode, o.status, m.starts_at as "startsAt",
            coalesce(case when org.kind = 'party_group' then org.parent_id end, org.id) as "observedBranchId",
            extract(year from m.starts_at at time zone 'Asia/Shanghai')::int as year,
            o.id in (select app.office_observation_ids()) as office
       from observations o join meetings m on m.id = o.meeting_id join organisations org on org.id = m.org_id
      where o.id = $1`,
    [id],
  );
  const o = rows[0];
  if (!o) throw new DomainError('NOT_FOUND', '没有找到这次观摩');
  if (!o.office) throw new DomainError('FORBIDDEN', '只有管理该支部的机关党委办（工委）工作人员可以安排观察小组');
  return o;
}

export async function groupView(tx: Queryable, o: OfficeObservation): Promise<TGroupView> {
  const { rows } = await tx.query<{ person_id: string; name: string | null; unit: string | null; is_leader: boolean; checked_in_at: Date | null; load: number | null }>(
    `select a.person_id, p.name, coalesce(op.unit, p.unit) as unit, a.is_leader, a.checked_in_at, l.load
       from observation_assignments a
       left join people p on p.id = a.person_id
       left join observer_pool op on op.person_id = a.person_id
       left join app.observer_loads($2) l on l.person_id = a.person_id
      where a.observation_id = $1
      order by a.is_leader desc, p.name, a.person_id`,
    [o.id, o.year],
  );
  return {
    observationId: o.id, mode: o.mode, observedOrgId: o.observedBranchId,
    members: rows.map((r) => ({
      personId: r.person_id, name: r.name ?? '', unit: r.unit, isLeader: r.is_leader, load: Number(r.load ?? 0),
      checkedInAt: r.checked_in_at ? new Date(r.checked_in_at).toISOString() : null,
    })),
  };
}

/** Replace the group: drop who is no longer in it, add or update the rest (one statement each). */
export async function replaceGroup(tx: Queryable, observationId: string, members: { personId: string; isLeader: boolean }[]): Promise<void> {
  const { rows } = await tx.query<{ n: string }>(
    'select count(*) as n from observation_assignments where observation_id = $1 and checked_in_at is not null', [observationId]);
  if (Number(rows[0]?.n ?? 0) > 0) throw new DomainError('GROUP_LOCKED');
  const ids = members.map((m) => m.personId);
  await tx.query('delete from observation_assignments where observation_id = $1 and not (person_id = any($2::uuid[]))', [observationId, ids]);
  await tx.query(
    `insert into observation_assignments (observation_id, person_id, is_leader)
     select $1, x.person_id, x.is_leader from unnest($2::uuid[], $3::boolean[]) as x(person_id, is_leader)
     on conflict (observation_id, person_id) do update set is_leader = excluded.is_leader`,
    [observationId, ids, members.map((m) => m.isLeader)],
  );
}
