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

-- Journey "secretary sees the quorum change live": a 支部党员大会 happening now (the API refuses a start in the past).
insert into public.meetings (id, org_id, kind, topic, starts_at, ends_at, place, host_person_id, agenda, created_by)
values ('e2e00000-0000-4000-8000-000000000003', '0da01a68-3bfe-4ee6-8ac0-575038a32908', 'general_meeting',
        '支部党员大会：讨论年度工作', now() - interval '5 minutes', now() + interval '2 hours', '预算科三楼会议室',
        '7a3ec636-b680-4177-8476-123e9841449e', array['通报年度工作', '讨论表决'],
        '7a3ec636-b680-4177-8476-123e9841449e');
