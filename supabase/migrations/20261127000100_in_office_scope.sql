-- Issue 7: "is this one organisation in my office scope?" asked as `id in (select app.office_org_ids())` builds
-- and hashes the whole scope first: 10,101 ids for a province office, 10-20 ms, on every office report
-- (branchesUnder's root) and every report asked for one organisation (scopeRoot's orgId). One closure
-- lookup answers the same question. Security definer as office_org_ids: callers cannot read the closure.
create or replace function app.in_office_scope(p_org uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.office_staff s join app.org_closure c on c.ancestor_id = s.scope_org_id
     where s.person_id = (select auth.uid()) and c.descendant_id = p_org)
$$;

revoke all on function app.in_office_scope(uuid) from public;
grant execute on function app.in_office_scope(uuid) to authenticated, service_role;
