// Who the caller is for office work: office staff (ORG-3) see full mobiles and may manage people.
import { DomainError, at, type FieldIssue } from '@tingkan/shared';
import type { Queryable } from '../db';

export async function callerIsOffice(tx: Queryable): Promise<boolean> {
  const { rows } = await tx.query<{ office: boolean }>('select app.is_office() as office');
  return rows[0]?.office === true;
}

/** Office-only endpoints answer 403 up front (RLS would refuse the write anyway, but a read would just be empty). */
export async function requireOffice(tx: Queryable): Promise<void> {
  if (!(await callerIsOffice(tx))) throw new DomainError('FORBIDDEN');
}

/** An instant from the database as ISO with the fixed +08:00 offset (D9). */
export function instant(value: Date | string): string {
  return at(value).format('YYYY-MM-DDTHH:mm:ssZ');
}

export function fieldError(code: ConstructorParameters<typeof DomainError>[0], path: string, message: string): DomainError {
  const fields: FieldIssue[] = [{ path, message }];
  return new DomainError(code, undefined, fields);
}

/**
 * Mobiles identify people (imports match on them), so one number belongs to one person. Taken under a
 * transaction-level lock so two concurrent writers cannot both register the same number.
 */
export async function lockMobiles(tx: Queryable): Promise<void> {
  await tx.query("select pg_advisory_xact_lock(hashtext('people.mobile'))");
}

export async function assertMobileFree(tx: Queryable, mobile: string, exceptPersonId?: string): Promise<void> {
  await lockMobiles(tx);
  // Office staff read every person (RLS), and only they write people, so this sees every number.
  const { rows } = await tx.query('select 1 from people where mobile = $1 and id is distinct from $2 limit 1', [mobile, exceptPersonId ?? null]);
  if (rows.length > 0) throw fieldError('MOBILE_TAKEN', 'mobile', '该手机号码已登记给其他人员');
}
