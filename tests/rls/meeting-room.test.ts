import { withCaller, setDb, type Claims } from '../../api/_lib/db';
import { openTestDb, type TestDb } from '../helpers/db';
import { observedMeeting, sendFeedback } from '../helpers/meeting-builders';

// RLS for the meeting room, proven through the API's own port as each role, both ways (STYLE 10):
// 甲党员 (member of the observed branch), 乙党员 (member of another branch), 甲书记 (its secretary),
// 乙委员 (assigned observer), 丙观察员 (unassigned observer), 办公室干部 (office staff, also in the group).
let t: TestDb;
let w: Awaited<ReturnType<typeof observedMeeting>>;
let evidenceId: string;
const as = (sub: string): Claims => ({ sub, role: 'authenticated' });
type Role = 'memberA' | 'memberB' | 'secretaryA' | 'observer' | 'unassigned' | 'office';
const ROLES: Role[] = ['memberA', 'memberB', 'secretaryA', 'observer', 'unassigned', 'office'];
const id = (r: Role) => ({ memberA: w.memberA, memberB: w.memberB, secretaryA: w.secretaryA, observer: w.committeeB, unassigned: w.spare, office: w.office })[r];

beforeAll(async () => {
  t = await openTestDb();
  setDb(t.db);
  w = await observedMeeting(t.db);
  await t.db.query("insert into observation_notes (observation_id, author_id, topic_content) values ($1, $2, '主题鲜明')", [w.observation, w.committeeB]);
  const { rows } = await t.db.query<{ id: string }>(
    `insert into score_sheets (observation_id, observer_id, version, rubric, total, texts) values ($1, $2, 1, 'guancha_3', 45, '{}') returning id`,
    [w.observation, w.committeeB],
  );
  await t.db.query("insert into score_sheet_items (sheet_id, criterion, score, band) values ($1, 'leadership', 15, '好')", [rows[0]!.id]);
  const ev = await t.db.query<{ id: string }>(
    "insert into evidence (meeting_id, kind, storage_path, content_type, size_bytes, uploaded_by) values ($1, 'photo', 'meetings/x/1.jpg', 'image/jpeg', 10, $2) returning id",
    [w.meetingA, w.secretaryA],
  );
  evidenceId = ev.rows[0]!.id;
});
afterAll(() => t.drop());

async function sees(role: Role, sql: string, params: unknown[]): Promise<boolean> {
  const { rows } = await withCaller(as(id(role)), (tx) => tx.query(sql, params));
  return rows.length > 0;
}
async function who(sql: string, params: () => unknown[]): Promise<Role[]> {
  const out: Role[] = [];
  for (const r of ROLES) if (await sees(r, sql, params())) out.push(r);
  return out;
}

describe('who can read what', () => {
  it('the observed meeting: its branch, its observers and office; not another branch nor an unassigned observer', async () => {
    expect(await who('select 1 from meetings where id = $1', () => [w.meetingA])).toEqual(['memberA', 'secretaryA', 'observer', 'office']);
  });
  it('the observation and its group: the same people', async () => {
    expect(await who('select 1 from observations where id = $1', () => [w.observation])).toEqual(['memberA', 'secretaryA', 'observer', 'office']);
    expect(await who('select 1 from observation_assignments where observation_id = $1', () => [w.observation])).toEqual(['memberA', 'secretaryA', 'observer', 'office']);
  });
  it('OBS-7: notes are the group’s and office’s only, until feedback is sent', async () => {
    expect(await who('select 1 from observation_notes where observation_id = $1', () => [w.observation])).toEqual(['observer', 'office']);
  });
  it('SCORE-3: score sheets and their items are the group’s and office’s only', async () => {
    expect(await who('select 1 from score_sheets where observation_id = $1', () => [w.observation])).toEqual(['observer', 'office']);
    expect(await who('select 1 from score_sheet_items i join score_sheets s on s.id = i.sheet_id where s.observation_id = $1', () => [w.observation])).toEqual(['observer', 'office']);
  });
  it('D2: evidence is as visible as its meeting', async () => {
    expect(await who('select 1 from evidence where id = $1', () => [evidenceId])).toEqual(['memberA', 'secretaryA', 'observer', 'office']);
  });
});

async function refused(role: Role, sql: string, params: unknown[]): Promise<boolean> {
  try {
    const { rows } = await withCaller(as(id(role)), (tx) => tx.query(sql, params));
    return rows.length === 0; // an UPDATE that RLS filters matches no row
  } catch (e) {
    if ((e as { code?: string }).code === '42501') return true;
    throw e;
  }
}
async function allowed(sql: string, params: (r: Role) => unknown[]): Promise<Role[]> {
  const out: Role[] = [];
  for (const r of ROLES) if (!(await refused(r, sql, params(r)))) out.push(r);
  return out;
}
// Each attempt runs in its own transaction; the successful ones commit, so every statement is written to be repeatable.

describe('who can write what', () => {
  it('create a meeting of 甲: its secretary and office staff only', async () => {
    expect(await allowed(
      "insert into meetings (org_id, kind, topic, starts_at, ends_at, place) values ($1, 'committee_meeting', '支委会', '2026-04-01T09:00:00+08:00', '2026-04-01T10:00:00+08:00', '会议室') returning id",
      () => [w.branchA],
    )).toEqual(['secretaryA', 'office']);
  });
  it('edit the observed meeting: its secretary and office staff only', async () => {
    expect(await allowed('update meetings set place = place where id = $1 returning id', () => [w.meetingA])).toEqual(['secretaryA', 'office']);
  });
  it('OBS-5: update the observation (the plan): the observed branch’s leaders and office staff only', async () => {
    expect(await allowed('update observations set plan = plan where id = $1 returning id', () => [w.observation])).toEqual(['secretaryA', 'office']);
  });
  it('OBS-7: write one’s own notes: assigned observers only', async () => {
    expect(await allowed(
      `insert into observation_notes (observation_id, author_id, topic_content) values ($1, $2, '草稿')
       on conflict (observation_id, author_id) do update set revision = observation_notes.revision + 1 returning author_id`,
      (r) => [w.observation, id(r)],
    )).toEqual(['observer', 'office']);
  });
  it('OBS-7: nobody edits another observer’s notes, not even a fellow observer', async () => {
    expect(await allowed("update observation_notes set conduct = '改' where author_id = $1 returning author_id", () => [w.committeeB]))
      .toEqual(['observer']);
  });
  it('SCORE-3: submit a sheet as oneself: assigned observers only; never in another observer’s name', async () => {
    let v = 10;
    expect(await allowed(
      "insert into score_sheets (observation_id, observer_id, version, rubric, total, reason) values ($1, $2, $3, 'guancha_3', 40, '更正') returning id",
      (r) => [w.observation, id(r), v++],
    )).toEqual(['observer', 'office']);
    expect(await refused('office', "insert into score_sheets (observation_id, observer_id, version, rubric, total, reason) values ($1, $2, 99, 'guancha_3', 40, '代填') returning id", [w.observation, w.committeeB])).toBe(true);
  });
  it('SCORE-3: a stored sheet cannot be changed by anyone, its author included', async () => {
    expect(await allowed('update score_sheets set total = total where observer_id = $1 returning id', () => [w.committeeB])).toEqual([]);
  });
  it('D2: attach evidence: the secretary and office staff, in their own name only', async () => {
    let n = 0;
    expect(await allowed(
      "insert into evidence (meeting_id, kind, storage_path, content_type, size_bytes, uploaded_by) values ($1, 'photo', $2, 'image/jpeg', 10, $3) returning id",
      (r) => [w.meetingA, `meetings/x/rls-${n++}.jpg`, id(r)],
    )).toEqual(['secretaryA', 'office']);
    expect(await refused('secretaryA', "insert into evidence (meeting_id, kind, storage_path, content_type, size_bytes, uploaded_by) values ($1, 'photo', 'meetings/x/y.jpg', 'image/jpeg', 10, $2) returning id", [w.meetingA, w.office])).toBe(true);
  });
});

describe('after feedback is sent (FB-1)', () => {
  it('the observed branch reads the notes too; still not the sheets; others still nothing', async () => {
    await sendFeedback(t.db, w.observation);
    expect(await who('select 1 from observation_notes where observation_id = $1', () => [w.observation])).toEqual(['memberA', 'secretaryA', 'observer', 'office']);
    expect(await who('select 1 from score_sheets where observation_id = $1', () => [w.observation])).toEqual(['observer', 'office']);
  });
});
