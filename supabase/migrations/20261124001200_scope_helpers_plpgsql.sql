-- Issue 7: the row-level-security helpers keep their bodies and answers, but run as PL/pgSQL.
-- A SQL-language function that cannot be inlined (these are security definer) is parsed and planned
-- again each time a statement calls it; PL/pgSQL plans its query once per connection and reuses it.
-- Every policy calls several of them, so on a check-in (2,000 in a burst) the helpers' planning was a
-- third of PostgreSQL's time (pgbench, check-in statements under RLS: 240-290 → 395-400 per second).
-- Each body is taken from the function as it stands (one source for it: the migration that wrote it)
-- and wrapped in `return query`; volatility, security definer and the empty search_path stay.

do $$
declare
  helper text;
  f record;
begin
  foreach helper in array array[
    'my_org_ids', 'led_org_ids', 'office_org_ids', 'fellow_person_ids',
    'my_observation_ids', 'observed_meeting_ids', 'observations_of_my_orgs', 'office_observation_ids',
    'observation_contact_ids', 'led_observation_ids', 'observations_i_lead_the_branch_of', 'feedback_sent_observation_ids'
  ] loop
    select p.prosrc, l.lanname, p.provolatile, p.prosecdef, p.proconfig
      into f
      from pg_proc p join pg_language l on l.oid = p.prolang
     where p.pronamespace = 'app'::regnamespace and p.proname = helper and p.pronargs = 0 and p.proretset
       and p.prorettype = 'uuid'::regtype;
    if not found then
      raise exception 'app.%() returning setof uuid not found', helper;
    end if;
    continue when f.lanname = 'plpgsql';
    if f.lanname <> 'sql' or f.provolatile <> 's' or not f.prosecdef or f.proconfig is distinct from array['search_path=""']
       or position(';' in rtrim(btrim(f.prosrc), '; ' || chr(10))) > 0 then
      raise exception 'app.%() is not a one-statement stable security definer SQL helper with an empty search_path', helper;
    end if;
    execute format(
      'create or replace function app.%I() returns setof uuid language plpgsql stable security definer set search_path = %L as %L',
      helper, '', format(E'begin\n  return query %s;\nend', rtrim(btrim(f.prosrc), '; ' || chr(10))));
  end loop;
end
$$;
