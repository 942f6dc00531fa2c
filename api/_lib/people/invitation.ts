// D3: the office hands a person a code for their first WeChat login; the binding uses it up.
import { randomInt } from 'node:crypto';
import { DomainError, type TInvitation } from '@tingkan/shared';
import type { Queryable } from '../db';
import { instant } from './access';

/** No 0/O, 1/I/L: the code is read aloud and typed on a phone. */
export const INVITATION_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITATION_LENGTH = 8;
/** A fixed constant, not policy: long enough to reach a retiree by post or at the next meeting. */
export const INVITATION_DAYS = 30;

export function newInvitationCode(): string {
  let code = '';
  for (let i = 0; i < INVITATION_LENGTH; i += 1) code += INVITATION_ALPHABET[randomInt(INVITATION_ALPHABET.length)];
  return code;
}

/** Issues (or replaces) the person's code. The answer is the only time the code is shown. */
export async function issueInvitation(tx: Queryable, personId: string, now: Date): Promise<TInvitation> {
  const { rows: found } = await tx.query<{ bound: boolean }>('select wechat_openid is not null as bound from people where id = $1', [personId]);
  const person = found[0];
  if (!person) throw new DomainError('NOT_FOUND');
  if (person.bound) throw new DomainError('INVITATION_NOT_NEEDED');
  const code = newInvitationCode();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 3600 * 1000);
  // RLS: office staff of the person's scope only (a refusal is FORBIDDEN); a (1 in 10^12) clash is CONFLICT.
  const { rows } = await tx.query('update people set invitation_code = $2, invitation_expires_at = $3 where id = $1 returning id', [
    personId, code, expiresAt.toISOString(),
  ]);
  if (rows.length === 0) throw new DomainError('FORBIDDEN');
  return { personId, code, expiresAt: instant(expiresAt) };
}
