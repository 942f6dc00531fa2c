// Whose branches an office person may work on: organisations of kind 'branch' under their office scope
// (app.office_org_ids()), each with its department (the department committee above it, OBS-3/OBS-4).
import { DomainError, onDate, toDateString } from '@tingkan/shared';
import type { Queryable } from '../db';

export interface ScopeBranch {
  id: string;
  name: string;
  departmentId: string;
  departmentName: string;
  hasCommittee: boolean;
  groupIds: string[];
}

/** Office staff only: anyone else gets FORBIDDEN before any SQL work is done. */
export async function requireOffice(tx: Queryable): Promise<void> {
  const { rows } = await tx.query<{ ok: boolean }>('select app.is_office() as ok');
  if (!rows[0]?.ok) throw new DomainError('FORBIDDEN', '只有机关党委办（工委）工作人员可以进行此操作');
}

/** The caller's widest office scope (the organisation nearest the root), or a given one if it is in scope. */
export async function scopeRoot(tx: Queryable, wanted?: string): Promise<string> {
  await requireOffice(tx);
  if (wanted) {
    const ok = await tx.query<{ ok: boolean }>('select app.in_office_scope($1::uuid) as ok', [wanted]);
    if (!ok.rows[0]?.ok) throw new DomainError('FORBIDDEN', '该组织不在您的管理范围内');
    return wanted;
  }
  const { rows } = await tx.query<{ id: string }>(
    `with recursive up as (
       select s.scope_org_id as scope, o.parent_id, 0 as depth
         from office_staff s join organisations o on o.id = s.scope_org_id where s.person_id = (select auth.uid())
       union all
       select up.scope, p.parent_id, up.depth + 1 from up join organisations p on p.id = up.parent_id
     )
     select scope as id from up group by scope order by max(depth), scope limit 1`,
  );
  const root = rows[0]?.id;
  if (!root) throw new DomainError('FORBIDDEN');
  return root;
}

/**
 * Branches under `rootId` (inclusive) that the caller's office scope covers, sorted by department and name.
 * The scope rides down the walk (in scope: the root is (app.in_office_scope), or the organisation is one of the
 * caller's scope roots, or its parent is): the same set as `id in app.office_org_ids()`, without joining every
 * organisation of a province against that set (a nested loop of 10,000 × 10,000 rows: issue 7). The department's
 * name rides down too, and the 党小组s are grouped from the walk: no lookup per branch.
 */
export async function branchesUnder(tx: Queryable, rootId: string, page?: { limit: number; offset: number }): Promise<{ branches: ScopeBranch[]; total: number }> {
  const { rows } = await tx.query<ScopeBranch & { total: string }>(
    `with recursive tree as (
       select o.id, o.parent_id, o.kind, o.name, o.has_committee, case when o.kind = 'department_committee' then o.id end as department_id,
              case when o.kind = 'department_committee' then o.name end as department_name,
              app.in_office_scope(o.id) as in_scope
         from organisations o where o.id = $1
       union all
       select c.id, c.parent_id, c.kind, c.name, c.has_committee,
              case when c.kind = 'department_committee' then c.id else t.department_id end,
              case when c.kind = 'department_committee' then c.name else t.department_name end,
              t.in_scope or c.id in (select s.scope_org_id from office_staff s where s.person_id = (select auth.uid()))
         from organisations c join tree t on c.parent_id = t.id
     ), groups as (
       -- The walk already passed every 党小组 under the root: grouped here, not looked up again per branch.
       select parent_id, array_agg(id order by name, id) as ids from tree where kind = 'party_group' group by parent_id
     )
     select t.id, t.name, coalesce(t.department_id, $1::uuid) as "departmentId",
            coalesce(t.department_name, r.name) as "departmentName", t.has_committee as "hasCommittee",
            coalesce(g.ids, '{}') as "groupIds",
            count(*) over () as total
       from tree t
       left join groups g on g.parent_id = t.id
       join organisations r on r.id = $1
      where t.kind = 'branch' and t.in_scope
      order by "departmentName", t.name, t.id
      limit $2 offset $3`,
    [rootId, page?.limit ?? 100000, page?.offset ?? 0],
  );
  return { branches: rows.map(({ total: _t, ...b }) => b), total: Number(rows[0]?.total ?? 0) };
}

/** [start, end) of a Shanghai calendar year as instants, for index-friendly range filters. */
export function yearRange(year: number): [string, string] {
  return [onDate(`${year}-01-01`).format(), onDate(`${year + 1}-01-01`).format()];
}

export function shanghaiDate(d: Date | string): string {
  return toDateString(new Date(d).toISOString());
}
