-- Issue 7 (province scale): the office's deadlines board (CALC-3, FB-1..4, OBS-5) reads its data in one scoped
-- call. Read as the office person under RLS it took four passes (observations, groups with first sheets,
-- rectification, reports), each row checked against its table's policy (app.office_observation_ids() on every
-- assignment, sheet, item and report): about 0.55 s on the province bench (4,333 observations), 0.35 s of it
-- without the policies. Here the scope is checked once and the rows are read as the owner, as decision
-- record 0005 allows for a report (app.absence_counts, 20261125000100, is the model).
--
-- Scope (why this returns exactly what the RLS passes returned):
-- * Office staff only: the caller's app.office_org_ids(); anyone else (an ordinary member, a branch 书记, an
--   observer) gets no rows, whatever they may read elsewhere. The board itself is office-only (requireOffice).
-- * An observation is in when its meeting's organisation is in that scope: app.office_observation_ids(),
--   which the old passes filtered on. Its meeting, group, sheets, rectification and reports are all readable
--   by office staff in scope under the policies, so reading them as owner adds nothing.
-- * FB-3's invitee (a committee member of another organisation, not office staff) was decided on the
--   memberships the caller may read: their own, their organisations' and the scope's. The same limit is kept
--   here, so an invitee whose branch is outside the office's scope is still not one on its board.
--
-- What it returns is what the board needs, one row per observation (not cancelled, meeting in
-- [p_from, p_to)), in meeting order, its children as compact JSON arrays (no names, no whole rows):
--   members       [[person_id, is_leader, first sheet's submitted_at | null, is_invitee], ...] by person_id (FB-1, FB-3)
--   discussed_at  [recorded_at, ...]                                    (FB-2, only once the feedback was sent)
--   items         [[id, title, owner_person_id, due_date, status, closed_at | null], ...] by due date, id (FB-2, idem)
--   reports       [[kind, period_no, held_on], ...] by kind, period     (FB-3, FB-4)
-- Instants are milliseconds since 1970 (floor: as the API's Dates keep them), dates YYYY-MM-DD. members and
-- discussed_at are JSON written as text by concatenation (ids, flags and numbers need no escaping): for the
-- ~13,000 members of a province's year, json_build_array (it looks up each argument's type on every call) and
-- formatting timestamps cost about twice as much.
-- EXPLAIN (ANALYZE, BUFFERS) on the bench: the observations first (a few thousand), each meeting by its key;
-- starting from the scope's organisations read all 400,000 of their meetings. The scope test is a hashed
-- `= any` of the scope's array (a join to its unnest sorted both sides). The children are small tables read
-- once each through their observation index and grouped per observation.

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
  v_seen uuid[];
begin
  select coalesce(array_agg(o), '{}') into v_orgs from app.office_org_ids() o;
  if cardinality(v_orgs) = 0 then return; end if;
  -- The organisations whose memberships the caller may read (the memberships policy): the scope and their own.
  select v_orgs || coalesce(array_agg(o), '{}') into v_seen from app.my_org_ids() o;
  -- EXECUTE: planned with this call's arrays and dates, never a generic plan: `= any` of a known array is hashed
  -- (a join to its unnest sorted both sides).
  return query execute $sql$
    with cand as materialized (
      -- From the observations (thousands), each meeting by its key.
      select o.id, o.mode, m.kind, m.starts_at, o.plan_submitted_at, o.feedback_sent_at, o.meeting_id, m.org_id
        from public.observations o join public.meetings m on m.id = o.meeting_id
       where o.status <> 'cancelled' and m.starts_at >= $3 and m.starts_at < $4
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
                                  and mb.roles && array['secretary', 'deputy_secretary', 'committee_member']::public.branch_role[]
                                  and (mb.org_id = any($2::uuid[]) or mb.person_id = (select auth.uid()))))
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
  $sql$ using v_orgs, v_seen, p_from, p_to;
end
$$;

revoke all on function app.deadline_data(timestamptz, timestamptz) from public;
grant execute on function app.deadline_data(timestamptz, timestamptz) to authenticated, service_role;
