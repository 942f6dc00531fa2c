// ORG-2, ORG-3: people as the office manages them. Reads run under RLS; mobiles are masked for
// everyone but office staff (ORG-4: personal data).
import { DomainError, maskMobile, type TCreatePersonRequest, type TPeopleList, type TPeopleQuery, type TPerson, type TPersonMembership, type TUpdatePersonRequest } from '@tingkan/shared';
import type { Queryable } from '../db';
import { assertMobileFree, callerIsOffice, instant } from './access';
import { decodeCursor, page } from './cursor';

interface PersonRow {
  id: string; name: string; gender: 'male' | 'female' | null; mobile: string | null; unit: string | null; post: string | null;
  is_leading_cadre: boolean; wechat_bound: boolean; invitation_expires_at: Date | string | null;
}

const PERSON_COLUMNS = `p.id, p.name, p.gender, p.mobile, p.unit, p.post, p.is_leading_cadre,
  p.wechat_openid is not null as wechat_bound, p.invitation_expires_at`;

interface MembershipRow {
  id: string; person_id: string; org_id: string; org_name: string; org_kind: TPersonMembership['orgKind'];
  status: TPersonMembership['status']; roles: string[]; joined_on: string; left_on: string | null;
}

/** Memberships of some people (current and ended), as far as the caller may read them. */
export async function membershipsOf(tx: Queryable, personIds: string[]): Promise<Map<string, TPersonMembership[]>> {
  const byPerson = new Map<string, TPersonMembership[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return byPerson;
  const { rows } = await tx.query<MembershipRow>(
    `select m.id, m.person_id, m.org_id, o.name as org_name, o.kind as org_kind, m.status, m.roles::text[] as roles,
            to_char(m.joined_on, 'YYYY-MM-DD') as joined_on, to_char(m.left_on, 'YYYY-MM-DD') as left_on
       from memberships m join organisations o on o.id = m.org_id
      where m.person_id = any ($1::uuid[])
      order by m.left_on nulls first, o.name`,
    [personIds],
  );
  for (const r of rows) {
    byPerson.get(r.person_id)?.push({
      id: r.id, orgId: r.org_id, orgName: r.org_name, orgKind: r.org_kind, status: r.status,
      roles: r.roles as TPersonMembership['roles'], joinedOn: r.joined_on, leftOn: r.left_on,
    });
  }
  return byPerson;
}

function toPerson(r: PersonRow, office: boolean, memberships: TPersonMembership[]): TPerson {
  return {
    id: r.id, name: r.name, gender: r.gender,
    mobile: r.mobile === null ? null : office ? r.mobile : maskMobile(r.mobile),
    unit: r.unit, post: r.post, isLeadingCadre: r.is_leading_cadre, wechatBound: r.wechat_bound,
    invitationExpiresAt: r.invitation_expires_at === null ? null : instant(r.invitation_expires_at),
    memberships,
  };
}

/**
 * GET /api/people: name prefix or mobile prefix, optionally the current members of one organisation;
 * keyset-paged on (name, id) in the "C" collation so the people_name_idx index serves filter and order.
 */
export async function listPeople(tx: Queryable, query: TPeopleQuery): Promise<TPeopleList> {
  const after = decodeCursor(query.cursor, 2);
  // Only the filters asked for reach the SQL, so each plan can use its index (no "$1 is null or ..." branches).
  const params: unknown[] = [];
  const where: string[] = [];
  const arg = (v: unknown): string => `$${params.push(v)}`;
  if (query.q) {
    const prefix = `${query.q.replace(/[\\%_]/g, '\\$&')}%`;
    where.push(/^\d+$/.test(query.q) ? `p.mobile like ${arg(prefix)}` : `p.name collate "C" like ${arg(prefix)}`);
  }
  if (query.orgId) {
    where.push(`exists (select 1 from memberships m where m.org_id = ${arg(query.orgId)} and m.person_id = p.id and m.left_on is null)`);
  }
  if (after) where.push(`(p.name collate "C", p.id) > (${arg(after[0])}::text collate "C", ${arg(after[1])}::uuid)`);
  const { rows } = await tx.query<PersonRow>(
    `select ${PERSON_COLUMNS} from people p
      ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
      order by p.name collate "C", p.id
      limit ${arg(query.limit + 1)}`,
    params,
  );
  const office = await callerIsOffice(tx);
  const memberships = await membershipsOf(tx, rows.slice(0, query.limit).map((r) => r.id));
  return page(rows, query.limit, (r) => toPerson(r, office, memberships.get(r.id) ?? []), (r) => [r.name, r.id]);
}

export async function loadPerson(tx: Queryable, id: string): Promise<TPerson> {
  const { rows } = await tx.query<PersonRow>(`select ${PERSON_COLUMNS} from people p where p.id = $1`, [id]);
  const row = rows[0];
  if (!row) throw new DomainError('NOT_FOUND');
  const memberships = await membershipsOf(tx, [id]);
  return toPerson(row, await callerIsOffice(tx), memberships.get(id) ?? []);
}

export async function insertPerson(tx: Queryable, id: string, body: Omit<TCreatePersonRequest, 'membership'>): Promise<void> {
  if (body.mobile) await assertMobileFree(tx, body.mobile);
  // RLS: only office staff add people (a refusal is FORBIDDEN).
  await tx.query(
    'insert into people (id, name, gender, mobile, unit, post, is_leading_cadre) values ($1, $2, $3, $4, $5, $6, $7)',
    [id, body.name, body.gender ?? null, body.mobile ?? null, body.unit ?? null, body.post ?? null, body.isLeadingCadre],
  );
}

const PERSON_FIELDS: Record<keyof TUpdatePersonRequest, string> = {
  name: 'name', gender: 'gender', mobile: 'mobile', unit: 'unit', post: 'post', isLeadingCadre: 'is_leading_cadre',
};

export async function updatePerson(tx: Queryable, id: string, body: TUpdatePersonRequest): Promise<void> {
  await loadPerson(tx, id); // NOT_FOUND before FORBIDDEN
  if (body.mobile) await assertMobileFree(tx, body.mobile, id);
  const keys = (Object.keys(body) as (keyof TUpdatePersonRequest)[]).filter((k) => body[k] !== undefined);
  const sets = keys.map((k, i) => `${PERSON_FIELDS[k]} = $${i + 2}`);
  const { rows } = await tx.query(`update people set ${sets.join(', ')} where id = $1 returning id`, [id, ...keys.map((k) => body[k])]);
  // RLS: office staff edit the people of their own scope (or not yet placed anywhere).
  if (rows.length === 0) throw new DomainError('FORBIDDEN');
}
