-- Issue 7: scope checks as index lookups. The office's scope was a recursive walk of the organisation
-- tree inside app.office_org_ids(), repeated by every policy and helper that calls it (16-20 ms for a
-- province of 10,101 organisations, 7 ms now), and the branch leaders' and members' observation
-- helpers joined the whole meetings table (400,000 rows) to find a handful of observations (85-108 ms
-- per call). A closure table (every ancestor-descendant pair, kept by triggers) makes the scope one
-- index range; those helpers now start from the caller's own organisations, so the planner walks
-- indexes. Same answers as before for every caller: only the plans change.
-- Order: tables → enable RLS → helpers → triggers → backfill → grants (STYLE 9).

-- ── tables ───────────────────────────────────────────────────────────────────
-- Every (ancestor, descendant) pair of the tree, each organisation its own ancestor too. In schema
-- app: only the security definer helpers read it (no grants), and it is not audited (derived data).
create table app.org_closure (
  ancestor_id uuid not null references public.organisations (id) on delete cascade on update cascade,
  descendant_id uuid not null references public.organisations (id) on delete cascade on update cascade,
  primary key (ancestor_id, descendant_id)
);
create index org_closure_descendant_idx on app.org_closure (descendant_id, ancestor_id);

alter table app.org_closure enable row level security;

-- ── closure maintenance ──────────────────────────────────────────────────────
-- Rebuilds the pairs of the given organisations by walking up the tree from each. Walking up (a few
-- levels) keeps it independent of the order rows arrive in; `union` stops on a cycle as the old
-- downward walk did.
create or replace function app.org_closure_rebuild(ids uuid[]) returns void
language sql volatile security definer set search_path = ''
as $$
  delete from app.org_closure where descendant_id = any (ids);
  insert into app.org_closure (ancestor_id, descendant_id)
  with recursive up as (
    select o.id as descendant_id, o.id as ancestor_id, o.parent_id from public.organisations o where o.id = any (ids)
    union
    select up.descendant_id, p.id, p.parent_id from up join public.organisations p on p.id = up.parent_id
  )
  select distinct ancestor_id, descendant_id from up;
$$;
revoke execute on function app.org_closure_rebuild(uuid[]) from public;

create or replace function app.org_closure_after_insert() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform app.org_closure_rebuild(array(select id from inserted));
  return null;
end
$$;

-- A moved organisation takes its whole subtree along: every descendant's ancestors change.
create or replace function app.org_closure_after_update() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  affected uuid[];
begin
  select array_agg(distinct c.descendant_id) into affected
    from new_rows n join old_rows o on o.id = n.id
    join app.org_closure c on c.ancestor_id = n.id
   where n.parent_id is distinct from o.parent_id;
  if affected is not null then
    perform app.org_closure_rebuild(affected);
  end if;
  return null;
end
$$;

create trigger org_closure_insert after insert on public.organisations
  referencing new table as inserted for each statement execute function app.org_closure_after_insert();
create trigger org_closure_update after update on public.organisations
  referencing old table as old_rows new table as new_rows for each statement execute function app.org_closure_after_update();

-- ── backfill ─────────────────────────────────────────────────────────────────
select app.org_closure_rebuild(array(select id from public.organisations));

-- ── helpers: same signatures and answers, index-friendly bodies ──────────────
create or replace function app.office_org_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select distinct c.descendant_id
    from public.office_staff s join app.org_closure c on c.ancestor_id = s.scope_org_id
   where s.person_id = (select auth.uid())
$$;

-- From the caller's memberships (one or two) to their organisations' meetings to the observations.
create or replace function app.observations_of_my_orgs() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select o.id from public.memberships ms
    join public.meetings m on m.org_id = ms.org_id
    join public.observations o on o.meeting_id = m.id
   where ms.person_id = (select auth.uid()) and ms.left_on is null
$$;

create or replace function app.observations_i_lead_the_branch_of() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select o.id from public.meetings m join public.observations o on o.meeting_id = m.id
   where m.org_id = any (array(select app.led_org_ids()))
$$;

-- A person in scope: one membership lookup against the closure instead of a walk per row.
create or replace function app.office_may_edit_person(target uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select (select app.is_office()) and (
    not exists (select 1 from public.memberships m where m.person_id = target and m.left_on is null)
    or exists (
      select 1 from public.memberships m
        join app.org_closure c on c.descendant_id = m.org_id
        join public.office_staff s on s.scope_org_id = c.ancestor_id and s.person_id = (select auth.uid())
       where m.person_id = target and m.left_on is null
    )
  )
$$;

-- ── grants ───────────────────────────────────────────────────────────────────
grant execute on function app.office_org_ids(), app.observations_of_my_orgs(),
  app.observations_i_lead_the_branch_of(), app.office_may_edit_person(uuid) to authenticated, service_role;
