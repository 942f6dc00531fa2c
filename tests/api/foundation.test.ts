import { SignJWT } from 'jose';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../helpers/app';
import { twoBranches } from '../helpers/builders';
import { parseEnv, EnvError } from '../../api/_lib/env';
import { appliedMigrationCount } from '../../api/_lib/db/migrate';

let app: TestApp;
let world: Awaited<ReturnType<typeof twoBranches>>;
beforeAll(async () => {
  app = await startTestApp();
  world = await twoBranches(app.db);
});
afterAll(() => app.close());

async function tokenFor(personId: string): Promise<string> {
  const res = await app.request('POST', '/api/auth/dev-login', { body: { personId } });
  expect(res.status).toBe(200);
  return res.body.token as string;
}

describe('GET /api/health', () => {
  it('names the database engine and the applied migration count', async () => {
    const res = await app.request('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ok: true,
      database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
      migrations: await appliedMigrationCount(app.db),
    });
  });
});

describe('bad input gets the envelope, never a 500', () => {
  const cases: Array<[string, string, string, { body?: unknown; headers?: Record<string, string>; token?: string }, number, string]> = [
    ['unknown route', 'GET', '/api/no-such-thing', {}, 404, 'NOT_FOUND'],
    ['unknown auth action', 'POST', '/api/auth/nope', { body: {} }, 404, 'NOT_FOUND'],
    ['wrong method', 'DELETE', '/api/health', {}, 405, 'METHOD_NOT_ALLOWED'],
    ['malformed JSON', 'POST', '/api/auth/dev-login', { body: '{"personId":', headers: { 'content-type': 'application/json' } }, 400, 'INVALID_JSON'],
    ['wrong content type', 'POST', '/api/auth/dev-login', { body: 'personId=1', headers: { 'content-type': 'text/plain' } }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a field of the wrong shape', 'POST', '/api/auth/dev-login', { body: { personId: 42 } }, 400, 'VALIDATION_FAILED'],
    ['an unknown field', 'POST', '/api/auth/dev-login', { body: { personId: '7f0c3a52-8d1e-4b7a-9c2d-1e2f3a4b5c6d', admin: true } }, 400, 'VALIDATION_FAILED'],
    ['a person who does not exist', 'POST', '/api/auth/dev-login', { body: { personId: '7f0c3a52-8d1e-4b7a-9c2d-1e2f3a4b5c6d' } }, 404, 'NOT_FOUND'],
    ['no token', 'GET', '/api/me', {}, 401, 'UNAUTHENTICATED'],
    ['a garbage token', 'GET', '/api/me', { token: 'not.a.jwt' }, 401, 'TOKEN_INVALID'],
  ];
  it.each(cases)('%s → %i %s', async (_name, method, path, options, status, code) => {
    const res = await app.request(method, path, options);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('names the bad field in Chinese', async () => {
    const res = await app.request('POST', '/api/auth/dev-login', { body: {} });
    expect(res.body.error.fields).toEqual([{ path: 'personId', message: '必填' }]);
  });

  it('a token signed with another secret is refused (TOKEN_INVALID)', async () => {
    const forged = await new SignJWT({ role: 'authenticated' }).setProtectedHeader({ alg: 'HS256' })
      .setSubject(world.memberA).setIssuer('tingkan').setIssuedAt().setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-secret-0123456789-abcdefghijkl'));
    const res = await app.request('GET', '/api/me', { token: forged });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('TOKEN_INVALID');
  });

  it('an expired token is refused (TOKEN_EXPIRED)', async () => {
    const expired = await new SignJWT({ role: 'authenticated' }).setProtectedHeader({ alg: 'HS256' })
      .setSubject(world.memberA).setIssuer('tingkan').setIssuedAt(1_700_000_000).setExpirationTime(1_700_003_600)
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const res = await app.request('GET', '/api/me', { token: expired });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('TOKEN_EXPIRED');
  });
});

describe('dev login (D3)', () => {
  it('logs in as a demo person and /api/me says who they are', async () => {
    const token = await tokenFor(world.secretaryA);
    const res = await app.request('GET', '/api/me', { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: world.secretaryA, name: '甲书记', isOffice: false, isObserver: false });
    expect(res.body.memberships).toEqual([
      { orgId: world.branchA, orgName: '甲党支部', orgKind: 'branch', status: 'full', roles: ['secretary'] },
    ]);
  });

  it('is refused when DEV_LOGIN is off', async () => {
    const { setEnv } = await import('../../api/_lib/env');
    setEnv(parseEnv({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, DEV_LOGIN: '0' }));
    try {
      const res = await app.request('POST', '/api/auth/dev-login', { body: { personId: world.memberA } });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('DEV_LOGIN_DISABLED');
      expect((await app.request('GET', '/api/auth/dev-people')).body.error.code).toBe('DEV_LOGIN_DISABLED');
    } finally {
      setEnv(parseEnv({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, DEV_LOGIN: '1' }));
    }
  });

  it('cannot be enabled in production: the environment fails fast and names the key', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', JWT_SECRET: TEST_JWT_SECRET, DEV_LOGIN: '1', DATABASE_URL: 'postgres://x@h/db' }))
      .toThrow(EnvError);
    try {
      parseEnv({ NODE_ENV: 'production', JWT_SECRET: 'short', DEV_LOGIN: '1' });
    } catch (e) {
      expect((e as EnvError).keys.sort()).toEqual(['DATABASE_URL', 'DEV_LOGIN', 'JWT_SECRET']);
    }
  });
});
