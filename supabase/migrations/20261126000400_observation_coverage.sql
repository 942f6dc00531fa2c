-- Issue 7 (province scale): the year's observation coverage of GET /api/compliance (OBS-2..4) in one scoped call.
-- Read as the office person under RLS, the statement checked the observations' policy and, through a lateral
-- lookup, the meetings' policy (scope sets) on each of the year's observations (4,333 on the province bench):
-- 120-270 ms. Here the scope is checked once and the rows are read as the owner, as decision record 0005
-- allows for a report (app.absence_counts, 20261125000100, is the model; app.deadline_data reads the same year).
--
-- Scope (why this returns what the RLS statement returned to the page):
-- * Office staff only: the caller's app.office_org_ids(), read once; anyone else (an ordinary member, a branch
--   书记, an observer) gets no rows, whatever they may read elsewhere. The page is office-only (requireOffice).
-- * An observation is in when its meeting's organisation is in that scope: app.office_observation_ids(), the
--   office's part of the observations' policy; its meeting and organisation are readable by office staff in
--   scope. Rows the caller could read for another reason (as an observer, as a member) fall outside the
--   scope's branches, which coverage() dropped anyway.
--
-- Returned: one row per branch, mode and Shanghai date (distinct) of the observations that are not cancelled and
-- whose meeting starts in [p_from, p_to). A 党小组's (party_group) meeting counts for its branch. The date is
-- YYYY-MM-DD text, as the statement gave it.

create or replace function app.observation_coverage(p_from timestamptz, p_to timestamptz)
returns table (branch_id uuid, mode public.observation_mode, date text)
language plpgsql stable security definer
-- As app.absence_counts: no JIT, memory to hash, and index costs as on SSD (as Supabase sets them).
set search_path = '' set jit = off set work_mem = '32MB' set random_page_cost = 1.1
as $$
declare
  v_orgs uuid[];
begin
  select coalesce(array_agg(o), '{}') into v_orgs from app.office_org_ids() o;
  if cardinality(v_orgs) = 0 then return; end if;
  -- EXECUTE: planned with this call's array and dates, never a generic plan: `= any` of a known array is hashed.
  -- The year's observations first (thousands), each meeting by its key, then the scope test: starting from
  -- the scope's organisations read all 400,000 of their year's meetings (EXPLAIN on the bench).
  return query execute $sql$
    with cand as materialized (
      select o.mode, m.org_id, m.starts_at
        from public.observations o join public.meetings m on m.id = o.meeting_id
       where o.status <> 'cancelled' and m.starts_at >= $2 and m.starts_at < $3
    )
    select distinct coalesce(case when org.kind = 'party_group' then org.parent_id end, org.id), c.mode,
           ((c.starts_at at time zone 'Asia/Shanghai')::date)::text
      from cand c join public.organisations org on org.id = c.org_id
     where c.org_id = any($1::uuid[])
  $sql$ using v_orgs, p_from, p_to;
end
$$;

revoke all on function app.observation_coverage(timestamptz, timestamptz) from public;
grant execute on function app.observation_coverage(timestamptz, timestamptz) to authenticated, service_role;
