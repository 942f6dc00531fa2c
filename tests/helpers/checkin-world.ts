import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../api/_lib/db/port';
import { addMember, insertPerson, twoBranches } from './builders';

const MIN = 60_000;

export async function insertMeeting(
  db: Queryable,
  m: { orgId: string; kind?: string; startsInMin?: number; durationMin?: number; location?: { lat: number; lng: number; radiusM: number } },
): Promise<string> {
  const id = randomUUID();
  const starts = new Date(Date.now() + (m.startsInMin ?? 10) * MIN);
  const ends = new Date(starts.getTime() + (m.durationMin ?? 120) * MIN);
  await db.query(
    `insert into meetings (id, org_id, kind, topic, starts_at, ends_at, place, location_lat, location_lng, checkin_radius_m)
     values ($1, $2, $3, '学习贯彻党的二十届四中全会精神', $4, $5, '三楼会议室', $6, $7, $8)`,
    [id, m.orgId, m.kind ?? 'general_meeting', starts, ends, m.location?.lat ?? null, m.location?.lng ?? null, m.location?.radiusM ?? null],
  );
  return id;
}

/** Branch 甲 with five 正式党员 (one the secretary) and one 预备党员, a 党员大会 starting soon, and an observer. */
export async function checkinWorld(db: Queryable) {
  const w = await twoBranches(db);
  const extra: string[] = [];
  for (const name of ['甲一', '甲二', '甲三']) {
    const id = await insertPerson(db, { name });
    await addMember(db, id, w.branchA);
    extra.push(id);
  }
  const probationary = await insertPerson(db, { name: '甲预备' });
  await addMember(db, probationary, w.branchA, 'probationary');
  const meeting = await insertMeeting(db, { orgId: w.branchA });
  const observer = await insertPerson(db, { name: '观察员丙' });
  const observation = randomUUID();
  await db.query("insert into observations (id, meeting_id, mode, rubric) values ($1, $2, 'pangting', 'pingyi_5')", [observation, meeting]);
  await db.query('insert into observation_assignments (observation_id, person_id) values ($1, $2)', [observation, observer]);
  return { ...w, extra, probationary, meeting, observer, observation };
}
