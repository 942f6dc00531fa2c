import { DomainError } from '@tingkan/shared';
import { endpoint, handler } from './_lib/handler';
import { loadMe } from './_lib/people';

export default handler({
  GET: endpoint({
    auth: 'user',
    async run({ caller, tx }) {
      const me = await loadMe(tx, caller.sub);
      // A valid token for a person that no longer exists is a stale login.
      if (!me) throw new DomainError('TOKEN_INVALID');
      return me;
    },
  }),
});
