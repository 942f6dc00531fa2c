-- FB-3 on the office's deadlines board: the invited committee member of a 观察员 visit reports back at their own
-- branch's next committee meeting, wherever that branch is. app.deadline_data (20261126000200) decided who is an
-- invitee on the memberships the office person may read under RLS (the scope's and their own), as the passes it
-- replaced did: a department office that invited a committee member from another department saw no invitee, so the
-- visit's report-back never showed on its board nor went overdue. The visit is in the office's scope; whether
-- someone in its group sits on a committee elsewhere is decided on every membership now (only that flag is
-- returned, never the membership). Otherwise the same function.

create or replace function app.deadline_data(p_from timestamptz, p_to timestamptz)
returns table (id uuid, mode public.observation_mode, kind public.meeting_kind, starts_at float8,
               plan_submitted_at float8, feedback_sent_at float8, meeting_id uuid,
               branch_id uuid, branch_name text, members text, discussed_at text, items json, reports json)
language plpgsql stable security definer
-- A report over tens of thousands of rows: no JIT (it compiled for longer than the query ran), memory to
-- hash and sort in, and index costs as on SSD (as Supabase sets them).
set search_path = '' set jit = off set work_mem = '32MB' set random_page_cost = 1.1
as $$
declare
  v_orgs uuid[];
begin
  select coalesce(array_agg(o), '{}') into v_orgs from app.office_org_ids() o;
  if cardinality(v_orgs) = 0 then return; end if;
  -- EXECUTE: planned with this call's arrays and dates, never a generic plan: `= any` of a known array is hashed
  -- (a join to its unnest sorted both sides).
  return query execute $sql$
    with cand as materialized (
      -- From the observations (thousands), each meeting by its key.
      select o.id, o.mode, m.kind, m.starts_at, o.plan_submitted_at, o.feedback_sent_at, o.meeting_id, m.org_id
        from public.observations o join public.meetings m on m.id = o.meeting_id
       where o.status <> 'cancelled' and m.starts_at >= $2 and m.starts_at < $3
    ), obs as materialized (
      -- A 党小组's meeting counts for its branch.
      select c.*, b.id as branch_id, b.name as branch_name
        from cand c
        join public.organisations org on org.id = c.org_id
        join public.organisations b on b.id = coalesce(case when org.kind = 'party_group' then org.parent_id end, org.id)
       where c.org_id = any($1::uuid[])
    ), sheets as (
      -- FB-1: each member's first version.
      select s.observation_id, s.observer_id, min(s.submitted_at) as sheet_at
        from public.score_sheets s
       where s.observation_id in (select x.id from obs x)
       group by s.observation_id, s.observer_id
    ), grp as (
      select a.observation_id,
             '[' || string_agg('["' || a.person_id || '",' || a.is_leader || ','
               || coalesce(floor(extract(epoch from s.sheet_at) * 1000)::text, 'null') || ','
               -- FB-3: who reports back, for 观察员 visits only.
               || (x.mode = 'guancha'
                   and not exists (select 1 from public.office_staff st where st.person_id = a.person_id)
                   and exists (select 1 from public.memberships mb
                                where mb.person_id = a.person_id and mb.left_on is null and mb.org_id <> x.org_id
                                  and mb.roles && array['secretary', 'deputy_secretary', 'committee_member']::public.branch_role[]))
               || ']', ',' order by a.person_id) || ']' as members
        from obs x
        join public.observation_assignments a on a.observation_id = x.id
        left join sheets s on s.observation_id = a.observation_id and s.observer_id = a.person_id
       group by a.observation_id
    ), disc as (
      -- FB-2: nothing exists before the feedback is sent.
      select d.observation_id,
             '[' || string_agg(floor(extract(epoch from d.recorded_at) * 1000)::text, ',' order by d.recorded_at) || ']' as discussed_at
        from public.rectification_discussions d
       where d.observation_id in (select x.id from obs x where x.feedback_sent_at is not null)
       group by d.observation_id
    ), itm as (
      select i.observation_id,
             json_agg(json_build_array(i.id, i.title, i.owner_person_id, i.due_date, i.status, floor(extract(epoch from i.closed_at) * 1000))
                      order by i.due_date, i.id) as items
        from public.rectification_items i
       where i.observation_id in (select x.id from obs x where x.feedback_sent_at is not null)
       group by i.observation_id
    ), rep as (
      select r.observation_id, json_agg(json_build_array(r.kind, r.period_no, r.held_on) order by r.kind, r.period_no) as reports
        from public.observation_reports r
       where r.observation_id in (select x.id from obs x)
       group by r.observation_id
    )
    select x.id, x.mode, x.kind,
           floor(extract(epoch from x.starts_at) * 1000)::float8,
           floor(extract(epoch from x.plan_submitted_at) * 1000)::float8,
           floor(extract(epoch from x.feedback_sent_at) * 1000)::float8,
           x.meeting_id, x.branch_id, x.branch_name,
           coalesce(g.members, '[]'), coalesce(d.discussed_at, '[]'), coalesce(i.items, '[]'), coalesce(r.reports, '[]')
      from obs x
      left join grp g on g.observation_id = x.id
      left join disc d on d.observation_id = x.id
      left join itm i on i.observation_id = x.id
      left join rep r on r.observation_id = x.id
     order by x.starts_at, x.id
  $sql$ using v_orgs, p_from, p_to;
end
$$;

revoke all on function app.deadline_data(timestamptz, timestamptz) from public;
grant execute on function app.deadline_data(timestamptz, timestamptz) to authenticated, service_role;
