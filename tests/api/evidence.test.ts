import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZEvidenceUploadResponse } from '@tingkan/shared';
import { setClock } from '../../api/_lib/clock';
import { parseEnv, setEnv } from '../../api/_lib/env';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../helpers/app';
import { twoBranches } from '../helpers/builders';
import { count, insertMeeting, tokenFor } from '../helpers/meeting-builders';
import { startFakeStorage } from '../helpers/fake-storage';

let app: TestApp;
let w: Awaited<ReturnType<typeof twoBranches>>;
let meeting: string;
const tok: Record<string, string> = {};
const uploadDir = mkdtempSync(join(tmpdir(), 'tingkan-uploads-'));
const baseEnv = { NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, DEV_LOGIN: '1', UPLOAD_DIR: uploadDir };

beforeAll(async () => {
  app = await startTestApp({ UPLOAD_DIR: uploadDir });
  w = await twoBranches(app.db);
  meeting = await insertMeeting(app.db, { orgId: w.branchA, startsAt: '2026-03-13T09:00:00+08:00' });
  for (const [k, id] of Object.entries({ secA: w.secretaryA, memA: w.memberA, secB: w.secretaryB })) tok[k] = await tokenFor(app, id);
});
afterAll(async () => {
  setClock(undefined);
  await app.close();
  rmSync(uploadDir, { recursive: true, force: true });
});

const photo = { kind: 'photo', contentType: 'image/jpeg', sizeBytes: 4, fileName: '会场照片.jpg' };
const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
const put = (url: string, body: Buffer, type = 'image/jpeg') => fetch(app.url + url, { method: 'PUT', headers: { 'content-type': type }, body });

describe('evidence in a local folder (D2, no Supabase configured)', () => {
  let target: { url: string; path: string };

  it('the secretary gets a local upload target and an evidence row', async () => {
    setClock('2026-03-13T12:00:00+08:00');
    const res = await app.request('POST', `/api/meetings/${meeting}/evidence`, { token: tok.secA, body: photo });
    expect(res.status).toBe(201);
    const body = ZEvidenceUploadResponse.parse(res.body);
    expect(body.upload).toMatchObject({ backend: 'local', method: 'PUT', headers: { 'content-type': 'image/jpeg' }, expiresAt: '2026-03-13T12:15:00+08:00' });
    expect(body.evidence.storagePath).toMatch(new RegExp(`^meetings/${meeting}/[0-9a-f-]{36}\\.jpg$`));
    expect(await count(app.db, 'evidence', 'id = $1 and uploaded_by = $2', [body.evidence.id, w.secretaryA])).toBe(1);
    target = { url: body.upload.url, path: body.evidence.storagePath };
  });

  it('PUT with the wrong size or type is UPLOAD_MISMATCH and stores nothing', async () => {
    expect((await put(target.url, Buffer.from([1, 2, 3]))).status).toBe(400);
    expect((await put(target.url, bytes, 'image/png')).status).toBe(400);
    expect(existsSync(join(uploadDir, target.path))).toBe(false);
  });

  it('a tampered token is UPLOAD_TOKEN_INVALID (403)', async () => {
    const [payload, mac] = target.url.replace('/api/uploads/', '').split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), path: '../../etc/x' })).toString('base64url');
    const res = await put(`/api/uploads/${forged}.${mac}`, bytes);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UPLOAD_TOKEN_INVALID');
  });

  it('an expired token is UPLOAD_EXPIRED (410)', async () => {
    setClock('2026-03-13T12:16:00+08:00');
    expect((await put(target.url, bytes)).status).toBe(410);
    setClock('2026-03-13T12:05:00+08:00');
  });

  it('PUT stores the bytes under UPLOAD_DIR once; a second PUT is UPLOAD_ALREADY_DONE', async () => {
    const res = await put(target.url, bytes);
    expect(res.status).toBe(200);
    expect(readFileSync(join(uploadDir, target.path))).toEqual(bytes);
    const again = await put(target.url, Buffer.from([0, 0, 0, 0]));
    expect(again.status).toBe(409);
    expect(readFileSync(join(uploadDir, target.path))).toEqual(bytes);
  });

  it('a plain member and another branch’s secretary may not attach evidence; nothing written', async () => {
    const before = await count(app.db, 'evidence');
    expect((await app.request('POST', `/api/meetings/${meeting}/evidence`, { token: tok.memA, body: photo })).status).toBe(403);
    expect((await app.request('POST', `/api/meetings/${meeting}/evidence`, { token: tok.secB, body: photo })).status).toBe(404);
    expect(await count(app.db, 'evidence')).toBe(before);
  });

  const bad: Array<[string, Record<string, unknown>, string]> = [
    ['a GIF', { contentType: 'image/gif' }, 'contentType'],
    ['an empty file', { sizeBytes: 0 }, 'sizeBytes'],
    ['a file over 20 MB', { sizeBytes: 20 * 1024 * 1024 + 1 }, 'sizeBytes'],
    ['an unknown kind', { kind: 'video' }, 'kind'],
  ];
  it.each(bad)('%s → 400, nothing written', async (_n, over, path) => {
    const before = await count(app.db, 'evidence');
    const res = await app.request('POST', `/api/meetings/${meeting}/evidence`, { token: tok.secA, body: { ...photo, ...over } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe(path);
    expect(await count(app.db, 'evidence')).toBe(before);
  });
});

describe('evidence in Supabase Storage (signed upload URL from a fake Storage API)', () => {
  let fake: Awaited<ReturnType<typeof startFakeStorage>>;

  beforeAll(async () => {
    fake = await startFakeStorage();
    setEnv(parseEnv({ ...baseEnv, SUPABASE_URL: fake.base, SUPABASE_SERVICE_ROLE_KEY: 'fake-service-role-key' }));
  });
  afterAll(async () => {
    setEnv(parseEnv(baseEnv));
    await fake.close();
  });

  it('signs an upload in bucket "evidence" at the row’s path, with the service key', async () => {
    const res = await app.request('POST', `/api/meetings/${meeting}/evidence`, { token: tok.secA, body: { ...photo, kind: 'signin_sheet', contentType: 'application/pdf' } });
    expect(res.status).toBe(201);
    const { evidence, upload } = ZEvidenceUploadResponse.parse(res.body);
    expect(upload.backend).toBe('supabase');
    expect(upload.url).toBe(`${fake.base}/storage/v1/object/upload/sign/evidence/${evidence.storagePath}?token=signed-token-123`);
    expect(evidence.storagePath).toMatch(/\.pdf$/);
    const { method, url, auth } = fake.calls.at(-1)!;
    expect({ method, url, auth }).toEqual({ method: 'POST', url: `/storage/v1/object/upload/sign/evidence/${evidence.storagePath}`, auth: 'Bearer fake-service-role-key' });
  });

  it('when Storage fails: STORAGE_UNAVAILABLE (503) and the evidence row is rolled back', async () => {
    const before = await count(app.db, 'evidence');
    fake.failNext();
    const res = await app.request('POST', `/api/meetings/${meeting}/evidence`, { token: tok.secA, body: photo });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('STORAGE_UNAVAILABLE');
    expect(await count(app.db, 'evidence')).toBe(before);
  });
});
