-- Observers and the branch they observe know each other by name: the observed branch sees its
-- observation group, and observers see their fellow observers and the observed branch's hosts.
create or replace function app.observation_contact_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select a.person_id from public.observation_assignments a
  where a.observation_id in (select app.my_observation_ids())
     or a.observation_id in (select app.observations_of_my_orgs())
  union
  select m.host_person_id from public.meetings m
  where m.id in (select app.observed_meeting_ids()) and m.host_person_id is not null
$$;
grant execute on function app.observation_contact_ids() to authenticated, service_role;

drop policy "People can read themselves, fellow members, and office staff can read everyone in scope" on public.people;
create policy "People can read themselves, fellow members, observers they meet, and office staff everyone"
  on public.people for select to authenticated
  using (
    id = (select auth.uid())
    or id in (select app.fellow_person_ids())
    or id in (select person_id from public.observer_pool)
    or id in (select app.observation_contact_ids())
    or (select app.is_office())
  );
