import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../api/_lib/db/port';

// Builders insert as the database owner (no RLS), so each test states exactly the world it needs.

export async function insertOrg(db: Queryable, o: { kind: string; name: string; parentId?: string | null; hasCommittee?: boolean }): Promise<string> {
  const id = randomUUID();
  await db.query('insert into organisations (id, parent_id, kind, name, has_committee) values ($1, $2, $3, $4, $5)', [
    id, o.parentId ?? null, o.kind, o.name, o.hasCommittee ?? false,
  ]);
  return id;
}

export async function insertPerson(db: Queryable, p: { name: string; mobile?: string; openid?: string; invitationCode?: string; invitationExpiresAt?: string }): Promise<string> {
  const id = randomUUID();
  await db.query(
    'insert into people (id, name, mobile, wechat_openid, invitation_code, invitation_expires_at) values ($1, $2, $3, $4, $5, $6)',
    [id, p.name, p.mobile ?? null, p.openid ?? null, p.invitationCode ?? null, p.invitationExpiresAt ?? null],
  );
  return id;
}

export async function addMember(db: Queryable, personId: string, orgId: string, status = 'full', roles: string[] = []): Promise<void> {
  await db.query('insert into memberships (person_id, org_id, status, roles) values ($1, $2, $3, $4::branch_role[])', [
    personId, orgId, status, roles,
  ]);
}

export async function addOffice(db: Queryable, personId: string, scopeOrgId: string): Promise<void> {
  await db.query('insert into office_staff (person_id, scope_org_id) values ($1, $2)', [personId, scopeOrgId]);
}

/** A small world: a work committee, one department, two branches with a secretary and a member each, and an office person. */
export async function twoBranches(db: Queryable) {
  const root = await insertOrg(db, { kind: 'work_committee', name: '测试机关工委' });
  const dept = await insertOrg(db, { kind: 'department_committee', name: '测试局党组', parentId: root });
  const branchA = await insertOrg(db, { kind: 'branch', name: '甲党支部', parentId: dept, hasCommittee: true });
  const branchB = await insertOrg(db, { kind: 'branch', name: '乙党支部', parentId: dept });
  const secretaryA = await insertPerson(db, { name: '甲书记' });
  const memberA = await insertPerson(db, { name: '甲党员', mobile: '13812341234' });
  const secretaryB = await insertPerson(db, { name: '乙书记' });
  const memberB = await insertPerson(db, { name: '乙党员' });
  const office = await insertPerson(db, { name: '办公室干部' });
  await addMember(db, secretaryA, branchA, 'full', ['secretary']);
  await addMember(db, memberA, branchA);
  await addMember(db, secretaryB, branchB, 'full', ['secretary']);
  await addMember(db, memberB, branchB, 'probationary');
  await addOffice(db, office, root);
  return { root, dept, branchA, branchB, secretaryA, memberA, secretaryB, memberB, office };
}
