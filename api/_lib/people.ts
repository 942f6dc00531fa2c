import type { TMe } from '@tingkan/shared';
import type { Queryable } from './db';

/** The caller as the app shows them: name, roles and memberships (read under RLS, so only what they may see). */
export async function loadMe(tx: Queryable, personId: string): Promise<TMe | undefined> {
  const { rows } = await tx.query<{ id: string; name: string; is_office: boolean; is_observer: boolean }>(
    `select p.id, p.name,
            exists (select 1 from office_staff s where s.person_id = p.id) as is_office,
            exists (select 1 from observer_pool o where o.person_id = p.id and o.active) as is_observer
       from people p where p.id = $1`,
    [personId],
  );
  const person = rows[0];
  if (!person) return undefined;
  const memberships = await tx.query<{ org_id: string; org_name: string; org_kind: string; status: string; roles: string[] | string }>(
    `select m.org_id, o.name as org_name, o.kind as org_kind, m.status, m.roles::text[] as roles
       from memberships m join organisations o on o.id = m.org_id
      where m.person_id = $1 and m.left_on is null
      order by o.kind, o.name`,
    [personId],
  );
  return {
    id: person.id,
    name: person.name,
    isOffice: person.is_office,
    isObserver: person.is_observer,
    memberships: memberships.rows.map((m) => ({
      orgId: m.org_id,
      orgName: m.org_name,
      orgKind: m.org_kind as TMe['memberships'][number]['orgKind'],
      status: m.status as TMe['memberships'][number]['status'],
      roles: (Array.isArray(m.roles) ? m.roles : []) as TMe['memberships'][number]['roles'],
    })),
  };
}
