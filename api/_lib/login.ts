import { DomainError, type TLoginResponse } from '@tingkan/shared';
import { asService, withCaller } from './db';
import { issueToken } from './session';
import { loadMe } from './people';

/** Issues our JWT and answers with who the person is, read as that person (so RLS shapes the answer). */
export async function loginAs(personId: string): Promise<TLoginResponse> {
  const { token, expiresAt } = await issueToken(personId);
  const me = await withCaller({ sub: personId, role: 'authenticated' }, (tx) => loadMe(tx, personId));
  if (!me) throw new DomainError('NOT_FOUND');
  return { token, expiresAt, me };
}

/**
 * D3 / anti-proxy: one WeChat account is bound to one person. A known openid logs straight in;
 * an unknown one needs the invitation code the office issued, which is used up by the binding.
 */
export async function bindOpenid(openid: string, invitationCode: string | undefined, now = new Date()): Promise<string> {
  return asService(async (tx) => {
    const known = await tx.query<{ id: string }>('select id from people where wechat_openid = $1', [openid]);
    if (known.rows[0]) return known.rows[0].id;
    if (!invitationCode) throw new DomainError('INVITATION_REQUIRED');
    const invited = await tx.query<{ id: string; wechat_openid: string | null; invitation_expires_at: Date | null }>(
      'select id, wechat_openid, invitation_expires_at from people where invitation_code = $1 for update',
      [invitationCode],
    );
    const person = invited.rows[0];
    if (!person || (person.invitation_expires_at && new Date(person.invitation_expires_at) < now)) {
      throw new DomainError('INVITATION_INVALID');
    }
    if (person.wechat_openid) throw new DomainError('WECHAT_ALREADY_BOUND');
    await tx.query('update people set wechat_openid = $1, invitation_code = null, invitation_expires_at = null where id = $2', [
      openid, person.id,
    ]);
    return person.id;
  });
}
