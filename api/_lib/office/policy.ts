// The deployment's policy for the office endpoints (D4). One door, so it can be swapped for the
// shared api/_lib/policy.ts loader once that lands: the newest stored version over the defaults.
import { parsePolicy, type TPolicy } from '@tingkan/shared';
import type { Queryable } from '../db';

export async function currentPolicy(tx: Queryable): Promise<TPolicy> {
  const { rows } = await tx.query<{ value: unknown }>('select value from policy_versions order by id desc limit 1');
  return parsePolicy(rows[0]?.value ?? {});
}
