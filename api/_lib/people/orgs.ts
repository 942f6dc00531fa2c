// ORG-1: the organisation tree as the office manages it. Tree rules come from the shared validator.
import { DomainError, validateOrgTree, type TCreateOrgRequest, type TOrg, type TOrgKind, type TOrgTreeNode, type TUpdateOrgRequest } from '@tingkan/shared';
import type { Queryable } from '../db';
import { fieldError } from './access';

interface OrgRow { id: string; parent_id: string | null; kind: TOrgKind; name: string; has_committee: boolean; member_count: number }

const toOrg = (r: OrgRow): TOrg => ({
  id: r.id, parentId: r.parent_id, kind: r.kind, name: r.name, hasCommittee: r.has_committee, memberCount: r.member_count,
});

/** The caller's scope: the office's subtrees, or the organisations the caller belongs to (with their 党小组s). */
const SCOPE_CTE = `
  with recursive scope as (
    select id from organisations
     where case when $1::uuid is null
                then id in (select app.office_org_ids()) or id in (select app.my_org_ids())
                else id = $1::uuid end
    union
    select c.id from organisations c join scope s on c.parent_id = s.id
  )`;

/** The tree of the caller's scope, or of one subtree of it (rootId), with current member counts. */
export async function loadTree(tx: Queryable, rootId?: string): Promise<{ roots: TOrgTreeNode[]; count: number }> {
  if (rootId) {
    const { rows } = await tx.query(
      'select 1 where app.in_office_scope($1::uuid) or $1::uuid in (select app.my_org_ids())', [rootId],
    );
    if (rows.length === 0) throw new DomainError('NOT_FOUND');
  }
  const { rows } = await tx.query<OrgRow>(
    `${SCOPE_CTE}
     select o.id, o.parent_id, o.kind, o.name, o.has_committee, coalesce(mc.n, 0)::int as member_count
       from organisations o
       join scope s on s.id = o.id
       left join lateral (
         select count(*) as n from memberships m where m.org_id = o.id and m.left_on is null
       ) mc on true
      order by o.kind, o.name, o.id`,
    [rootId ?? null],
  );
  const nodes = new Map<string, TOrgTreeNode>(rows.map((r) => [r.id, { ...toOrg(r), children: [] }]));
  const roots: TOrgTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return { roots, count: nodes.size };
}

export async function loadOrg(tx: Queryable, id: string): Promise<TOrg> {
  const { rows } = await tx.query<OrgRow>(
    `select o.id, o.parent_id, o.kind, o.name, o.has_committee,
            (select count(*) from memberships m where m.org_id = o.id and m.left_on is null)::int as member_count
       from organisations o where o.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) throw new DomainError('NOT_FOUND');
  return toOrg(row);
}

/** The chain from an organisation up to the root (itself first). */
async function ancestors(tx: Queryable, id: string): Promise<{ id: string; parentId: string | null; kind: TOrgKind }[]> {
  const { rows } = await tx.query<{ id: string; parent_id: string | null; kind: TOrgKind }>(
    `with recursive up as (
       select id, parent_id, kind, 0 as depth from organisations where id = $1
       union all
       select o.id, o.parent_id, o.kind, up.depth + 1 from organisations o join up on o.id = up.parent_id where up.depth < 64
     )
     select id, parent_id, kind from up order by depth`,
    [id],
  );
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, kind: r.kind }));
}

/** ORG-1: the node (new or moved) must fit under its parent, and its children must still fit under it. */
async function assertFits(tx: Queryable, node: { id: string; parentId: string; kind: TOrgKind }, children: { id: string; kind: TOrgKind }[]): Promise<void> {
  const chain = await ancestors(tx, node.parentId);
  if (chain.length === 0) throw fieldError('ORG_TREE_INVALID', 'parentId', '上级组织不存在');
  if (chain.some((a) => a.id === node.id)) throw fieldError('ORG_TREE_INVALID', 'parentId', '不能把组织移到它自己的下级组织之下');
  const { issues } = validateOrgTree([
    ...chain,
    node,
    ...children.map((c) => ({ id: c.id, parentId: node.id, kind: c.kind })),
  ]);
  const issue = issues[0];
  if (issue) throw fieldError('ORG_TREE_INVALID', issue.orgId === node.id ? 'parentId' : 'kind', issue.messageZh);
}

export async function createOrg(tx: Queryable, body: TCreateOrgRequest, id: string): Promise<void> {
  await assertFits(tx, { id, parentId: body.parentId, kind: body.kind }, []);
  // RLS: the parent must be in the caller's office scope (a refusal is FORBIDDEN).
  await tx.query('insert into organisations (id, parent_id, kind, name, has_committee) values ($1, $2, $3, $4, $5)', [
    id, body.parentId, body.kind, body.name, body.hasCommittee,
  ]);
}

export async function updateOrg(tx: Queryable, id: string, body: TUpdateOrgRequest): Promise<void> {
  const current = await loadOrg(tx, id);
  const parentId = body.parentId ?? current.parentId;
  const kind = body.kind ?? current.kind;
  if ((body.parentId !== undefined || body.kind !== undefined)) {
    if (parentId === null) throw fieldError('ORG_TREE_INVALID', 'kind', '机关工委是最上级组织，不能修改类型');
    const { rows: children } = await tx.query<{ id: string; kind: TOrgKind }>('select id, kind from organisations where parent_id = $1', [id]);
    await assertFits(tx, { id, parentId, kind }, children);
  }
  const { rows } = await tx.query(
    `update organisations set parent_id = $2, kind = $3, name = coalesce($4, name), has_committee = coalesce($5, has_committee)
      where id = $1 returning id`,
    [id, parentId, kind, body.name ?? null, body.hasCommittee ?? null],
  );
  // Visible (every signed-in person reads the tree) but outside the caller's office scope.
  if (rows.length === 0) throw new DomainError('FORBIDDEN');
}
