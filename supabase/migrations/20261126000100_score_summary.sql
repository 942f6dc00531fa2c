-- Issue 7 (province scale): SCORE-4's results of a year, per branch or per department, in one scoped call.
-- Read through RLS, GET /api/results checked the sheets' and items' policies (scope sets per row) on each of
-- ~12,000 score sheets and ~60,000 items of a province's year: 680 ms on the bench, 318 ms for the same statement
-- as the owner. Here the scope is checked once, on the branches asked for (office staff, in their own scope),
-- and the rows are read as the owner; only the report's aggregates leave the function. Decision record 0005.
-- The statement also does less than before: the meeting is looked up once per observation (not per sheet), only
-- the latest versions are picked among the year's observations' sheets, and the means stay integer sums till the end.
--
-- p_branch_ids and p_keys are parallel: each branch and what it is reported under (itself, or its department;
-- a key is only a label, the scope is checked on the branch).
-- A meeting of a 党小组 (party_group) counts for its branch. An observation counts when it is not cancelled
-- and its meeting starts in [p_from, p_to). Each observer's latest sheet version counts (SCORE-3); the group
-- mean per observation and criterion is the mean of those sheets' scores. Returned, per key and rubric:
--   part 'criterion' (one row per criterion): how many observation means, how many sheets, the mean, min,
--     max and population standard deviation of the observation means, and how many fall in each band:
--     b0 >= p_band_mins[1] > b1 >= p_band_mins[2] > b2 >= p_band_mins[3] > b3 (the lower bounds, highest
--     first: the bands stay data of the rubric in shared/, SCORE-1);
--   part 'total': how many observations, and the mean, min and max of an observation's total (the sum of its
--     criterion means).

create or replace function app.score_summary(p_branch_ids uuid[], p_keys uuid[], p_from timestamptz, p_to timestamptz, p_band_mins int[])
returns table (part text, key uuid, rubric public.rubric_id, criterion text, observations int, sheets int,
               mean float8, min float8, max float8, stddev float8, b0 int, b1 int, b2 int, b3 int,
               mean_total float8, min_total float8, max_total float8)
language plpgsql stable security definer
-- As app.absence_counts: no JIT, memory to hash, and index costs as on SSD (as Supabase sets them).
set search_path = '' set jit = off set work_mem = '32MB' set random_page_cost = 1.1
as $$
declare
  v_branch_ids uuid[];
  v_keys uuid[];
begin
  -- The scope check, once per branch: the caller's office scope (anyone else's is empty: no rows). A statement
  -- of its own, so that the report below is planned with the number of branches kept (a semi-join with the
  -- helper's set was estimated at 200 rows, and the joins after it at 10-100 times their size).
  select coalesce(array_agg(u.branch_id), '{}'), coalesce(array_agg(u.key_id), '{}') into v_branch_ids, v_keys
    from unnest(p_branch_ids, p_keys) as u(branch_id, key_id)
   where u.branch_id in (select app.office_org_ids());
  -- EXECUTE: planned with this call's arrays (their lengths drive the estimates), never a generic plan.
  return query execute $sql$
    with keyed as (
      select k.branch_id, k.key from unnest($1::uuid[], $2::uuid[]) as k(branch_id, key)
    ), orgs as (
      -- Every organisation whose meetings count for a branch: the branch, and its 党小组s.
      select o.id, k.key from keyed k join public.organisations o on o.id = k.branch_id and o.kind <> 'party_group'
      union all
      select g.id, k.key from keyed k join public.organisations g on g.parent_id = k.branch_id and g.kind = 'party_group'
    ), obs as materialized (
      -- The year's observations of those organisations: one meeting lookup per observation (by its id).
      select o.id, g.key
        from public.observations o
        join public.meetings m on m.id = o.meeting_id
        join orgs g on g.id = m.org_id
       where o.status <> 'cancelled' and m.starts_at >= $3 and m.starts_at < $4
    ), latest as (
      -- SCORE-3: an observer's sheet counts in its latest version only.
      select s.id, s.observation_id, s.rubric, b.key
        from obs b
        join public.score_sheets s on s.observation_id = b.id
       where not exists (select 1 from public.score_sheets n
                          where n.observation_id = s.observation_id and n.observer_id = s.observer_id and n.version > s.version)
    ), per_obs as materialized (
      -- Per observation and criterion: the sum of the latest sheets' scores and how many sheets (n). The group
      -- mean is s / n. Integers here: a numeric mean per row cost a quarter of the statement.
      select l.key, l.observation_id, l.rubric, i.criterion, sum(i.score)::int as s, count(*)::int as n
        from public.score_sheet_items i
        join latest l on l.id = i.sheet_id
       group by l.key, l.observation_id, l.rubric, i.criterion
    ), by_n as (
      -- Means that share a sheet count n add up exactly as (their sums of s) / n, and their squares as
      -- (sums of s²) / n²: a division per distinct n, not per observation. Bands compare s with bound × n.
      select c.key, c.rubric, c.criterion, c.n, count(*) as k, sum(c.s) as s1, sum(c.s::int8 * c.s) as s2,
             min(c.s::float8 / c.n) as lo, max(c.s::float8 / c.n) as hi,
             count(*) filter (where c.s >= $5[1] * c.n) as b0,
             count(*) filter (where c.s >= $5[2] * c.n and c.s < $5[1] * c.n) as b1,
             count(*) filter (where c.s >= $5[3] * c.n and c.s < $5[2] * c.n) as b2,
             count(*) filter (where c.s < $5[3] * c.n) as b3
        from per_obs c group by c.key, c.rubric, c.criterion, c.n
    ), crit as (
      -- numeric with 24 decimals: the sums are exact to far below a float8's last bit, whatever order the rows
      -- come in, so a mean on a rounding edge (x.xx5) or on a band's bound comes out the same under any plan.
      select b.key, b.rubric, b.criterion, sum(b.k) as k, sum(b.k * b.n) as sheets,
             sum(b.s1::numeric(38, 24) / b.n) as sum_m, sum(b.s2::numeric(38, 24) / (b.n * b.n)) as sum_m2,
             min(b.lo) as lo, max(b.hi) as hi, sum(b.b0) as b0, sum(b.b1) as b1, sum(b.b2) as b2, sum(b.b3) as b3
        from by_n b group by b.key, b.rubric, b.criterion
    ), obs_n as (
      select t.key, t.observation_id, t.rubric, t.n, sum(t.s) as s from per_obs t group by t.key, t.observation_id, t.rubric, t.n
    ), totals as (
      -- An observation's total: the sum of its criterion means.
      select t.key, t.rubric, sum(t.s::numeric(38, 24) / t.n) as total from obs_n t group by t.key, t.observation_id, t.rubric
    )
    -- The population standard deviation of the means: 0 when they are all equal (lo = hi), else from the sums
    -- (k Σm² - (Σm)²) / k², never below 0 (the last of the 24 decimals may round either way).
    select 'criterion', c.key, c.rubric, c.criterion, c.k::int, c.sheets::int,
           (c.sum_m / c.k)::float8, c.lo, c.hi,
           case when c.lo = c.hi then 0 else sqrt(greatest((c.k * c.sum_m2 - c.sum_m * c.sum_m) / (c.k * c.k), 0))::float8 end,
           c.b0::int, c.b1::int, c.b2::int, c.b3::int, null::float8, null::float8, null::float8
      from crit c
    union all
    select 'total', t.key, t.rubric, null, count(*)::int, null, null, null, null, null, null, null, null, null,
           avg(t.total)::float8, min(t.total)::float8, max(t.total)::float8
      from totals t group by t.key, t.rubric
  $sql$ using v_branch_ids, v_keys, p_from, p_to, p_band_mins;
end
$$;

revoke all on function app.score_summary(uuid[], uuid[], timestamptz, timestamptz, int[]) from public;
grant execute on function app.score_summary(uuid[], uuid[], timestamptz, timestamptz, int[]) to authenticated, service_role;
