-- CALC-1 / OBS-3: the yearly 旁听 draw, stored with its seed, algorithm and inputs so anyone can re-run it.
-- A draw is never changed or deleted; a redraw is a new row with a reason, and the old one points to it.

create table public.sample_draws (
  id uuid primary key default gen_random_uuid(),
  -- The organisation whose branches were drawn (the office's scope at the time).
  scope_org_id uuid not null references public.organisations (id) on delete restrict,
  year smallint not null check (year between 2000 and 2100),
  seed text not null check (char_length(seed) between 1 and 200),
  algorithm text not null check (char_length(algorithm) between 1 and 40),
  rate double precision not null check (rate > 0 and rate <= 1),
  -- Exactly what the rule was given (branches with department and last year's observation), for verify.
  inputs jsonb not null check (jsonb_typeof(inputs) = 'object'),
  branch_ids uuid[] not null,
  drawn_by uuid references public.people (id) on delete set null,
  drawn_at timestamptz not null default now(),
  -- Deferred: a redraw marks the old row with the new id before inserting the new row (one current per year).
  superseded_by uuid references public.sample_draws (id) on delete restrict deferrable initially deferred,
  -- Why this draw replaced the previous one (null for a first draw).
  redraw_reason text check (char_length(redraw_reason) between 1 and 500)
);
-- One current draw per scope and year: a second one must supersede the first (SAMPLE_ALREADY_DRAWN).
create unique index sample_draws_current_idx on public.sample_draws (scope_org_id, year) where superseded_by is null;
create index sample_draws_year_idx on public.sample_draws (year, scope_org_id, drawn_at);

-- The one change allowed: marking a current draw as superseded, once. Nothing else, not even by the owner.
create or replace function app.guard_sample_draw_change() returns trigger
language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'sample draws are kept: redraw with a reason instead' using errcode = '42501';
  end if;
  if old.superseded_by is not null or new.superseded_by is null
     or (to_jsonb(new) - 'superseded_by') <> (to_jsonb(old) - 'superseded_by') then
    raise exception 'a sample draw can only be superseded, once' using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger sample_draws_append_only before update or delete on public.sample_draws
  for each row execute function app.guard_sample_draw_change();

alter table public.sample_draws enable row level security;

create policy "Office staff read the draws of their scope, branches the draws they are in"
  on public.sample_draws for select to authenticated
  using (scope_org_id in (select app.office_org_ids()) or branch_ids && array(select app.my_org_ids()));
create policy "Office staff draw for their own scope"
  on public.sample_draws for insert to authenticated
  with check (scope_org_id in (select app.office_org_ids()) and drawn_by = (select auth.uid()));
create policy "Office staff mark a draw of their scope as superseded"
  on public.sample_draws for update to authenticated
  using (scope_org_id in (select app.office_org_ids()))
  with check (scope_org_id in (select app.office_org_ids()));

grant select, insert, update on public.sample_draws to authenticated;
grant all on public.sample_draws to service_role;

-- OBS-8: each observer's load this year (assignments of observations of meetings in that Shanghai year).
-- Counted over the whole pool, not only what the caller's RLS shows, so balancing is fair; office only.
create or replace function app.observer_loads(p_year integer) returns table (person_id uuid, load integer)
language sql stable security definer set search_path = ''
as $$
  select a.person_id, count(*)::integer
    from public.observation_assignments a
    join public.observations o on o.id = a.observation_id
    join public.meetings m on m.id = o.meeting_id
   where (select app.is_office())
     and o.status <> 'cancelled'
     and m.starts_at >= make_timestamptz(p_year, 1, 1, 0, 0, 0, 'Asia/Shanghai')
     and m.starts_at < make_timestamptz(p_year + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')
   group by a.person_id
$$;
grant execute on function app.observer_loads(integer) to authenticated, service_role;
