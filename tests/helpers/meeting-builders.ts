import type { TestApp } from './app';
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../api/_lib/db/port';
import { addMember, insertPerson, twoBranches } from './builders';

// Meetings, observations and observer groups, inserted as the owner (no RLS): the office API
// that schedules observations comes later, so tests arrange them here.

export async function insertMeeting(db: Queryable, m: {
  orgId: string; kind?: string; topic?: string; startsAt: string; endsAt?: string; place?: string;
  status?: 'planned' | 'held' | 'cancelled'; lecturer?: string | null; createdBy?: string | null;
}): Promise<string> {
  const id = randomUUID();
  const endsAt = m.endsAt ?? new Date(Date.parse(m.startsAt) + 2 * 3600 * 1000).toISOString();
  await db.query(
    `insert into meetings (id, org_id, kind, topic, starts_at, ends_at, place, status, cancel_reason, lecturer, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [id, m.orgId, m.kind ?? 'general_meeting', m.topic ?? '学习贯彻会议精神', m.startsAt, endsAt, m.place ?? '三楼会议室',
      m.status ?? 'planned', m.status === 'cancelled' ? '测试取消' : null, m.lecturer ?? null, m.createdBy ?? null],
  );
  return id;
}

export async function insertObservation(db: Queryable, o: { meetingId: string; mode?: string; rubric?: string; status?: string }): Promise<string> {
  const id = randomUUID();
  await db.query('insert into observations (id, meeting_id, mode, rubric, status) values ($1, $2, $3, $4, $5)', [
    id, o.meetingId, o.mode ?? 'guancha', o.rubric ?? 'guancha_3', o.status ?? 'scheduled',
  ]);
  return id;
}

export async function addToPool(db: Queryable, personId: string, unit: string): Promise<void> {
  await db.query("insert into observer_pool (person_id, unit, post, serves_xunting, serves_pangting) values ($1, $2, '干部', true, true)", [personId, unit]);
}

export async function assign(db: Queryable, observationId: string, personId: string, isLeader = false): Promise<void> {
  await db.query('insert into observation_assignments (observation_id, person_id, is_leader) values ($1, $2, $3)', [observationId, personId, isLeader]);
}

export async function sendFeedback(db: Queryable, observationId: string, at = '2026-03-20T10:00:00+08:00'): Promise<void> {
  await db.query("update observations set feedback_sent_at = $2, status = 'feedback_sent' where id = $1", [observationId, at]);
}

export async function count(db: Queryable, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: number | string }>(`select count(*)::int as n from ${table} where ${where}`, params);
  return Number(rows[0]?.n ?? 0);
}

/**
 * twoBranches plus an observed meeting of branch 甲 (a 支部党员大会 on 2026-03-13, 观察员 mode, rubric guancha_3)
 * and its group: the office person (leader) and 乙's committee member 乙委员; 丙观察员 is in the pool but not assigned.
 */
export async function observedMeeting(db: Queryable, opts: { mode?: string; rubric?: string; startsAt?: string } = {}) {
  const w = await twoBranches(db);
  const committeeB = await insertPerson(db, { name: '乙委员' });
  await addMember(db, committeeB, w.branchB, 'full', ['committee_member']);
  const spare = await insertPerson(db, { name: '丙观察员' });
  await addToPool(db, w.office, '机关党委办');
  await addToPool(db, committeeB, '测试局');
  await addToPool(db, spare, '另一局');
  const meetingA = await insertMeeting(db, { orgId: w.branchA, startsAt: opts.startsAt ?? '2026-03-13T09:00:00+08:00' });
  const observation = await insertObservation(db, { meetingId: meetingA, mode: opts.mode, rubric: opts.rubric });
  await assign(db, observation, w.office, true);
  await assign(db, observation, committeeB);
  return { ...w, committeeB, spare, meetingA, observation };
}

/** The dev-login token of a person (cached by the test app). */
export function tokenFor(app: Pick<TestApp, 'login'>, personId: string): Promise<string> {
  return app.login(personId);
}
