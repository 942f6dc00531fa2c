-- Organisations, people, memberships, office staff and the observer pool (ORG-1..4).
-- Order: types → tables → enable RLS → helpers → policies → grants (STYLE 9).

-- ── types ────────────────────────────────────────────────────────────────────
create type public.org_kind as enum (
  'work_committee', 'department_committee', 'party_committee', 'general_branch', 'branch', 'party_group'
);
create type public.member_status as enum ('full', 'probationary', 'activist', 'candidate', 'non_member');
create type public.branch_role as enum ('secretary', 'deputy_secretary', 'committee_member', 'group_leader');
create type public.gender as enum ('male', 'female');

-- ── tables ───────────────────────────────────────────────────────────────────
-- ORG-1: 机关工委 → 部门党组(党委) → 党委/总支/党支部 → 党小组.
create table public.organisations (
  id uuid primary key default gen_random_uuid(),
  parent_id uuid references public.organisations (id) on delete restrict,
  kind public.org_kind not null,
  name text not null check (char_length(name) between 1 and 100),
  has_committee boolean not null default false,
  created_at timestamptz not null default now(),
  -- Only the work committee is a root.
  constraint organisations_root_is_work_committee check ((parent_id is null) = (kind = 'work_committee'))
);
create index organisations_parent_id_idx on public.organisations (parent_id);

create table public.people (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(name) between 1 and 50),
  gender public.gender,
  mobile text check (mobile ~ '^1[3-9][0-9]{9}$'),
  unit text check (char_length(unit) <= 100),
  post text check (char_length(post) <= 100),
  -- MTG-12: leading cadres also join a lower branch's 组织生活会 each year.
  is_leading_cadre boolean not null default false,
  -- D3 / anti-proxy: one WeChat account is bound to one person.
  wechat_openid text unique,
  invitation_code text unique check (char_length(invitation_code) between 4 and 32),
  invitation_expires_at timestamptz,
  created_at timestamptz not null default now()
);

-- ORG-2, ORG-3: a person's status and roles in one organisation.
create table public.memberships (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references public.people (id) on delete cascade,
  org_id uuid not null references public.organisations (id) on delete cascade,
  status public.member_status not null,
  roles public.branch_role[] not null default '{}',
  joined_on date not null default current_date,
  left_on date,
  created_at timestamptz not null default now(),
  unique (person_id, org_id),
  constraint memberships_left_after_joined check (left_on is null or left_on >= joined_on)
);
create index memberships_org_id_idx on public.memberships (org_id) where left_on is null;
create index memberships_person_id_idx on public.memberships (person_id);

-- ORG-3: 机关党委办 / 工委 staff, scoped to an organisation and everything below it.
create table public.office_staff (
  person_id uuid not null references public.people (id) on delete cascade,
  scope_org_id uuid not null references public.organisations (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (person_id, scope_org_id)
);

-- ORG-4: 巡听旁听人员库 / 观察员.
create table public.observer_pool (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null unique references public.people (id) on delete cascade,
  unit text not null check (char_length(unit) between 1 and 100),
  post text not null check (char_length(post) between 1 and 100),
  serves_xunting boolean not null default false,
  serves_pangting boolean not null default false,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  constraint observer_pool_serves_something check (serves_xunting or serves_pangting)
);

-- ── row-level security ───────────────────────────────────────────────────────
alter table public.organisations enable row level security;
alter table public.people enable row level security;
alter table public.memberships enable row level security;
alter table public.office_staff enable row level security;
alter table public.observer_pool enable row level security;

-- ── helpers (security definer: policies call them without recursing into RLS) ─
create schema if not exists app;
grant usage on schema app to authenticated, service_role;

create or replace function app.office_org_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  with recursive scope as (
    select o.id from public.organisations o
    join public.office_staff s on s.scope_org_id = o.id
    where s.person_id = (select auth.uid())
    union
    select c.id from public.organisations c join scope on c.parent_id = scope.id
  )
  select id from scope
$$;

create or replace function app.is_office() returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.office_staff where person_id = (select auth.uid()))
$$;

-- Organisations the caller currently belongs to (any status).
create or replace function app.my_org_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select org_id from public.memberships where person_id = (select auth.uid()) and left_on is null
$$;

-- Organisations whose meetings the caller runs: where they are 书记/副书记 (and that branch's 党小组s),
-- or the 党小组 they lead (MTG-1..3 presiders).
create or replace function app.led_org_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  with led as (
    select org_id from public.memberships
    where person_id = (select auth.uid()) and left_on is null
      and roles && array['secretary', 'deputy_secretary']::public.branch_role[]
  )
  select org_id from led
  union
  select o.id from public.organisations o join led on o.parent_id = led.org_id where o.kind = 'party_group'
  union
  select org_id from public.memberships
  where person_id = (select auth.uid()) and left_on is null and 'group_leader' = any (roles)
$$;

-- People who share an organisation with the caller.
create or replace function app.fellow_person_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select m.person_id from public.memberships m
  where m.left_on is null
    and m.org_id in (select org_id from public.memberships where person_id = (select auth.uid()) and left_on is null)
$$;

grant execute on all functions in schema app to authenticated, service_role;

-- ── policies ─────────────────────────────────────────────────────────────────
create policy "Signed-in people can read the organisation tree"
  on public.organisations for select to authenticated using (true);
create policy "Office staff can add organisations in their scope"
  on public.organisations for insert to authenticated
  with check (parent_id in (select app.office_org_ids()));
create policy "Office staff can edit organisations in their scope"
  on public.organisations for update to authenticated
  using (id in (select app.office_org_ids())) with check (parent_id in (select app.office_org_ids()));

create policy "People can read themselves, fellow members, and office staff can read everyone in scope"
  on public.people for select to authenticated
  using (
    id = (select auth.uid())
    or id in (select app.fellow_person_ids())
    or id in (select person_id from public.observer_pool)
    or (select app.is_office())
  );
create policy "Office staff can add people"
  on public.people for insert to authenticated with check ((select app.is_office()));
create policy "Office staff can edit people"
  on public.people for update to authenticated using ((select app.is_office())) with check ((select app.is_office()));

create policy "Members can read the memberships of their own organisations"
  on public.memberships for select to authenticated
  using (
    person_id = (select auth.uid())
    or org_id in (select app.my_org_ids())
    or org_id in (select app.office_org_ids())
  );
create policy "Office staff can add memberships in their scope"
  on public.memberships for insert to authenticated with check (org_id in (select app.office_org_ids()));
create policy "Office staff can edit memberships in their scope"
  on public.memberships for update to authenticated
  using (org_id in (select app.office_org_ids())) with check (org_id in (select app.office_org_ids()));
create policy "Office staff can remove memberships in their scope"
  on public.memberships for delete to authenticated using (org_id in (select app.office_org_ids()));

create policy "Office staff can read who else is office staff"
  on public.office_staff for select to authenticated
  using (person_id = (select auth.uid()) or (select app.is_office()));

create policy "Signed-in people can read the observer pool"
  on public.observer_pool for select to authenticated using (true);
create policy "Office staff can add to the observer pool"
  on public.observer_pool for insert to authenticated with check ((select app.is_office()));
create policy "Office staff can edit the observer pool"
  on public.observer_pool for update to authenticated using ((select app.is_office())) with check ((select app.is_office()));

-- ORG-4: mobiles are personal data; everyone but office staff sees them masked (138****1234).
create view public.observer_pool_view with (security_invoker = true) as
select
  op.id, op.person_id, p.name, p.gender, op.unit, op.post, op.serves_xunting, op.serves_pangting, op.active,
  case
    when (select app.is_office()) then p.mobile
    when p.mobile is null then null
    else substr(p.mobile, 1, 3) || '****' || substr(p.mobile, 8, 4)
  end as mobile
from public.observer_pool op
join public.people p on p.id = op.person_id;

-- ── grants ───────────────────────────────────────────────────────────────────
grant usage on schema public to anon, authenticated, service_role;
grant select, insert, update on public.organisations, public.people, public.observer_pool to authenticated;
grant select, insert, update, delete on public.memberships to authenticated;
grant select on public.office_staff, public.observer_pool_view to authenticated;
grant all on public.organisations, public.people, public.memberships, public.office_staff, public.observer_pool to service_role;
grant select on public.observer_pool_view to service_role;
