// D4: the deployment's policy = DOMAIN.md's defaults merged with the newest policy_versions row.
// Every endpoint that needs a policy number reads it here, inside its own transaction.
import { parsePolicy, type TPolicy, type TPolicyVersion } from '@tingkan/shared';
import type { Queryable } from './db';
import { instant } from './people/access';

interface VersionRow {
  id: string; value: Record<string, unknown>; reason: string; created_by: string | null; created_by_name: string | null; created_at: Date | string;
}

const VERSION_SELECT = `
  select v.id::text as id, v.value, v.reason, v.created_by, p.name as created_by_name, v.created_at
    from policy_versions v left join people p on p.id = v.created_by`;

const toVersion = (r: VersionRow): TPolicyVersion => ({
  id: Number(r.id), value: r.value, reason: r.reason, createdBy: r.created_by, createdByName: r.created_by_name, createdAt: instant(r.created_at),
});

/** The policy in force now, and the version it comes from (null: nothing stored, the defaults apply). */
export async function loadPolicyVersion(tx: Queryable): Promise<{ policy: TPolicy; version: TPolicyVersion | null }> {
  const { rows } = await tx.query<VersionRow>(`${VERSION_SELECT} order by v.id desc limit 1`);
  const row = rows[0];
  return { policy: parsePolicy(row?.value ?? {}), version: row ? toVersion(row) : null };
}

/** The policy in force now (D4). */
export async function currentPolicy(tx: Queryable): Promise<TPolicy> {
  return (await loadPolicyVersion(tx)).policy;
}

/** Newest first, keyset-paged on id. */
export async function policyHistory(tx: Queryable, limit: number, beforeId?: number): Promise<{ items: TPolicyVersion[]; nextCursor: string | null }> {
  const { rows } = await tx.query<VersionRow>(
    `${VERSION_SELECT} ${beforeId === undefined ? '' : 'where v.id < $2'} order by v.id desc limit $1`,
    beforeId === undefined ? [limit + 1] : [limit + 1, beforeId],
  );
  const items = rows.slice(0, limit).map(toVersion);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? String(last.id) : null };
}

/** Stores a new version (the old ones stay: the history is the audit of the policy). RLS: office staff only. */
export async function savePolicy(tx: Queryable, value: Record<string, unknown>, reason: string, personId: string): Promise<void> {
  parsePolicy(value); // POLICY_INVALID with the fields at fault
  await tx.query('insert into policy_versions (value, reason, created_by) values ($1::jsonb, $2, $3)', [JSON.stringify(value), reason, personId]);
}
