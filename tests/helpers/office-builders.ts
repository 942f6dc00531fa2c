import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../api/_lib/db/port';
import type { TestApp } from './app';

// The demo seed's office world (supabase/seed.sql): ids that every test database holds.
export const SEED = {
  workCommittee: 'bab2f24a-d199-4fcc-997e-01ea3f41a3aa',
  finance: '169c1978-288d-4cb5-9488-84074db2add4',
  education: 'ed16dca2-b2c4-423d-98d3-fb3999777cca',
  health: 'b2173014-f1b4-48a4-b489-2c43f8a02b8c',
  /** 财政局预算科党支部 and its 书记, an ordinary 党员 and its first 党小组. */
  budgetBranch: '0da01a68-3bfe-4ee6-8ac0-575038a32908',
  budgetSecretary: '7a3ec636-b680-4177-8476-123e9841449e',
  budgetMember: '0506ea91-73fa-4d27-b780-c78ec004e234',
  budgetGroup1: '98045b73-e53e-48b4-85cb-3daada043e9d',
  /** 预算科副科长、党支部副书记 (in the observer pool). */
  budgetDeputy: '9c8e3be0-b438-40f1-8c5d-29754c46c396',
  /** 财政局办公室党支部 (its deputy secretary 郭博 is in the observer pool). */
  financeOfficeBranch: '7931b235-4cc0-43a7-9bf6-95f1f536a197',
  /** 教育局机关第一党支部 and its 书记. */
  eduFirstBranch: 'b1ae5c39-581d-4329-917b-83af23f5735f',
  eduFirstSecretary: 'ea80f6dc-ba35-42cd-aacd-94aa70af1dd1',
  /** 工委办公室 崔悦佳 (scope: the whole work committee), 财政局机关党委办 赵建坤 (scope: finance only). */
  wcOffice: 'd0037155-dbeb-4478-876e-73a194c050d7',
  financeOffice: '0b06a4f6-e48a-4c9e-8581-52f44a659c69',
  educationOffice: '14a30c4d-b4c4-4df4-b325-a8ccce82c84c',
  /** 郭博: pool member, deputy secretary of 财政局办公室党支部. */
  guoBo: '1226ee31-0c1d-4bf1-986f-9a99783a6356',
} as const;

/** Log in through the dev login, once per person per app. */
export function loginAs(app: TestApp): (personId: string) => Promise<string> {
  return (personId) => app.login(personId);
}

export async function count(db: Queryable, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: string }>(`select count(*) as n from ${table} where ${where}`, params);
  return Number(rows[0]?.n ?? 0);
}

/** A meeting of an organisation at a Shanghai instant (owner connection, no RLS). */
export async function insertMeetingAt(
  db: Queryable, m: { orgId: string; kind?: string; startsAt: string; status?: 'planned' | 'held'; hostId?: string },
): Promise<string> {
  const id = randomUUID();
  const starts = new Date(m.startsAt);
  await db.query(
    `insert into meetings (id, org_id, kind, topic, starts_at, ends_at, place, status, host_person_id)
     values ($1, $2, $3, '学习贯彻党的二十届四中全会精神', $4, $5, '三楼会议室', $6, $7)`,
    [id, m.orgId, m.kind ?? 'general_meeting', starts, new Date(starts.getTime() + 7_200_000), m.status ?? 'planned', m.hostId ?? null],
  );
  return id;
}

/** An observation of a meeting with its group (owner connection). */
export async function insertObservation(
  db: Queryable, o: { meetingId: string; mode?: string; status?: string; observers?: string[]; feedbackSentAt?: string | null },
): Promise<string> {
  const id = randomUUID();
  const mode = o.mode ?? 'pangting';
  await db.query(
    'insert into observations (id, meeting_id, mode, rubric, status, feedback_sent_at) values ($1, $2, $3, $4, $5, $6)',
    [id, o.meetingId, mode, mode === 'guancha' ? 'guancha_3' : 'pingyi_5', o.status ?? 'scheduled', o.feedbackSentAt ?? null],
  );
  for (const [i, p] of (o.observers ?? []).entries()) {
    await db.query('insert into observation_assignments (observation_id, person_id, is_leader) values ($1, $2, $3)', [id, p, i === 0]);
  }
  return id;
}

/** One observer's submitted 评议表 (pingyi_5) with the given five scores, as version `version`. */
export async function insertSheet(
  db: Queryable, s: { observationId: string; observerId: string; scores: [number, number, number, number, number]; version?: number; at?: string },
): Promise<string> {
  const id = randomUUID();
  const version = s.version ?? 1;
  const total = s.scores.reduce((a, b) => a + b, 0);
  await db.query(
    `insert into score_sheets (id, observation_id, observer_id, version, rubric, total, texts, reason, submitted_at)
     values ($1, $2, $3, $4, 'pingyi_5', $5, '{"opinion":"组织规范"}', $6, $7)`,
    [id, s.observationId, s.observerId, version, total, version > 1 ? '更正笔误' : null, s.at ?? new Date().toISOString()],
  );
  const keys = ['content', 'form', 'procedure', 'effect', 'innovation'];
  for (const [i, score] of s.scores.entries()) {
    const band = score >= 15 ? '好' : score >= 10 ? '较好' : score >= 5 ? '一般' : '较差';
    await db.query('insert into score_sheet_items (sheet_id, criterion, score, band) values ($1, $2, $3, $4)', [id, keys[i], score, band]);
  }
  return id;
}
