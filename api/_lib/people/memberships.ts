// ORG-2 status and ORG-3 roles of a person in one organisation; left_on ends a membership (the row stays).
import { DomainError, roleIssue, roleOrgIssue, type FieldIssue, type TBranchRole, type TMemberStatus, type TMembershipInput, type TOrgKind, type TPersonMembership, type TUpdateMembershipRequest } from '@tingkan/shared';
import type { Queryable } from '../db';
import { loadPerson, membershipsOf } from './people';

/** ORG-2, ORG-3: roles need a 正式党员, and must fit the kind of organisation. */
function assertRolesFit(status: TMemberStatus, roles: TBranchRole[], orgKind: TOrgKind): void {
  const fields: FieldIssue[] = [];
  const byStatus = roleIssue(status, roles);
  if (byStatus) fields.push({ path: 'roles', message: byStatus });
  const byOrg = roleOrgIssue(orgKind, roles);
  if (byOrg) fields.push({ path: 'roles', message: byOrg });
  if (fields.length > 0) throw new DomainError('MEMBERSHIP_INVALID', undefined, fields);
}

async function orgKind(tx: Queryable, orgId: string): Promise<TOrgKind> {
  const { rows } = await tx.query<{ kind: TOrgKind }>('select kind from organisations where id = $1', [orgId]);
  const row = rows[0];
  if (!row) throw new DomainError('VALIDATION_FAILED', undefined, [{ path: 'orgId', message: '组织不存在' }]);
  return row.kind;
}

async function findMembership(tx: Queryable, personId: string, orgId: string): Promise<TPersonMembership | undefined> {
  return (await membershipsOf(tx, [personId])).get(personId)?.find((m) => m.orgId === orgId);
}

export async function addMembership(tx: Queryable, personId: string, input: TMembershipInput): Promise<TPersonMembership> {
  await loadPerson(tx, personId);
  assertRolesFit(input.status, input.roles, await orgKind(tx, input.orgId));
  if (await findMembership(tx, personId, input.orgId)) throw new DomainError('MEMBERSHIP_EXISTS');
  // RLS: the organisation must be in the caller's office scope (a refusal is FORBIDDEN).
  await tx.query(
    `insert into memberships (person_id, org_id, status, roles, joined_on)
     values ($1, $2, $3, $4::branch_role[], coalesce($5::date, (now() at time zone 'Asia/Shanghai')::date))`,
    [personId, input.orgId, input.status, input.roles, input.joinedOn ?? null],
  );
  const created = await findMembership(tx, personId, input.orgId);
  if (!created) throw new DomainError('FORBIDDEN');
  return created;
}

export async function changeMembership(tx: Queryable, personId: string, change: TUpdateMembershipRequest): Promise<TPersonMembership> {
  const current = await findMembership(tx, personId, change.orgId);
  if (!current) throw new DomainError('NOT_FOUND', '没有找到该人员在这个组织中的组织关系');
  const status = change.status ?? current.status;
  const roles = change.roles ?? current.roles;
  assertRolesFit(status, roles, current.orgKind);
  const leftOn = change.leftOn === undefined ? current.leftOn : change.leftOn;
  if (leftOn !== null && leftOn < current.joinedOn) {
    throw new DomainError('MEMBERSHIP_INVALID', undefined, [{ path: 'leftOn', message: `离开日期不能早于加入日期 ${current.joinedOn}` }]);
  }
  const { rows } = await tx.query(
    'update memberships set status = $2, roles = $3::branch_role[], left_on = $4::date where id = $1 returning id',
    [current.id, status, roles, leftOn],
  );
  if (rows.length === 0) throw new DomainError('FORBIDDEN');
  const changed = await findMembership(tx, personId, change.orgId);
  if (!changed) throw new DomainError('FORBIDDEN');
  return changed;
}
