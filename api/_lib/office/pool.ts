// CALC-2 / OBS-8: the observer pool as the shared assignment rule needs it, read in one query.
// The pool table (ORG-4) records what each person serves in, not the rule's roles; they are derived
// from the data: office staff → office + party_affairs; 书记/副书记 → branch_leader; any 支委 role →
// branch_committee; vetted for 巡听 → unit_leader (leading cadre), fulltime_deputy (专职副书记 in the
// post) or else work_committee_member; vetted for 旁听 and nothing above → member_rep.
// Units are free text in the pool, so the unit id is the md5 of the text (same text, same unit).
import type { TPoolMember, TPoolRole, TObservationMode } from '@tingkan/shared';
import type { Queryable } from '../db';

export interface PoolEntry extends TPoolMember {
  personId: string;
  name: string;
  unit: string;
  load: number;
}

interface Row {
  person_id: string; name: string; unit: string; post: string; unit_id: string; active: boolean;
  serves_xunting: boolean; serves_pangting: boolean; is_leading_cadre: boolean; is_office: boolean;
  branch_ids: string[]; branch_roles: string[]; load: number;
}

function roles(r: Row): TPoolRole[] {
  const out = new Set<TPoolRole>();
  if (r.is_office) { out.add('office'); out.add('party_affairs'); }
  if (r.branch_roles.some((x) => x === 'secretary' || x === 'deputy_secretary')) out.add('branch_leader');
  if (r.branch_roles.some((x) => x === 'secretary' || x === 'deputy_secretary' || x === 'committee_member')) out.add('branch_committee');
  if (r.serves_xunting) out.add(r.is_leading_cadre ? 'unit_leader' : /专职副书记/.test(r.post) ? 'fulltime_deputy' : 'work_committee_member');
  if (r.serves_pangting && out.size === 0) out.add('member_rep');
  return [...out];
}

function serves(r: Row, rs: TPoolRole[]): TObservationMode[] {
  const out: TObservationMode[] = [];
  if (r.serves_xunting) out.push('xunting');
  if (r.serves_pangting) out.push('pangting');
  if (rs.includes('office') || rs.includes('branch_committee')) out.push('guancha');
  return out;
}

/** Every pool member with their branches (a 党小组 counts as its branch too), roles and this year's load. */
export async function poolFor(tx: Queryable, year: number, personIds?: string[]): Promise<PoolEntry[]> {
  const { rows } = await tx.query<Row>(
    `select op.person_id, p.name, op.unit, op.post, md5(op.unit)::uuid::text as unit_id, op.active,
            op.serves_xunting, op.serves_pangting, p.is_leading_cadre,
            exists (select 1 from office_staff s where s.person_id = op.person_id) as is_office,
            coalesce((select array_agg(distinct v.id)::text[] from memberships m join organisations o on o.id = m.org_id,
                        lateral (values (o.id), (case when o.kind = 'party_group' then o.parent_id end)) v(id)
                       where m.person_id = op.person_id and m.left_on is null and v.id is not null), '{}') as branch_ids,
            coalesce((select array_agg(distinct r)::text[] from memberships m, unnest(m.roles) r
                       where m.person_id = op.person_id and m.left_on is null), '{}') as branch_roles,
            coalesce(l.load, 0) as load
       from observer_pool op
       join people p on p.id = op.person_id
       left join app.observer_loads($1) l on l.person_id = op.person_id
      where $2::uuid[] is null or op.person_id = any($2::uuid[])
      order by op.person_id`,
    [year, personIds ?? null],
  );
  return rows.flatMap((r) => {
    const rs = roles(r);
    const sv = serves(r, rs);
    if (rs.length === 0 || sv.length === 0) return [];
    return [{
      personId: r.person_id, name: r.name, unit: r.unit, unitId: r.unit_id, branchIds: r.branch_ids,
      serves: sv, roles: rs, load: Number(r.load), available: r.active,
    }];
  });
}

/** The rule's view of a pool entry (its input schema is strict). */
export function asRuleMember(e: PoolEntry): TPoolMember {
  return { personId: e.personId, unitId: e.unitId, branchIds: e.branchIds, serves: e.serves, roles: e.roles, load: e.load, available: e.available };
}
