import { DomainError } from '@tingkan/shared';
import type { Queryable } from '../db';

/** The organisation exists and is a 党支部 (plans, candidates and exemptions are filed per branch). */
export async function requireBranch(tx: Queryable, orgId: string): Promise<{ id: string; name: string }> {
  const { rows } = await tx.query<{ id: string; name: string; kind: string }>('select id, name, kind from organisations where id = $1', [orgId]);
  const org = rows[0];
  if (!org) throw new DomainError('NOT_FOUND', '没有找到这个组织');
  if (org.kind !== 'branch') throw new DomainError('VALIDATION_FAILED', '只能为党支部办理', [{ path: 'orgId', message: '不是党支部' }]);
  return org;
}
