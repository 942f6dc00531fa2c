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
-- A member who joined the branch inside the window is not judged by ATT-1 (absenceFlags says so first), so
-- the branch's own meetings count without comparing join dates; a 党小组's count while the member was in it.
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
    ), grp as materialized (
      -- Their 党小组 memberships that overlap the window: a group's meetings are expected only between the
      -- day they joined it and the day they left it (a member who moved groups keeps the old group's part).
      select m.person_id, m.branch_id, g.org_id, m.on_committee, g.joined_on as from_d, g.left_on as until_d
        from mem m join public.memberships g on g.person_id = m.person_id and (g.left_on is null or g.left_on >= ($3 at time zone 'Asia/Shanghai')::date)
        join public.organisations go on go.id = g.org_id and go.kind = 'party_group' and go.parent_id = m.branch_id
    ), win as materialized (
      select mt.id, mt.org_id, mt.kind = 'committee_meeting' as for_committee, (mt.starts_at at time zone 'Asia/Shanghai')::date as d
        from public.meetings mt
       where mt.org_id = any($2) and mt.status = 'held' and mt.starts_at >= $3 and mt.starts_at < $4
    ), per_branch as (
      select w.org_id, count(*)::int as n_all, (count(*) filter (where not w.for_committee))::int as n_members
        from win w where w.org_id = any($1) group by w.org_id
    ), branch_marked as (
      -- The branches' own meetings, read meeting by meeting, per person and 支委会 or not.
      select a.person_id, w.org_id, w.for_committee,
             count(*) filter (where a.state = 'present') as present,
             count(*) filter (where a.state = 'leave' and btrim(coalesce(a.leave_reason, '')) <> '') as leave,
             max(w.d) filter (where a.state = 'present') as last_present
        from win w join public.attendance a on a.meeting_id = w.id
       where w.org_id = any($1) and a.state in ('present', 'leave')
       group by a.person_id, w.org_id, w.for_committee
    ), per_member as (
      select m.person_id, m.branch_id, case when m.on_committee then b.n_all else b.n_members end as expected,
             0::bigint as present, 0::bigint as leave, null::date as last_present
        from mem m join per_branch b on b.org_id = m.branch_id
      union all
      select m.person_id, m.branch_id, 0, k.present, k.leave, k.last_present
        from mem m join branch_marked k on k.person_id = m.person_id and k.org_id = m.branch_id and (not k.for_committee or m.on_committee)
      union all
      -- 党小组 meetings while a member of the group, one by one (a small share of the window).
      select g.person_id, g.branch_id, 1, (a.state = 'present')::int,
             (a.state = 'leave' and btrim(coalesce(a.leave_reason, '')) <> '')::int, case when a.state = 'present' then w.d end
        from grp g join win w on w.org_id = g.org_id and w.d >= g.from_d and (g.until_d is null or w.d <= g.until_d)
                               and (not w.for_committee or g.on_committee)
        left join public.attendance a on a.meeting_id = w.id and a.person_id = g.person_id
    ), counts as (
      select person_id, branch_id, sum(expected)::int as expected, sum(present)::int as present, sum(leave)::int as leave,
             max(last_present) as last_present
        from per_member group by person_id, branch_id
    )
    select m.person_id, m.branch_id, (select p.name from public.people p where p.id = m.person_id), m.status, m.joined_on,
           coalesce(c.last_present, (
             select max((mt.starts_at at time zone 'Asia/Shanghai')::date)
               from public.attendance a join public.meetings mt on mt.id = a.meeting_id
              where a.person_id = m.person_id and a.state = 'present' and mt.status = 'held' and mt.starts_at < $4)),
           coalesce(c.expected, 0), coalesce(c.present, 0), coalesce(c.leave, 0)
      from mem m
      left join counts c on c.person_id = m.person_id and c.branch_id = m.branch_id
  $sql$ using v_branches, v_orgs, p_from, p_to;
end
$$;

revoke all on function app.absence_counts(uuid[], timestamptz, timestamptz) from public;
grant execute on function app.absence_counts(uuid[], timestamptz, timestamptz) to authenticated, service_role;
