import { SignJWT, UnsecuredJWT } from 'jose';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../helpers/app';
import { checkinWorld, insertMeeting } from '../helpers/checkin-world';
import { issueQr, WINDOW_SECONDS } from '../../api/_lib/qr-token';
import { issueToken } from '../../api/_lib/session';
import { setClock } from '../../api/_lib/clock';

// Issue 7, tokens: the gaps left by foundation.test.ts (another secret, expired) and checkins.test.ts
// (expired, altered signature or meeting, future, not ours, other meeting on this page).
let app: TestApp;
let w: Awaited<ReturnType<typeof checkinWorld>>;
const key = new TextEncoder().encode(TEST_JWT_SECRET);

beforeAll(async () => {
  app = await startTestApp();
  w = await checkinWorld(app.db);
});
afterAll(async () => {
  setClock(undefined);
  await app.close();
});

async function me(token: string) {
  return app.request('GET', '/api/me', { token });
}

describe('tampered login tokens (JWT) are refused with TOKEN_INVALID', () => {
  const parts = async () => (await issueToken(w.memberA)).token.split('.') as [string, string, string];
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const claims = (payload: string) => JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;

  const cases: Array<[string, () => Promise<string>]> = [
    ['sub changed to another person, signature kept', async () => {
      const [h, p, s] = await parts();
      return `${h}.${b64({ ...claims(p), sub: w.office })}.${s}`;
    }],
    ['alg changed to none, signature dropped', async () => {
      const [, p] = await parts();
      return `${b64({ alg: 'none', typ: 'JWT' })}.${p}.`;
    }],
    ['an unsecured JWT (alg none) minted from scratch', async () =>
      new UnsecuredJWT({ role: 'authenticated' }).setSubject(w.office).setIssuer('tingkan').setIssuedAt().setExpirationTime('1h').encode()],
    ['alg changed to HS512 with a signature by the same secret', async () =>
      new SignJWT({ role: 'authenticated' }).setProtectedHeader({ alg: 'HS512' }).setSubject(w.memberA).setIssuer('tingkan')
        .setIssuedAt().setExpirationTime('1h').sign(key)],
    ['one character of the signature changed', async () => {
      const [h, p, s] = await parts();
      return `${h}.${p}.${s.startsWith('A') ? 'B' : 'A'}${s.slice(1)}`;
    }],
    ['the signature of another token', async () => {
      const [h, p] = await parts();
      const [, , other] = (await issueToken(w.office)).token.split('.');
      return `${h}.${p}.${other}`;
    }],
    ['exp pushed a year ahead, signature kept', async () => {
      const [h, p, s] = await parts();
      return `${h}.${b64({ ...claims(p), exp: Math.floor(Date.now() / 1000) + 365 * 86400 })}.${s}`;
    }],
    ['role changed to service_role, re-signed with the right secret', async () =>
      new SignJWT({ role: 'service_role' }).setProtectedHeader({ alg: 'HS256' }).setSubject(w.memberA).setIssuer('tingkan')
        .setIssuedAt().setExpirationTime('1h').sign(key)],
    ['another issuer, right secret', async () =>
      new SignJWT({ role: 'authenticated' }).setProtectedHeader({ alg: 'HS256' }).setSubject(w.memberA).setIssuer('supabase')
        .setIssuedAt().setExpirationTime('1h').sign(key)],
    ['no sub at all, right secret', async () =>
      new SignJWT({ role: 'authenticated' }).setProtectedHeader({ alg: 'HS256' }).setIssuer('tingkan').setIssuedAt().setExpirationTime('1h').sign(key)],
    ['two tokens glued together', async () => `${(await issueToken(w.memberA)).token}.${(await issueToken(w.office)).token}`],
  ];
  it.each(cases)('%s', async (_name, make) => {
    const res = await me(await make());
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('TOKEN_INVALID');
  });

  it('a well-signed token for a person who does not exist is a stale login (TOKEN_INVALID), not a 500', async () => {
    const res = await me((await issueToken('7f0c3a52-8d1e-4b7a-9c2d-1e2f3a4b5c6d')).token);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('TOKEN_INVALID');
  });

  it('a well-signed token whose sub is not a uuid is refused without reaching a 500', async () => {
    const token = await new SignJWT({ role: 'authenticated' }).setProtectedHeader({ alg: 'HS256' }).setSubject("'; drop table people; --")
      .setIssuer('tingkan').setIssuedAt().setExpirationTime('1h').sign(key);
    const res = await me(token);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('an expired token is refused on a write too, and nothing is written', async () => {
    const expired = await new SignJWT({ role: 'authenticated' }).setProtectedHeader({ alg: 'HS256' }).setSubject(w.memberA)
      .setIssuer('tingkan').setIssuedAt(1_700_000_000).setExpirationTime(1_700_003_600).sign(key);
    const res = await app.request('POST', '/api/attendance', { token: expired, body: { meetingId: w.meeting, state: 'confirmed' } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('TOKEN_EXPIRED');
    const { rows } = await app.db.query('select 1 from attendance where meeting_id = $1 and person_id = $2', [w.meeting, w.memberA]);
    expect(rows).toEqual([]);
  });
});

describe('QR payloads: replayed, other-meeting and malformed variants', () => {
  const scan = async (personId: string, body: Record<string, unknown>) =>
    app.request('POST', '/api/checkins', { token: (await issueToken(personId)).token, body });

  it('a payload reused after its window and grace is replayed: QR_EXPIRED, though it worked inside the window', async () => {
    const t0 = Date.now();
    setClock(new Date(t0));
    const payload = issueQr(w.meeting, t0).payload;
    try {
      expect((await scan(w.extra[0]!, { payload })).status).toBe(200);
      // One window later it still works (the grace for a scan straddling a change)...
      setClock(new Date(t0 + WINDOW_SECONDS * 1000));
      expect((await scan(w.extra[1]!, { payload })).status).toBe(200);
      // ...two windows later the photo relayed home has stopped working.
      setClock(new Date(t0 + 2 * WINDOW_SECONDS * 1000 + 1000));
      const late = await scan(w.extra[2]!, { payload });
      expect(late.status).toBe(410);
      expect(late.body.error.code).toBe('QR_EXPIRED');
    } finally {
      setClock(undefined);
    }
    const { rows } = await app.db.query('select 1 from attendance where meeting_id = $1 and person_id = $2', [w.meeting, w.extra[2]]);
    expect(rows).toEqual([]);
  });

  it('a valid code of another meeting checks in to that meeting only, where the scanner is not on the roster: NOT_ON_ROSTER', async () => {
    const otherBranchMeeting = await insertMeeting(app.db, { orgId: w.branchB });
    const res = await scan(w.memberA, { payload: issueQr(otherBranchMeeting, Date.now()).payload });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('NOT_ON_ROSTER');
  });

  it('a code for a meeting that does not exist, correctly signed, is refused without a write', async () => {
    const res = await scan(w.memberA, { payload: issueQr('7f0c3a52-8d1e-4b7a-9c2d-1e2f3a4b5c6d', Date.now()).payload });
    expect([403, 404]).toContain(res.status);
  });

  const malformed: Array<[string, string, (p: string) => string]> = [
    ['the window changed, signature kept', 'QR_FORGED', (p) => p.replace(/^(TK1\.[0-9a-f]{32}\.)([0-9a-z]+)/, (_m, a: string, win: string) => `${a}${(parseInt(win, 36) - 1).toString(36)}`)],
    ['a made-up signature', 'QR_FORGED', (p) => p.replace(/\.[A-Za-z0-9_-]{22}$/, '.' + 'A'.repeat(22))],
    ['the prefix of another version', 'QR_MALFORMED', (p) => p.replace(/^TK1/, 'TK2')],
    ['the signature truncated', 'QR_MALFORMED', (p) => p.slice(0, -1)],
    ['the h5 link form with an altered signature', 'QR_FORGED', (p) => `https://example.com/#/pages/scan/index?qr=${encodeURIComponent(p.slice(0, -1) + (p.endsWith('A') ? 'B' : 'A'))}`],
    ['the h5 link form with broken percent-encoding', 'QR_MALFORMED', () => 'https://example.com/?qr=%E0%A4%A'],
  ];
  it.each(malformed)('%s → %s', async (_name, code, alter) => {
    const res = await scan(w.secretaryA, { payload: alter(issueQr(w.meeting, Date.now()).payload) });
    expect(res.body.error?.code).toBe(code);
    expect(res.status).toBeLessThan(500);
  });
});
