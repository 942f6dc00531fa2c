-- Issue 7: app.office_org_ids() for the work committee's office is every organisation of the province
-- (10,101). Its `distinct` sorted them on every call (a third of the call, 16 → 10 ms measured); every
-- caller asks `x in (select app.office_org_ids())`, which a repeated id does not change, and a repeat
-- only arises for a person holding two overlapping scopes. Same set, no sort.

create or replace function app.office_org_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select c.descendant_id
    from public.office_staff s join app.org_closure c on c.ancestor_id = s.scope_org_id
   where s.person_id = (select auth.uid());
end
$$;
