import { DomainError, ZDevLoginRequest, ZWechatLoginRequest, type TDevPeopleResponse } from '@tingkan/shared';
import { byAction, endpoint, handler } from '../_lib/handler';
import { env } from '../_lib/env';
import { asService } from '../_lib/db';
import { code2Session } from '../_lib/wechat';
import { bindOpenid, loginAs } from '../_lib/login';
import { listDemoPeople } from '../_lib/demo-people';
import { loginLimits } from '../_lib/rate-limit';

// D3: the demo login exists only when DEV_LOGIN=1, which env.ts refuses in production.
function requireDevLogin(): void {
  const e = env();
  if (!e.DEV_LOGIN || e.NODE_ENV === 'production') throw new DomainError('DEV_LOGIN_DISABLED');
}

const wechat = endpoint({
  auth: 'public',
  body: ZWechatLoginRequest,
  rateLimit: loginLimits,
  async run({ body }) {
    const { openid } = await code2Session(body.code);
    return loginAs(await bindOpenid(openid, body.invitationCode));
  },
});

const devLogin = endpoint({
  auth: 'public',
  body: ZDevLoginRequest,
  async run({ body }) {
    requireDevLogin();
    const found = await asService((tx) => tx.query('select 1 from people where id = $1', [body.personId]));
    if (found.rows.length === 0) throw new DomainError('NOT_FOUND', '没有这位演示人员');
    return loginAs(body.personId);
  },
});

const devPeople = endpoint({
  auth: 'public',
  async run(): Promise<TDevPeopleResponse> {
    requireDevLogin();
    const rows = await asService(listDemoPeople);
    return { people: rows.map(({ id, name, label }) => ({ id, name, label })) };
  },
});

export default byAction({
  wechat: handler({ POST: wechat }),
  'dev-login': handler({ POST: devLogin }),
  'dev-people': handler({ GET: devPeople }),
});
