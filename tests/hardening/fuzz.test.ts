import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { ZErrorEnvelope } from '@tingkan/shared';
import { startTestApp, type TestApp } from '../helpers/app';
import { checkinWorld } from '../helpers/checkin-world';
import { SEED } from '../helpers/office-builders';
import { startFakeWechat, FAKE_APPID, FAKE_SECRET } from '../helpers/fake-wechat';
import { issueToken } from '../../api/_lib/session';
import { discoverEndpoints, pathFor, schemaVocabulary, type Endpoint } from './discover';
import { watchDb, type DbWatch } from './db-watch';

// Issue 7, hostile input: every endpoint that exists × method × {anonymous, a demo member, an office
// person} gets generated bodies and queries. The only acceptable answers are 2xx or a 4xx error
// envelope with a Chinese message; a rejected request leaves the database exactly as it was.
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

let app: TestApp;
let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
let watch: DbWatch;
let endpoints: Endpoint[];
const callers: Record<string, string | undefined> = { anonymous: undefined };
let realIds: string[] = [];
const learned = new Map<Endpoint, { body: string[]; query: string[] }>();
const vocabulary = schemaVocabulary();

interface Sent {
  method: string;
  path: string;
  query?: Array<[string, string]>;
  body?: string | Buffer;
  contentType?: string;
  token?: string;
}

async function send(r: Sent): Promise<{ status: number; text: string }> {
  const qs = r.query && r.query.length > 0 ? `?${new URLSearchParams(r.query).toString()}` : '';
  const headers: Record<string, string> = {};
  if (r.contentType) headers['content-type'] = r.contentType;
  if (r.token) headers.authorization = `Bearer ${r.token}`;
  const hasBody = r.body !== undefined && r.method !== 'GET';
  const res = await fetch(app.url + r.path + qs, { method: r.method, headers, body: hasBody ? r.body : undefined });
  return { status: res.status, text: await res.text() };
}

const CJK = /[\u4e00-\u9fa5]/;

/** The assertion of this file, for one request: 2xx, or the 4xx envelope and no committed write. */
async function check(r: Sent): Promise<void> {
  const before = await watch.writes();
  const res = await send(r);
  const where = `${r.method} ${r.path} → ${res.status} ${res.text.slice(0, 300)}`;
  if (res.status >= 500) throw new Error(`5xx: ${where}`);
  if (res.status < 300) return;
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    throw new Error(`not JSON: ${where}`);
  }
  const envelope = ZErrorEnvelope.safeParse(body);
  if (!envelope.success || !CJK.test(envelope.data.error.message)) throw new Error(`not the envelope: ${where}`);
  const after = await watch.writes();
  if (after !== before) throw new Error(`a rejected request wrote ${after - before} rows: ${where}`);
}

// --- hostile values -------------------------------------------------------------------------------
const NASTY = [
  "'; drop table people; --", "' or '1'='1", '1; select pg_sleep(10)', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>',
  '\u0000', 'a\u0000b', '\u0001\u0002\u001b[31m\u007f', '\ud800', '\udfff\ud800', '👨‍👩‍👧‍👦🇨🇳𠜎', '\u202e\ufeff', '党'.repeat(300),
  '1e309', '-1e309', '-0', 'NaN', 'Infinity', '-1', '0', '99999999999999999999999999', '0x10', 'null', 'undefined', 'true', '[]', '{}',
  '__proto__', 'constructor', 'prototype', '../../../etc/passwd', '%00', '%E0%A4%A', '\\', '"', '${7*7}', '{{7*7}}', ' ', '\r\n\t',
  '2026-02-30', '2026-13-01T25:61:00Z', '0000-01-01', '9999-12-31T23:59:59Z', '1970-01-01T00:00:00Z', '2026-03-06T09:30:00+08:00',
  'TK1.', 'TK1.00000000000000000000000000000000.0.AAAAAAAAAAAAAAAAAAAAAA', '00000000-0000-0000-0000-000000000000', 'ＳＥＬＥＣＴ',
];
const NUMBERS = [-0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 31) - 1, 2 ** 63, 0.1, 5e-324, -1, 0, 1, 20, 21, 2026];

function arbitraries() {
  const word = fc.constantFrom(...vocabulary.words);
  const id = fc.oneof(fc.constantFrom(...realIds), fc.uuid());
  const huge = fc.integer({ min: 1_000, max: 100_000 }).chain((n) => fc.constantFrom('x'.repeat(n), '党😀'.repeat(Math.floor(n / 3)), "'".repeat(n)));
  const shortString = fc.oneof(
    fc.constantFrom(...NASTY), id, word, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  );
  const string = fc.oneof({ weight: 12, arbitrary: shortString }, { weight: 1, arbitrary: huge });
  const number = fc.oneof(fc.constantFrom(...NUMBERS), fc.integer(), fc.double());
  const scalar = fc.oneof(string, number, fc.boolean(), fc.constant(null));
  const key = (known: string[]) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...(known.length > 0 ? known : vocabulary.keys)) },
      { weight: 2, arbitrary: fc.constantFrom(...vocabulary.keys) },
      { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty') },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    );
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small', maxDepth: 4 }, scalar, fc.array(tie('value'), { maxLength: 4 }), objectOf(tie('value'), vocabulary.keys)),
  }));
  // Objects as JSON text, so keys like __proto__ are real own keys and may repeat.
  function objectOf(v: fc.Arbitrary<unknown>, known: string[]): fc.Arbitrary<unknown> {
    return fc.array(fc.tuple(key(known), v), { maxLength: 6 }).map((entries) => new RawJson(`{${entries.map(([k, x]) => `${JSON.stringify(k)}:${toJson(x)}`).join(',')}}`));
  }
  // Near-valid: every learned field with a plausible value, then one or two of them made hostile.
  const plausible = fc.oneof(
    id, word, fc.integer({ min: 0, max: 30 }), fc.boolean(), fc.constantFrom('学习贯彻党的二十届四中全会精神', '因公出差', '好'),
    fc.date({ min: new Date('2025-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }).chain((d) => fc.constantFrom(d.toISOString(), d.toISOString().slice(0, 10))),
    fc.array(id, { minLength: 1, maxLength: 3 }),
  );
  const nearValid = (known: string[]) =>
    fc.tuple(fc.tuple(...known.map(() => plausible)), fc.array(fc.tuple(fc.nat(), value), { maxLength: 2 })).map(([values, hostile]) => {
      const entries: Array<[string, unknown]> = known.map((k, i) => [k, values[i]]);
      for (const [at, v] of hostile) if (entries.length > 0) entries[at % entries.length]![1] = v;
      return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${toJson(x)}`).join(',')}}`;
    });
  const body = (known: string[]) =>
    fc.oneof(
      { weight: known.length > 0 ? 6 : 0, arbitrary: nearValid(known) },
      { weight: 4, arbitrary: objectOf(value, known).map(toJson) },
      { weight: 1, arbitrary: value.map(toJson) },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES) },
    );
  // Long but under 8 KB of URL in all: beyond that the platform answers (node 431, Vercel 414), not our code.
  const queryValue = fc.oneof({ weight: 10, arbitrary: shortString.map((v) => v.slice(0, 300)) }, { weight: 1, arbitrary: fc.constantFrom('x'.repeat(1500), '党'.repeat(150)) });
  const query = (known: string[]) => fc.array(fc.tuple(key(known), queryValue), { maxLength: 4 });
  const contentType = fc.oneof(
    { weight: 10, arbitrary: fc.constant('application/json') },
    { weight: 1, arbitrary: fc.constantFrom('application/json; charset=utf-8', 'APPLICATION/JSON', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'image/png') },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const param = fc.oneof({ weight: 4, arbitrary: id }, { weight: 1, arbitrary: shortString }, { weight: 1, arbitrary: word });
  return { body, query, contentType, param };
}

class RawJson {
  constructor(readonly text: string) {}
}
function toJson(v: unknown): string {
  if (v instanceof RawJson) return v.text;
  if (Array.isArray(v)) return `[${v.map(toJson).join(',')}]`;
  return JSON.stringify(v) ?? 'null';
}

const DEEP = 100_000;
const RAW_BODIES = [
  '', 'null', '"x"', '12', 'true', '[]', '[{}]', '{', '{"a":', '{"a":1e309}', '{"a":-0}', '{"__proto__":{"isOffice":true}}',
  '{"constructor":{"prototype":{"isOffice":true}}}', '\ufeff{}', '{"a":"\\u0000"}', '{"a":"\\ud800"}', '{"a":1,"a":2}',
  '['.repeat(DEEP) + ']'.repeat(DEEP), '{"a":'.repeat(5000) + '1' + '}'.repeat(5000), `{"${'k'.repeat(50_000)}":1}`,
];
const RAW_BYTES = [Buffer.from([0xff, 0xfe, 0x00, 0x7b]), Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])];

// --- the world ------------------------------------------------------------------------------------
beforeAll(async () => {
  wechat = await startFakeWechat();
  app = await startTestApp({
    WECHAT_API_BASE: wechat.base, WECHAT_APPID: FAKE_APPID, WECHAT_SECRET: FAKE_SECRET, WECHAT_TIMEOUT_MS: '300',
    RATE_LIMIT_CHECKIN_PER_PERSON: '100000', RATE_LIMIT_CHECKIN_PER_IP: '100000', RATE_LIMIT_LOGIN_PER_IP: '100000',
  });
  const w = await checkinWorld(app.db);
  realIds = [w.meeting, w.observation, w.memberA, w.secretaryA, w.branchA, w.branchB, w.office, ...Object.values(SEED)];
  const ids = await app.db.query<{ id: string }>('(select id::text from meetings limit 3) union all (select id::text from observations limit 3)');
  realIds.push(...ids.rows.map((r) => r.id));
  callers.member = (await issueToken(SEED.budgetMember)).token;
  callers.office = (await issueToken(SEED.wcOffice)).token;
  watch = await watchDb(app.db);
  endpoints = await discoverEndpoints(app);
  // Learn each endpoint's field names from its own validation answer to an empty body and query.
  for (const e of endpoints) {
    const res = await app.request(e.method, pathFor(e, {}), e.method === 'GET' ? {} : { body: {} });
    const fields: Array<{ path: string }> = res.body?.error?.fields ?? [];
    const names = fields.flatMap((f) => f.path.split('.')).filter((p) => /^[A-Za-z_]\w*$/.test(p));
    learned.set(e, e.method === 'GET' ? { body: [], query: names } : { body: names, query: names });
  }
}, 120_000);
afterAll(async () => {
  await app.close();
  await wechat.close();
});

it('finds the endpoints to fuzz on the running server (at least the meeting room and login)', () => {
  const names = endpoints.map((e) => `${e.method} ${e.template}`);
  expect(names).toEqual(expect.arrayContaining(['POST /api/checkins', 'GET /api/me', 'POST /api/auth/wechat', 'GET /api/checkins/qr', 'POST /api/meetings']));
});

it('every endpoint × method × caller answers generated hostile input with 2xx or the 4xx envelope, never a 5xx, and a rejection writes nothing', async () => {
  const arb = arbitraries();
  let total = 0;
  let fingerprint = await watch.fingerprint();
  let writesAtFingerprint = await watch.writes();
  for (const e of endpoints) {
    const known = learned.get(e) ?? { body: [], query: [] };
    const paramValues = fc.record(Object.fromEntries(e.params.map((p) => [p, arb.param])) as Record<string, fc.Arbitrary<string>>);
    for (const [who, token] of Object.entries(callers)) {
      const request = fc.record({ params: paramValues, query: arb.query(known.query), body: arb.body(known.body), contentType: arb.contentType });
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          total += 1;
          await check({ method: e.method, path: pathFor(e, r.params), query: r.query, body: r.body, contentType: r.contentType, token });
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      // Cross-check the write counter with the contents: no counted write means the same rows.
      const writes = await watch.writes();
      if (writes === writesAtFingerprint) expect({ after: `${who} ${e.method} ${e.template}`, fp: await watch.fingerprint() }).toEqual({ after: `${who} ${e.method} ${e.template}`, fp: fingerprint });
      else [fingerprint, writesAtFingerprint] = [await watch.fingerprint(), writes];
    }
    // Bodies no generator builds by accident: raw text and bytes that are not JSON or not UTF-8.
    if (e.method !== 'GET') {
      for (const body of [...RAW_BODIES, ...RAW_BYTES]) {
        total += 1;
        await check({ method: e.method, path: pathFor(e, {}), body, contentType: 'application/json', token: callers.member });
      }
    }
  }
  expect(total).toBeGreaterThan(1000);
}, 300_000);

it('path segments that are not valid percent-encoding get the envelope, not a 500', async () => {
  for (const path of ['/api/meetings/%E0%A4%A', '/api/people/%', '/api/observations/%ZZ/notes', `/api/meetings/${randomUUID()}%00`]) {
    await check({ method: 'GET', path, token: callers.office });
  }
});
