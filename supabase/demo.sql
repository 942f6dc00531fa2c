-- 听看 demo: this year's observation work in progress, on top of seed.sql, for `npm start` only (tests and
-- Supabase never load it). Days are relative to today (Shanghai), so whenever the demo starts there is something
-- overdue, something due soon and a meeting happening now; each demo login finds work on its home page:
--   崔悦佳 (office)     the deadlines board (sheets and feedback overdue, a plan due), results, filings
--   于航春 (observer)   a 评议表 overdue; a 观察员 visit in 10 days
--   刘磊峰 (observer)   that visit, to lead
--   李菲婷 (书记)       the 观察员 visit's plan to submit (OBS-5); a 支部党员大会 happening now
--   周庆 (member)       that meeting, to check in or ask for leave
-- Rows are what the API would have written; where the API writes more (the audit log), the demo has less.

-- "Now" is the clock's, or demo.now when the loader sets it (the first-start test pins a date); on_day is a time
-- of day some days from today, in Shanghai. Both live in this session only.
create function pg_temp.demo_now() returns timestamptz language sql stable
as $$ select coalesce(nullif(current_setting('demo.now', true), '')::timestamptz, now()) $$;
create function pg_temp.on_day(days int, at time) returns timestamptz language sql stable
as $$ select (date_trunc('day', pg_temp.demo_now() at time zone 'Asia/Shanghai') + make_interval(days => days) + at) at time zone 'Asia/Shanghai' $$;

-- 巡听 of 卫健委医政医管科党支部's 支部党员大会, 12 days ago: two of three 评议表 in, 于航春's missing and the
-- written evaluation not sent (both overdue, FB-1).
insert into public.meetings (id, org_id, kind, topic, starts_at, ends_at, place, host_person_id, agenda, status, created_by)
values ('de300000-0000-4000-8000-000000000001', '93d55b37-b5dd-457c-8d24-1d3ca1d61513', 'general_meeting',
        '支部党员大会：学习贯彻党的二十届四中全会精神', pg_temp.on_day(-12, '14:30'), pg_temp.on_day(-12, '16:30'),
        '卫健委四楼会议室', '14e6470c-c3cd-44bb-bdb7-ce036e968164', array['传达全会精神', '交流研讨', '部署下阶段工作'], 'held',
        '14e6470c-c3cd-44bb-bdb7-ce036e968164');
insert into public.attendance (meeting_id, person_id, state, method, checked_in_at)
select 'de300000-0000-4000-8000-000000000001', m.person_id, 'present', 'qr', pg_temp.on_day(-12, '14:25')
  from public.memberships m where m.org_id = '93d55b37-b5dd-457c-8d24-1d3ca1d61513' and m.left_on is null;
insert into public.observations (id, meeting_id, mode, rubric, status, created_by)
values ('de300000-0000-4000-8000-000000000002', 'de300000-0000-4000-8000-000000000001', 'xunting', 'pingyi_5', 'held',
        'd0037155-dbeb-4478-876e-73a194c050d7');
insert into public.observation_assignments (observation_id, person_id, is_leader, checked_in_at, checkin_method)
values ('de300000-0000-4000-8000-000000000002', 'a2f09094-70d1-4d9c-ab1a-9663cda866a8', true, pg_temp.on_day(-12, '14:20'), 'qr'),
       ('de300000-0000-4000-8000-000000000002', 'acd5db04-2225-4583-97fe-79117c119a13', false, pg_temp.on_day(-12, '14:20'), 'qr'),
       ('de300000-0000-4000-8000-000000000002', '4e7f1ad7-13fa-4fe8-97e7-2b8dc08c8e59', false, pg_temp.on_day(-12, '14:20'), 'qr');

-- 旁听 of 教育局机关第一党支部's 党课, 20 days ago: all three 评议表 in (the results page has a group), the
-- written evaluation still not sent (overdue, FB-1).
insert into public.meetings (id, org_id, kind, topic, starts_at, ends_at, place, status)
values ('de300000-0000-4000-8000-000000000003', 'b1ae5c39-581d-4329-917b-83af23f5735f', 'party_lecture',
        '党课：以严的基调强化正风肃纪', pg_temp.on_day(-20, '09:00'), pg_temp.on_day(-20, '10:30'),
        '教育局五楼会议室', 'held');
insert into public.attendance (meeting_id, person_id, state, method, checked_in_at)
select 'de300000-0000-4000-8000-000000000003', m.person_id, 'present', 'qr', pg_temp.on_day(-20, '08:55')
  from public.memberships m where m.org_id = 'b1ae5c39-581d-4329-917b-83af23f5735f' and m.left_on is null;
insert into public.observations (id, meeting_id, mode, rubric, status, created_by)
values ('de300000-0000-4000-8000-000000000004', 'de300000-0000-4000-8000-000000000003', 'pangting', 'pingyi_5', 'held',
        'd0037155-dbeb-4478-876e-73a194c050d7');
insert into public.observation_assignments (observation_id, person_id, is_leader, checked_in_at, checkin_method)
values ('de300000-0000-4000-8000-000000000004', 'acd5db04-2225-4583-97fe-79117c119a13', true, pg_temp.on_day(-20, '08:50'), 'qr'),
       ('de300000-0000-4000-8000-000000000004', 'a2f09094-70d1-4d9c-ab1a-9663cda866a8', false, pg_temp.on_day(-20, '08:50'), 'qr'),
       ('de300000-0000-4000-8000-000000000004', 'd0037155-dbeb-4478-876e-73a194c050d7', false, pg_temp.on_day(-20, '08:50'), 'qr');

-- The 评议表 (SCORE-1: five criteria 0-20, each with its band), one version each.
with sheet(id, observation_id, observer_id, scores, opinion, days_ago) as (values
  ('de300000-0000-4000-8000-000000000011'::uuid, 'de300000-0000-4000-8000-000000000002'::uuid, 'acd5db04-2225-4583-97fe-79117c119a13'::uuid,
   array[17, 16, 15, 16, 12], '程序规范，研讨发言联系实际，创新形式不多。', 11),
  ('de300000-0000-4000-8000-000000000012', 'de300000-0000-4000-8000-000000000002', '4e7f1ad7-13fa-4fe8-97e7-2b8dc08c8e59',
   array[16, 15, 16, 15, 13], '会前准备充分，会议记录完整。', 10),
  ('de300000-0000-4000-8000-000000000013', 'de300000-0000-4000-8000-000000000004', 'acd5db04-2225-4583-97fe-79117c119a13',
   array[18, 16, 17, 17, 14], '党课紧扣主题，案例鲜活，党员反响好。', 19),
  ('de300000-0000-4000-8000-000000000014', 'de300000-0000-4000-8000-000000000004', 'a2f09094-70d1-4d9c-ab1a-9663cda866a8',
   array[17, 15, 16, 16, 11], '内容扎实，互动环节较少。', 18),
  ('de300000-0000-4000-8000-000000000015', 'de300000-0000-4000-8000-000000000004', 'd0037155-dbeb-4478-876e-73a194c050d7',
   array[16, 16, 17, 15, 12], '组织规范，时间把握得当。', 18)
), sheets as (
  insert into public.score_sheets (id, observation_id, observer_id, version, rubric, total, texts, submitted_at)
  select id, observation_id, observer_id, 1, 'pingyi_5', (select sum(x) from unnest(scores) x), jsonb_build_object('opinion', opinion),
         pg_temp.on_day(-days_ago, '18:00')
    from sheet
  returning id
)
insert into public.score_sheet_items (sheet_id, criterion, score, band)
select s.id, c.criterion, s.scores[c.n], case when s.scores[c.n] >= 15 then '好' when s.scores[c.n] >= 10 then '较好' when s.scores[c.n] >= 5 then '一般' else '较差' end
  from sheet s
  cross join (values (1, 'content'), (2, 'form'), (3, 'procedure'), (4, 'effect'), (5, 'innovation')) c(n, criterion)
 where s.id in (select id from sheets);

-- 观察员 visit of 卫健委办公室党支部's 支委会 in 10 days, its plan not yet submitted (due soon, OBS-5).
insert into public.meetings (id, org_id, kind, topic, starts_at, ends_at, place, host_person_id, status, created_by)
values ('de300000-0000-4000-8000-000000000005', '9fadd1d3-795d-4f04-be93-0b07494d0f89', 'committee_meeting',
        '支部委员会：研究年度党员民主评议工作', pg_temp.on_day(10, '09:30'), pg_temp.on_day(10, '11:00'),
        '卫健委三楼小会议室', 'fb2baebc-cc6c-4bf5-b2ba-ccacd0307089', 'planned', 'fb2baebc-cc6c-4bf5-b2ba-ccacd0307089');
insert into public.observations (id, meeting_id, mode, rubric, status, created_by)
values ('de300000-0000-4000-8000-000000000006', 'de300000-0000-4000-8000-000000000005', 'guancha', 'guancha_3', 'scheduled',
        'd0037155-dbeb-4478-876e-73a194c050d7');
insert into public.observation_assignments (observation_id, person_id, is_leader)
values ('de300000-0000-4000-8000-000000000006', 'acd5db04-2225-4583-97fe-79117c119a13', true),
       ('de300000-0000-4000-8000-000000000006', 'a2f09094-70d1-4d9c-ab1a-9663cda866a8', false);

-- A 支部党员大会 of 卫健委办公室党支部 happening now: its members confirm attendance or ask for leave, the
-- 书记 shows the check-in code and sees the quorum (VOTE-2).
insert into public.meetings (id, org_id, kind, topic, starts_at, ends_at, place, host_person_id, agenda, created_by)
values ('de300000-0000-4000-8000-000000000007', '9fadd1d3-795d-4f04-be93-0b07494d0f89', 'general_meeting',
        '支部党员大会：讨论接收预备党员', pg_temp.demo_now() - interval '10 minutes', pg_temp.demo_now() + interval '2 hours', '卫健委三楼会议室',
        'fb2baebc-cc6c-4bf5-b2ba-ccacd0307089', array['介绍发展对象情况', '讨论表决'], 'fb2baebc-cc6c-4bf5-b2ba-ccacd0307089');

-- This year's 备案表 (OBS-1): three branches have filed, the rest show as not filed.
insert into public.observation_candidates (org_id, year, kind, topic, planned_at, place, contact_name, contact_phone, preferred_mode, filed_by)
select c.org_id::uuid, extract(year from pg_temp.demo_now() at time zone 'Asia/Shanghai')::int, c.kind::public.meeting_kind, c.topic,
       make_timestamptz(extract(year from pg_temp.demo_now() at time zone 'Asia/Shanghai')::int, c.month, 15, 14, 30, 0, 'Asia/Shanghai'),
       c.place, c.contact, c.phone, c.mode::public.observation_mode, c.filed_by::uuid
  from (values
    ('9fadd1d3-795d-4f04-be93-0b07494d0f89', 'theme_day', '主题党日：走进社区义诊', 5, '滨江社区卫生服务中心', '李菲婷', '13989072514', 'pangting', 'fb2baebc-cc6c-4bf5-b2ba-ccacd0307089'),
    ('93d55b37-b5dd-457c-8d24-1d3ca1d61513', 'general_meeting', '支部党员大会：专题学习', 9, '卫健委四楼会议室', '周春', '13260596681', 'xunting', '14e6470c-c3cd-44bb-bdb7-ce036e968164'),
    ('b1ae5c39-581d-4329-917b-83af23f5735f', 'party_lecture', '党课：以严的基调强化正风肃纪', 10, '教育局五楼会议室', '教育局机关第一党支部', '0512-8888 2301', 'pangting', 'd0037155-dbeb-4478-876e-73a194c050d7')
  ) c(org_id, kind, topic, month, place, contact, phone, mode, filed_by);
