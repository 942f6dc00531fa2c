// A province-sized year, generated set-based (generate_series, INSERT ... SELECT) with deterministic
// ids (md5 of a label): 100 departments × 100 branches, 30 members each (300,000 people), 40 meetings
// per branch in 2025 (400,000), their attendance (~7.6 M rows), 4,333 observations with groups of 3
// from a pool of 3,000 observers, score sheets and items.
import type { Client } from 'pg';

export const YEAR = 2025;
export const DEPARTMENTS = 100;
export const BRANCHES = 10_000;
export const PER_BRANCH = 30;
export const OFFICE_ID = md5uuid('office');
export const ROOT_ID = md5uuid('root');

function md5uuid(label: string): string {
  // Same as md5(label)::uuid in SQL.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const h = (require('node:crypto') as typeof import('node:crypto')).createHash('md5').update(label).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const u = (expr: string) => `md5(${expr})::uuid`;

// The 40 meetings of a branch's year: kind, month, day (MTG-1..7 rhythm, roughly).
const SCHEDULE = `
  create temp table sched as
  select k,
    case when k <= 12 then 'committee_meeting' when k <= 24 then 'theme_day' when k <= 28 then 'general_meeting'
         when k <= 32 then 'party_lecture' when k <= 36 then 'group_meeting' when k = 37 then 'life_meeting'
         when k = 38 then 'member_appraisal' else 'heart_talk' end::meeting_kind as kind,
    case when k <= 12 then k when k <= 24 then k - 12 when k <= 28 then (k - 25) * 3 + 3 when k <= 32 then (k - 29) * 3 + 2
         when k <= 36 then (k - 33) * 3 + 1 when k <= 38 then 12 when k = 39 then 6 else 11 end as month,
    case when k <= 12 then 5 when k <= 24 then 15 when k <= 28 then 20 when k <= 32 then 22 when k <= 36 then 25
         when k = 37 then 10 when k = 38 then 12 else 8 end as day
  from generate_series(1, 40) k`;

/** Who is expected at meeting k of a branch, by member index i (0..29): 支委 0-4, 党小组 of ten. */
const EXPECTED = `(case when s.kind = 'committee_meeting' then i < 5 when s.kind = 'group_meeting' then i / 10 = (s.k - 33) % 3 else true end)`;

async function timed(c: Client, label: string, sql: string, params: unknown[] = []): Promise<void> {
  const t0 = Date.now();
  const r = await c.query(sql, params);
  console.log(`    ${label}: ${r.rowCount ?? ''} rows, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** Loads the dataset into an empty, migrated database (as a superuser: FK triggers off while loading). */
export async function generate(c: Client): Promise<void> {
  await c.query("set session_replication_role = replica; set synchronous_commit = off; set maintenance_work_mem = '256MB'");
  await c.query(SCHEDULE);
  await timed(c, 'organisations', `
    insert into organisations (id, parent_id, kind, name, has_committee)
    select $1::uuid, null, 'work_committee'::org_kind, '省直机关工委', true
    union all select ${u("'dept' || d")}, $1::uuid, 'department_committee'::org_kind, '部门党组' || d, true from generate_series(1, ${DEPARTMENTS}) d
    union all select ${u("'branch' || b")}, ${u(`'dept' || ((b - 1) / ${BRANCHES / DEPARTMENTS} + 1)`)}, 'branch'::org_kind, '第' || b || '党支部', true
      from generate_series(1, ${BRANCHES}) b`, [ROOT_ID]);
  await timed(c, 'people', `
    insert into people (id, name) select ${u("'person' || p")}, '党员' || p from generate_series(1, ${BRANCHES * PER_BRANCH}) p
    union all select $1::uuid, '省直机关工委办公室'`, [OFFICE_ID]);
  await c.query('insert into office_staff (person_id, scope_org_id) values ($1, $2)', [OFFICE_ID, ROOT_ID]);
  await timed(c, 'memberships', `
    insert into memberships (person_id, org_id, status, roles, joined_on)
    select ${u("'person' || ((b - 1) * 30 + i + 1)")}, ${u("'branch' || b")},
           (case when i = 29 then 'probationary' else 'full' end)::member_status,
           (case when i = 0 then '{secretary}' when i = 1 then '{deputy_secretary}' when i < 5 then '{committee_member}' else '{}' end)::branch_role[],
           date '2020-01-01'
      from generate_series(1, ${BRANCHES}) b, generate_series(0, ${PER_BRANCH - 1}) i`);
  await timed(c, 'meetings', `
    insert into meetings (id, org_id, kind, topic, starts_at, ends_at, place, status)
    select ${u("'m' || b || '-' || s.k")}, ${u("'branch' || b")}, s.kind, '学习研讨', make_timestamptz(${YEAR}, s.month, s.day, 14, 30, 0, 'Asia/Shanghai'),
           make_timestamptz(${YEAR}, s.month, s.day, 16, 30, 0, 'Asia/Shanghai'), '会议室', 'held'
      from generate_series(1, ${BRANCHES}) b, sched s`);
  // Secondary indexes are rebuilt once after the bulk load (much faster than maintaining them row by row).
  const { rows: idx } = await c.query<{ name: string; def: string }>(
    "select indexname as name, indexdef as def from pg_indexes where tablename = 'attendance' and indexname not like '%pkey'");
  for (const i of idx) await c.query(`drop index ${i.name}`);
  const step = 1000;
  for (let from = 1; from <= BRANCHES; from += step) {
    await timed(c, `attendance, branches ${from}-${from + step - 1}`, `
      insert into attendance (meeting_id, person_id, state, leave_category, leave_reason, method, checked_in_at)
      select ${u("'m' || b || '-' || s.k")}, ${u("'person' || ((b - 1) * 30 + i + 1)")},
             (case h when 0 then 'leave' when 1 then 'absent' else 'present' end)::attendance_state,
             (case h when 0 then 'official' end)::leave_category, case h when 0 then '出差' end,
             (case when h > 1 then 'qr' end)::checkin_method,
             case when h > 1 then make_timestamptz(${YEAR}, s.month, s.day, 14, 25, 0, 'Asia/Shanghai') end
        from generate_series($1::int, $2::int) b, sched s, generate_series(0, ${PER_BRANCH - 1}) i,
             lateral (select (b * 7 + s.k * 13 + i * 3) % 20 as h) hh
       where ${EXPECTED}`, [from, Math.min(BRANCHES, from + step - 1)]);
  }
  for (const i of idx) await timed(c, `index ${i.name}`, i.def);
  await timed(c, 'observer pool', `
    insert into observer_pool (person_id, unit, post, serves_xunting, serves_pangting)
    select ${u("'person' || (o * 100 + 1)")}, '单位' || (o % 300), '干部', o % 4 = 0, true from generate_series(0, 2999) o`);
  // 旁听 at the June 党员大会 of every third branch, 巡听 at the September one of every tenth.
  await timed(c, 'observations', `
    insert into observations (id, meeting_id, mode, rubric, status, plan, plan_submitted_at, feedback_sent_at)
    select ${u("'obs' || b || '-' || v.k")}, ${u("'m' || b || '-' || v.k")}, v.mode::observation_mode, 'pingyi_5',
           (case when b % 2 = 0 then 'feedback_sent' else 'held' end)::observation_status,
           case when b % 5 <> 0 then '{"focus":"程序规范"}'::jsonb end,
           case when b % 5 <> 0 then make_timestamptz(${YEAR}, v.month, 15, 10, 0, 0, 'Asia/Shanghai') end,
           case when b % 2 = 0 then make_timestamptz(${YEAR}, v.month, 28, 10, 0, 0, 'Asia/Shanghai') end
      from generate_series(1, ${BRANCHES}) b, (values (26, 'pangting', 6), (27, 'xunting', 9)) v(k, mode, month)
     where (v.mode = 'pangting' and b % 3 = 0) or (v.mode = 'xunting' and b % 10 = 1)`);
  await timed(c, 'observation groups', `
    insert into observation_assignments (observation_id, person_id, is_leader, checked_in_at, checkin_method)
    select o.id, ${u("'person' || (((b * 3 + j) % 3000) * 100 + 1)")}, j = 0, m.starts_at, 'qr'
      from generate_series(1, ${BRANCHES}) b, (values (26), (27)) v(k), generate_series(0, 2) j,
           observations o join meetings m on m.id = o.meeting_id
     where o.id = ${u("'obs' || b || '-' || v.k")}`);
  await timed(c, 'score sheets', `
    insert into score_sheets (id, observation_id, observer_id, version, rubric, total, texts, reason, submitted_at)
    select ${u("a.observation_id::text || a.person_id::text || v")}, a.observation_id, a.person_id, v, 'pingyi_5', 0,
           '{"opinion":"程序规范，内容充实"}', case when v = 2 then '更正笔误' end, m.starts_at + (v || ' days')::interval
      from observation_assignments a join observations o on o.id = a.observation_id join meetings m on m.id = o.meeting_id,
           generate_series(1, 2) v
     where abs(hashtext(a.person_id::text || a.observation_id::text)) % 5 <> 0
       and (v = 1 or abs(hashtext(a.observation_id::text || a.person_id::text)) % 7 = 0)`);
  await timed(c, 'score items', `
    insert into score_sheet_items (sheet_id, criterion, score, band)
    select s.id, c.key, sc, case when sc >= 18 then '好' when sc >= 15 then '较好' when sc >= 12 then '一般' else '较差' end
      from score_sheets s, unnest(array['content', 'form', 'procedure', 'effect', 'innovation']) c(key),
           lateral (select 10 + abs(hashtext(s.id::text || c.key)) % 11 as sc) x`);
  await c.query("update score_sheets s set total = (select sum(score) from score_sheet_items i where i.sheet_id = s.id)");
  await c.query('set session_replication_role = origin');
  await timed(c, 'analyze', 'analyze');
}
