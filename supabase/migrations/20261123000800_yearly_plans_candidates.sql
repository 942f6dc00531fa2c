-- MTG-10: each branch files its yearly plan of organisational life with the superior.
-- OBS-1: each branch puts forward at least one candidate meeting a year (备案表, 000 annex 1).

create table public.yearly_plans (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organisations (id) on delete cascade,
  year smallint not null check (year between 2000 and 2100),
  content text not null check (char_length(content) between 1 and 20000),
  filed_by uuid references public.people (id) on delete set null,
  filed_at timestamptz not null default now(),
  unique (org_id, year)
);
create index yearly_plans_year_idx on public.yearly_plans (year, org_id);

create table public.observation_candidates (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organisations (id) on delete cascade,
  -- The Shanghai calendar year of planned_at, kept as a column so "who has not filed" is one index scan.
  year smallint not null check (year between 2000 and 2100),
  kind public.meeting_kind not null,
  topic text not null check (char_length(topic) between 1 and 200),
  planned_at timestamptz not null,
  place text not null check (char_length(place) between 1 and 200),
  contact_name text not null check (char_length(contact_name) between 1 and 50),
  contact_phone text not null check (contact_phone ~ '^[0-9+\- ]{7,20}$'),
  preferred_mode public.observation_mode not null check (preferred_mode in ('xunting', 'pangting')),
  filed_by uuid references public.people (id) on delete set null,
  filed_at timestamptz not null default now(),
  constraint observation_candidates_year_matches check (
    year = extract(year from planned_at at time zone 'Asia/Shanghai')
  )
);
create index observation_candidates_year_org_idx on public.observation_candidates (year, org_id);

alter table public.yearly_plans enable row level security;
alter table public.observation_candidates enable row level security;

create policy "Branch leaders read their own plans, office staff the plans in their scope"
  on public.yearly_plans for select to authenticated
  using (org_id in (select app.led_org_ids()) or org_id in (select app.office_org_ids()));
create policy "Branch leaders file their branch's yearly plan"
  on public.yearly_plans for insert to authenticated
  with check (org_id in (select app.led_org_ids()) and filed_by = (select auth.uid()));
create policy "Branch leaders revise their branch's yearly plan"
  on public.yearly_plans for update to authenticated
  using (org_id in (select app.led_org_ids()))
  with check (org_id in (select app.led_org_ids()) and filed_by = (select auth.uid()));

create policy "Members read their branch's candidates, office staff those in their scope"
  on public.observation_candidates for select to authenticated
  using (org_id in (select app.my_org_ids()) or org_id in (select app.office_org_ids()));
create policy "Branch leaders file candidate meetings for their branch"
  on public.observation_candidates for insert to authenticated
  with check (org_id in (select app.led_org_ids()) and filed_by = (select auth.uid()));

grant select, insert, update on public.yearly_plans to authenticated;
grant select, insert on public.observation_candidates to authenticated;
grant all on public.yearly_plans, public.observation_candidates to service_role;
