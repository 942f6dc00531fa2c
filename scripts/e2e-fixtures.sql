-- Browser journeys (scripts/e2e.sh): what the public API cannot arrange yet, loaded once after the
-- demo seed, before the server starts. Times are relative to now() so the meetings are "happening now".
-- People and branches are the demo seed's (scripts/seed/demo-logins.ts): 财政局预算科党支部
-- (0da01a68-…), its secretary 杨霞文 (7a3ec636-…) and the observer 刘磊峰 (acd5db04-…).

-- Journey "observer checks in → writes notes → submits a sheet": a 主题党日 observed by one observer,
-- so the group result shows as soon as that sheet is in.
insert into public.meetings (id, org_id, kind, topic, starts_at, ends_at, place, host_person_id, agenda, created_by)
values ('e2e00000-0000-4000-8000-000000000001', '0da01a68-3bfe-4ee6-8ac0-575038a32908', 'theme_day',
        '主题党日：学习党章党规', now() - interval '10 minutes', now() + interval '2 hours', '预算科三楼会议室',
        '7a3ec636-b680-4177-8476-123e9841449e', array['重温入党誓词', '集体学习党章', '交流发言'],
        '7a3ec636-b680-4177-8476-123e9841449e');

insert into public.observations (id, meeting_id, mode, rubric, plan, plan_submitted_at, created_by)
values ('e2e00000-0000-4000-8000-000000000002', 'e2e00000-0000-4000-8000-000000000001', 'guancha', 'guancha_3',
        jsonb_build_object('agenda', jsonb_build_array('重温入党誓词', '集体学习党章', '交流发言'),
                           'content', '围绕党章第一章开展集中学习，每位党员结合岗位交流体会。',
                           'host', '杨霞文', 'time', to_char((now() - interval '10 minutes') at time zone 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"'),
                           'place', '预算科三楼会议室'),
        now() - interval '8 days', '0b06a4f6-e48a-4c9e-8581-52f44a659c69');

insert into public.observation_assignments (observation_id, person_id, is_leader)
values ('e2e00000-0000-4000-8000-000000000002', 'acd5db04-2225-4583-97fe-79117c119a13', true);

-- Journey "feedback and rectification": its own observed meeting, held yesterday, so sending the feedback
-- there never takes the observer journey's visit off the observer's home page (whatever order jest picks).
insert into public.meetings (id, org_id, kind, topic, starts_at, ends_at, place, host_person_id, agenda, created_by)
values ('e2e00000-0000-4000-8000-000000000004', '0da01a68-3bfe-4ee6-8ac0-575038a32908', 'theme_day',
        '主题党日：重温入党誓词', now() - interval '1 day', now() - interval '1 day' + interval '2 hours', '预算科三楼会议室',
        '7a3ec636-b680-4177-8476-123e9841449e', array['重温入党誓词', '交流发言'],
        '7a3ec636-b680-4177-8476-123e9841449e');

insert into public.observations (id, meeting_id, mode, rubric, created_by)
values ('e2e00000-0000-4000-8000-000000000005', 'e2e00000-0000-4000-8000-000000000004', 'guancha', 'guancha_3',
        '0b06a4f6-e48a-4c9e-8581-52f44a659c69');

insert into public.observation_assignments (observation_id, person_id, is_leader)
values ('e2e00000-0000-4000-8000-000000000005', 'acd5db04-2225-4583-97fe-79117c119a13', true);

-- Journey "secretary sees the quorum change live": a 支部党员大会 happening now (the API refuses a start in the past).
insert into public.meetings (id, org_id, kind, topic, starts_at, ends_at, place, host_person_id, agenda, created_by)
values ('e2e00000-0000-4000-8000-000000000003', '0da01a68-3bfe-4ee6-8ac0-575038a32908', 'general_meeting',
        '支部党员大会：讨论年度工作', now() - interval '5 minutes', now() + interval '2 hours', '预算科三楼会议室',
        '7a3ec636-b680-4177-8476-123e9841449e', array['通报年度工作', '讨论表决'],
        '7a3ec636-b680-4177-8476-123e9841449e');

-- Journey "office draws the sample → deadlines board" (tests/e2e/office.test.ts): this year's filings
-- for two branches (the rest show as not filed), and observations whose deadlines are on the board:
-- a 旁听 held 10 days ago with nothing sent (sheets and feedback overdue, FB-1), a 观察员 visit in a
-- week (its plan due about now, OBS-5) and one on 2026-12-29, past the holiday calendar (待公布).
insert into public.yearly_plans (org_id, year, content, filed_by)
values ('0da01a68-3bfe-4ee6-8ac0-575038a32908', extract(year from now() at time zone 'Asia/Shanghai')::int,
        '全年组织生活安排：每月主题党日，每季度党员大会和党课。', '7a3ec636-b680-4177-8476-123e9841449e'),
       ('b1ae5c39-581d-4329-917b-83af23f5735f', extract(year from now() at time zone 'Asia/Shanghai')::int,
        '全年组织生活安排：每月支委会和主题党日。', 'ea80f6dc-ba35-42cd-aacd-94aa70af1dd1');

insert into public.observation_candidates (org_id, year, kind, topic, planned_at, place, contact_name, contact_phone, preferred_mode, filed_by)
values ('0da01a68-3bfe-4ee6-8ac0-575038a32908', extract(year from now() at time zone 'Asia/Shanghai')::int, 'party_lecture',
        '学习贯彻党的二十届四中全会精神',
        make_timestamptz(extract(year from now() at time zone 'Asia/Shanghai')::int, 3, 12, 9, 0, 0, 'Asia/Shanghai'),
        '财政大楼三楼会议室', '杨霞文', '0512-8888 1234', 'pangting', '7a3ec636-b680-4177-8476-123e9841449e');

insert into public.meetings (id, org_id, kind, topic, starts_at, ends_at, place, status)
values ('e2e00000-0000-4000-8000-000000000011', 'b1ae5c39-581d-4329-917b-83af23f5735f', 'general_meeting',
        '支部党员大会：学习贯彻全会精神', now() - interval '10 days', now() - interval '10 days' + interval '2 hours', '教育局五楼会议室', 'held'),
       ('e2e00000-0000-4000-8000-000000000013', '06e9085c-f95b-47de-9c7d-96d7e9a5b6aa', 'committee_meeting',
        '支部委员会：研究年度工作', now() + interval '7 days', now() + interval '7 days 2 hours', '教育局四楼会议室', 'planned'),
       ('e2e00000-0000-4000-8000-000000000015', '7931b235-4cc0-43a7-9bf6-95f1f536a197', 'general_meeting',
        '支部党员大会：年度总结', '2026-12-29T09:00:00+08:00', '2026-12-29T11:00:00+08:00', '财政大楼二楼会议室', 'planned');

insert into public.observations (id, meeting_id, mode, rubric, status, created_by)
values ('e2e00000-0000-4000-8000-000000000012', 'e2e00000-0000-4000-8000-000000000011', 'pangting', 'pingyi_5', 'held', 'd0037155-dbeb-4478-876e-73a194c050d7'),
       ('e2e00000-0000-4000-8000-000000000014', 'e2e00000-0000-4000-8000-000000000013', 'guancha', 'guancha_3', 'scheduled', 'd0037155-dbeb-4478-876e-73a194c050d7'),
       ('e2e00000-0000-4000-8000-000000000016', 'e2e00000-0000-4000-8000-000000000015', 'pangting', 'pingyi_5', 'scheduled', 'd0037155-dbeb-4478-876e-73a194c050d7');

insert into public.observation_assignments (observation_id, person_id, is_leader)
values ('e2e00000-0000-4000-8000-000000000012', 'd0037155-dbeb-4478-876e-73a194c050d7', true),
       ('e2e00000-0000-4000-8000-000000000012', '1226ee31-0c1d-4bf1-986f-9a99783a6356', false),
       ('e2e00000-0000-4000-8000-000000000012', 'acd5db04-2225-4583-97fe-79117c119a13', false);

-- Its leader's 评议表 is in (the other two are not, so the sheets stay overdue): the results page has a group to show.
insert into public.score_sheets (id, observation_id, observer_id, version, rubric, total, texts, submitted_at)
values ('e2e00000-0000-4000-8000-000000000017', 'e2e00000-0000-4000-8000-000000000012', 'd0037155-dbeb-4478-876e-73a194c050d7',
        1, 'pingyi_5', 72, '{"opinion":"程序规范，讨论充分，创新不足。"}', now() - interval '9 days');
insert into public.score_sheet_items (sheet_id, criterion, score, band)
values ('e2e00000-0000-4000-8000-000000000017', 'content', 16, '好'), ('e2e00000-0000-4000-8000-000000000017', 'form', 15, '好'),
       ('e2e00000-0000-4000-8000-000000000017', 'procedure', 14, '较好'), ('e2e00000-0000-4000-8000-000000000017', 'effect', 15, '好'),
       ('e2e00000-0000-4000-8000-000000000017', 'innovation', 12, '较好');
