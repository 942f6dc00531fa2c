-- Office management of people (ORG-2, ORG-3): search indexes, and office staff of one department may
-- edit only the people of their own scope (plus people not yet placed in any organisation).

-- ── indexes: the people list filters and pages in SQL (issue 5: 300,000 people) ──────────────────
-- Name prefix search and keyset paging on (name, id), in the "C" collation so LIKE 'x%' can use the index.
create index people_name_idx on public.people (name collate "C", id);
-- Mobile lookups: search by number, and the duplicate check of imports and new people.
create index people_mobile_idx on public.people (mobile) where mobile is not null;
-- The pool list pages on (name, id) too, through observer_pool_view.
create index observer_pool_active_idx on public.observer_pool (active, person_id);

-- ── helpers ──────────────────────────────────────────────────────────────────
-- Office staff may edit a person who currently belongs to an organisation in their scope, or to none
-- at all (just created, or between organisations). Security definer: memberships outside the
-- caller's scope are invisible to them, but must still count here.
create or replace function app.office_may_edit_person(target uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select (select app.is_office()) and (
    not exists (select 1 from public.memberships m where m.person_id = target and m.left_on is null)
    or exists (
      select 1 from public.memberships m
       where m.person_id = target and m.left_on is null and m.org_id in (select app.office_org_ids())
    )
  )
$$;
grant execute on function app.office_may_edit_person(uuid) to authenticated, service_role;

-- ── policies ─────────────────────────────────────────────────────────────────
drop policy "Office staff can edit people" on public.people;
create policy "Office staff can edit the people in their scope and people not yet placed"
  on public.people for update to authenticated
  using (app.office_may_edit_person(id)) with check ((select app.is_office()));
