import type { Queryable } from './db';

export interface DemoPerson {
  id: string;
  name: string;
  label: string;
}

/** One or two of each kind of user (office, secretary, observer, member), so the demo shows every view. */
export async function listDemoPeople(tx: Queryable): Promise<DemoPerson[]> {
  const { rows } = await tx.query<DemoPerson>(
    `select id, name, label from (
       (select p.id, p.name, '机关党委办 · ' || o.name as label, 1 as k
          from office_staff s join people p on p.id = s.person_id join organisations o on o.id = s.scope_org_id
         order by o.kind, p.name limit 2)
       union all
       (select p.id, p.name, o.name || ' · 书记', 2
          from memberships m join people p on p.id = m.person_id join organisations o on o.id = m.org_id
         where 'secretary' = any (m.roles) and o.kind = 'branch' order by o.name limit 2)
       union all
       (select p.id, p.name, '观察员 · ' || op.unit, 3
          from observer_pool op join people p on p.id = op.person_id
         where not exists (select 1 from office_staff s where s.person_id = p.id) order by p.name limit 2)
       union all
       (select p.id, p.name, o.name || ' · ' || case m.status when 'full' then '正式党员' else '预备党员' end, 4
          from memberships m join people p on p.id = m.person_id join organisations o on o.id = m.org_id
         where m.roles = '{}' and m.status in ('full', 'probationary') and o.kind = 'branch'
         order by m.status desc, o.name, p.name limit 3)
     ) demo order by k, label`,
  );
  return rows;
}
