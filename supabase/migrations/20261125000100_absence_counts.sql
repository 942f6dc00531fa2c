-- Issue 5 (province scale): ATT-1's per-member counts for a page of branches in one scoped call.
-- Read through RLS, the query checked the attendance policy (a meetings lookup and two scope sets) on each
-- of ~220,000 attendance rows for a page of 500 branches, and scanned every member's whole history for the
-- last attendance: 8-19 s. Here the scope is checked once, on the branches asked for (office staff, in
-- their own scope: the same set `GET /api/compliance` pages over), and the rows are read as the owner.
-- Decision record 0005.
--
-- Per member of the branches (full or probationary, not left): the window's expected meetings (the branch's
-- and their 党小组s' held meetings, 支委会 only for committee members), how many of those they attended or
-- missed with a leave that has a reason, and the date they last attended. The window is (p_from, p_to).
-- A member who joined inside the window is not judged by ATT-1 (absenceFlags says so first), so expected
-- counts every meeting of the window without comparing join dates.
-- The last attendance before the window is looked up only for members with none inside it: it is the
-- date a flag reports; the others are not flagged whatever it is.

create or replace function app.absence_counts(p_branch_ids uuid[], p_from timestamptz, p_to timestamptz)
returns table (person_id uuid, branch_id uuid, name text, status public.member_status, joined_on date,
               last_present_on date, expected int, present int, leave int)
language plpgsql stable security definer
-- A report over ~200,000 rows: no JIT (it compiled for longer than the query ran), memory to hash instead
-- of spilling sorts to disk, and index costs as on SSD (as Supabase sets them).
set search_path = '' set jit = off set work_mem = '32MB' set random_page_cost = 1.1
as $$
declare
  v_branches uuid[];
  v_orgs uuid[];
begin
  select coalesce(array_agg(b), '{}') into v_branches
    from unnest(p_branch_ids) b where b in (select app.office_org_ids());
  select v_branches || coalesce(array_agg(g.id), '{}') into v_orgs
    from public.organisations g where g.parent_id = any(v_branches) and g.kind = 'party_group';
  -- EXECUTE: planned with this call's arrays (their lengths drive the estimates), never a generic plan.
  return query execute $sql$
    with mem as materialized (
      select ms.person_id, ms.org_id as branch_id, ms.status, ms.joined_on,
             ms.roles && array['secretary', 'deputy_secretary', 'committee_member']::public.branch_role[] as on_committee
        from public.memberships ms
       where ms.org_id = any($1) and ms.left_on is null and ms.status in ('full', 'probationary')
    ), mem_orgs as materialized (
      -- The organisations whose meetings a member should attend: the branch and their 党小组s in it.
      select m.person_id, m.branch_id, m.branch_id as org_id, m.on_committee from mem m
      union all
      select m.person_id, m.branch_id, g.org_id, m.on_committee
        from mem m join public.memberships g on g.person_id = m.person_id and g.left_on is null
        join public.organisations go on go.id = g.org_id and go.kind = 'party_group' and go.parent_id = m.branch_id
    ), win as materialized (
      select mt.id, mt.org_id, mt.kind = 'committee_meeting' as for_committee, (mt.starts_at at time zone 'Asia/Shanghai')::date as d
        from public.meetings mt
       where mt.org_id = any($2) and mt.status = 'held' and mt.starts_at >= $3 and mt.starts_at < $4
    ), per_org as (
      select w.org_id, count(*)::int as n_all, (count(*) filter (where not w.for_committee))::int as n_members
        from win w group by w.org_id
    ), expected as (
      select mo.person_id, mo.branch_id, sum(case when mo.on_committee then o.n_all else o.n_members end)::int as n
        from mem_orgs mo join per_org o on o.org_id = mo.org_id group by mo.person_id, mo.branch_id
    ), marked as (
      -- The window's attendance, read meeting by meeting, per person, organisation and 支委会 or not.
      select a.person_id, w.org_id, w.for_committee,
             count(*) filter (where a.state = 'present') as present,
             count(*) filter (where a.state = 'leave' and btrim(coalesce(a.leave_reason, '')) <> '') as leave,
             max(w.d) filter (where a.state = 'present') as last_present
        from win w join public.attendance a on a.meeting_id = w.id
       where a.state in ('present', 'leave')
       group by a.person_id, w.org_id, w.for_committee
    ), counts as (
      select mo.person_id, mo.branch_id, sum(k.present)::int as present, sum(k.leave)::int as leave, max(k.last_present) as last_present
        from mem_orgs mo join marked k on k.person_id = mo.person_id and k.org_id = mo.org_id and (not k.for_committee or mo.on_committee)
       group by mo.person_id, mo.branch_id
    )
    select m.person_id, m.branch_id, (select p.name from public.people p where p.id = m.person_id), m.status, m.joined_on,
           coalesce(c.last_present, (
             select max((mt.starts_at at time zone 'Asia/Shanghai')::date)
               from public.attendance a join public.meetings mt on mt.id = a.meeting_id
              where a.person_id = m.person_id and a.state = 'present' and mt.starts_at < $4)),
           coalesce(e.n, 0), coalesce(c.present, 0), coalesce(c.leave, 0)
      from mem m
      left join counts c on c.person_id = m.person_id and c.branch_id = m.branch_id
      left join expected e on e.person_id = m.person_id and e.branch_id = m.branch_id
  $sql$ using v_branches, v_orgs, p_from, p_to;
end
$$;

revoke all on function app.absence_counts(uuid[], timestamptz, timestamptz) from public;
grant execute on function app.absence_counts(uuid[], timestamptz, timestamptz) to authenticated, service_role;
