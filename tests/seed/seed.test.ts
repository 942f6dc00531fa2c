// The demo data (issue 2, item 5): supabase/seed.sql is exactly what the generator prints, and it loads
// into a freshly migrated database with the promised shape, twice without changing anything.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPglite } from '../../api/_lib/db/pglite';
import { migrate } from '../../api/_lib/db/migrate';
import type { Database } from '../../api/_lib/db/port';
import { generateSeedSql } from '../../scripts/seed/sql';
import { DEMO_LOGINS } from '../../scripts/seed/demo-logins';

const SEED_PATH = join(__dirname, '..', '..', 'supabase', 'seed.sql');
const TABLES = ['organisations', 'people', 'memberships', 'office_staff', 'observer_pool', 'meetings', 'attendance', 'policy_versions'] as const;

async function counts(db: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from public.${t}`);
    out[t] = rows[0]?.n ?? -1;
  }
  return out;
}

async function one<R>(db: Database, sql: string): Promise<R> {
  const { rows } = await db.query<R>(sql);
  const row = rows[0];
  if (row === undefined) throw new Error(`no row: ${sql}`);
  return row;
}

describe('demo seed (supabase/seed.sql)', () => {
  it('is exactly what scripts/seed/generate.ts prints (run npm run seed:generate after changing the generator)', () => {
    const committed = readFileSync(SEED_PATH, 'utf8');
    const regenerated = generateSeedSql();
    expect(regenerated === committed).toBe(true);
  });

  it('is deterministic: two runs in one process give the same text', () => {
    expect(generateSeedSql()).toBe(generateSeedSql());
  });

  describe('applied to a freshly migrated PGlite', () => {
    let db: Database;
    let first: Record<string, number>;
    beforeAll(async () => {
      db = await openPglite();
      await migrate(db);
      await db.exec(readFileSync(SEED_PATH, 'utf8'));
      first = await counts(db);
    }, 120_000);
    afterAll(async () => { await db.close(); });

    it('ORG-1: one 机关工委, 3 department committees, ≥12 branches, a 总支, ≥4 branches with 党小组s', async () => {
      const r = await one<{ wc: number; dept: number; branches: number; with_committee: number; general: number; with_groups: number }>(db, `select
        count(*) filter (where kind = 'work_committee' and parent_id is null)::int as wc,
        count(*) filter (where kind = 'department_committee')::int as dept,
        count(*) filter (where kind = 'branch')::int as branches,
        count(*) filter (where kind = 'branch' and has_committee)::int as with_committee,
        count(*) filter (where kind = 'general_branch')::int as general,
        count(distinct parent_id) filter (where kind = 'party_group')::int as with_groups
        from public.organisations`);
      expect(r.wc).toBe(1);
      expect(r.dept).toBe(3);
      expect(r.branches).toBeGreaterThanOrEqual(12);
      expect(r.with_committee).toBeGreaterThanOrEqual(5);
      expect(r.branches - r.with_committee).toBeGreaterThanOrEqual(5);
      expect(r.general).toBeGreaterThanOrEqual(1);
      expect(r.with_groups).toBeGreaterThanOrEqual(4);
    });

    it('ORG-2, ORG-4: ≥150 people, 20 observers, 预备党员 and activists, office staff', async () => {
      expect(first.people).toBeGreaterThanOrEqual(150);
      expect(first.observer_pool).toBe(20);
      expect(first.office_staff).toBe(5);
      expect(first.policy_versions).toBe(1);
      const s = await one<Record<string, number>>(db, `select
        count(*) filter (where m.status = 'probationary')::int as prob,
        count(*) filter (where m.status in ('activist', 'candidate'))::int as non_members
        from public.memberships m join public.organisations o on o.id = m.org_id where o.kind = 'branch'`);
      expect(s.prob).toBeGreaterThanOrEqual(8);
      expect(s.non_members).toBeGreaterThanOrEqual(5);
    });

    it('ORG-3: each branch has exactly one secretary and 8-18 members; each 党小组 one leader', async () => {
      const { rows } = await db.query<{ name: string; secretaries: number; members: number }>(`select o.name,
        count(*) filter (where 'secretary' = any (m.roles))::int as secretaries, count(m.person_id)::int as members
        from public.organisations o left join public.memberships m on m.org_id = o.id
        where o.kind = 'branch' group by o.name`);
      expect(rows.length).toBeGreaterThanOrEqual(12);
      for (const r of rows) {
        expect({ name: r.name, secretaries: r.secretaries }).toEqual({ name: r.name, secretaries: 1 });
        expect(r.members).toBeGreaterThanOrEqual(8);
        expect(r.members).toBeLessThanOrEqual(18);
      }
      const g = await one<{ bad: number }>(db, `select count(*)::int as bad from public.organisations o where o.kind = 'party_group'
        and (select count(*) from public.memberships m where m.org_id = o.id and 'group_leader' = any (m.roles)) <> 1`);
      expect(g.bad).toBe(0);
    });

    it('MTG-1..7: meetings of every kind in 2026, held before 2026-11-23 and planned after, with attendance', async () => {
      const { rows } = await db.query<{ kind: string; n: number }>('select kind::text, count(*)::int as n from public.meetings group by kind');
      const byKind = Object.fromEntries(rows.map((r) => [r.kind, r.n]));
      for (const k of ['general_meeting', 'committee_meeting', 'group_meeting', 'party_lecture', 'theme_day', 'life_meeting', 'member_appraisal']) {
        expect({ k, some: (byKind[k] ?? 0) > 0 }).toEqual({ k, some: true });
      }
      const s = await one<Record<string, number>>(db, `select
        count(*) filter (where status = 'held' and starts_at >= '2026-11-23T00:00+08')::int as held_late,
        count(*) filter (where status = 'planned' and starts_at < '2026-11-23T00:00+08')::int as planned_early,
        count(*) filter (where status = 'cancelled')::int as cancelled,
        count(*) filter (where starts_at < '2026-01-01T00:00+08' or starts_at >= '2027-01-01T00:00+08')::int as outside
        from public.meetings`);
      expect(s).toEqual({ held_late: 0, planned_early: 0, cancelled: 1, outside: 0 });
      expect(first.attendance).toBeGreaterThanOrEqual(2000);
      const noRows = await one<{ n: number }>(db, `select count(*)::int as n from public.meetings m where m.status = 'held'
        and not exists (select 1 from public.attendance a where a.meeting_id = m.id)`);
      expect(noRows.n).toBe(0);
    });

    it('ATT-1: someone has attended nothing, with no leave, since May', async () => {
      const r = await one<{ n: number }>(db, `select count(*)::int as n from public.people p
        where exists (select 1 from public.attendance a join public.meetings m on m.id = a.meeting_id
                      where a.person_id = p.id and m.starts_at < '2026-05-23T00:00+08')
          and not exists (select 1 from public.attendance a join public.meetings m on m.id = a.meeting_id
                      where a.person_id = p.id and m.starts_at >= '2026-05-23T00:00+08' and a.state in ('present', 'leave'))`);
      expect(r.n).toBeGreaterThanOrEqual(1);
    });

    it('the demo logins exist in the seed', async () => {
      const { rows } = await db.query<{ id: string; name: string }>('select id, name from public.people where id = any ($1::uuid[])', [DEMO_LOGINS.map((l) => l.id)]);
      expect(rows.length).toBe(DEMO_LOGINS.length);
      for (const l of DEMO_LOGINS) expect(rows.find((r) => r.id === l.id)?.name).toBe(l.name);
    });

    it('applying it a second time changes no counts', async () => {
      await db.exec(readFileSync(SEED_PATH, 'utf8'));
      expect(await counts(db)).toEqual(first);
    }, 120_000);
  });
});
