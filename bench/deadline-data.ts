// The deadlines board's data beyond the observations (CALC-3, FB-2..4), added once to the reports dataset:
// for every observation whose feedback was sent (2,167), the committee's discussion and two rectification
// items (one closed through the loop, one still open), and the first commitment report for every third one.
// Set-based, as the table owner; the rectification triggers check each step as they would for the API.
import type { Client } from 'pg';
import { note } from './lib';

export async function ensureDeadlineData(c: Client): Promise<void> {
  const done = await c.query("select 1 from pg_tables where tablename = 'bench_deadline_data_done'");
  if (done.rows.length > 0) return;
  const t0 = Date.now();
  await c.query('begin');
  try {
    const sent = `select o.id, o.feedback_sent_at, m.org_id, a.person_id as leader
                    from observations o join meetings m on m.id = o.meeting_id
                    join observation_assignments a on a.observation_id = o.id and a.is_leader
                   where o.feedback_sent_at is not null`;
    await c.query(`insert into rectification_discussions (observation_id, held_on, summary, recorded_by, recorded_at)
                   select id, (feedback_sent_at + interval '5 days')::date, '支委会逐条研究反馈意见', leader, feedback_sent_at + interval '5 days' from (${sent}) s`);
    await c.query(`insert into rectification_items (observation_id, title, owner_person_id, due_date, created_by)
                   select id, t.title, leader, (feedback_sent_at + t.days * interval '1 day')::date, leader
                     from (${sent}) s, (values ('会前学习准备不足', 20), ('发言不够深入', 40)) t(title, days)`);
    await c.query(`update rectification_items set status = 'submitted', evidence_text = '整改材料' where title = '会前学习准备不足'`);
    await c.query(`update rectification_items i set status = 'closed', closed_by = i.owner_person_id, closed_at = i.due_date - 2 where title = '会前学习准备不足'`);
    await c.query(`insert into observation_reports (observation_id, kind, period_no, org_id, due_date, held_on, summary, reported_by)
                   select id, 'commitment_report', 1, org_id, (feedback_sent_at + interval '3 months')::date,
                          (feedback_sent_at + interval '3 months' - interval '2 days')::date, '党员报告承诺落实情况', leader
                     from (${sent}) s where abs(hashtext(id::text)) % 3 = 0`);
    await c.query('create table bench_deadline_data_done (at timestamptz default now())');
    await c.query('commit');
  } catch (e) {
    await c.query('rollback');
    throw e;
  }
  await c.query('analyze rectification_discussions, rectification_items, observation_reports');
  note(`reports: deadline data (discussions, rectification items, reports) added in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
