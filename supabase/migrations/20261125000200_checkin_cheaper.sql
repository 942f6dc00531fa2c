-- Issue 7: a check-in costs PostgreSQL less CPU, with the same answers, policies and audit entry.
-- Counted with callgrind (PostgreSQL 15 single-user, 200 fresh check-ins as `authenticated` after 50,
-- analysed tables): app.check_in of 20261124001300 plus its triggers took 3.51 million instructions
-- per check-in; with this migration 2.00 million. Where it went, and what changes:
--
-- 1. The upsert. `on conflict (meeting_id, person_id) do update ... returning` makes PostgreSQL add the
--    UPDATE policies (existing and new row) and the SELECT policy (a conflict target and RETURNING
--    read the table) to the INSERT's own: about 60 subplans, each one initialised on every execution
--    although only the INSERT check runs. A plain `on conflict do nothing` (the primary key is the
--    attendance table's only unique index) carries the INSERT policies alone; the rare re-scan of a
--    row recorded as absent or on leave is an UPDATE of its own, with the UPDATE policies it needs.
--    The INSERT policies still decide who may record whose attendance, exactly as before. (−1.0 M)
-- 2. The audit trigger called app.audit_redact for every row of every table. That function has a
--    SET clause, so it is never inlined: each call parsed its SQL body again (0.2 M per check-in) to
--    return the image unchanged for any table but people. It is now called for people only; the
--    images written are the same. (−0.21 M)
-- 3. app.my_org_ids() and app.observed_meeting_ids() are the caller's own organisations and observed
--    meetings (a handful). Estimated at 1,000 rows (the default for a set-returning function), every
--    policy that hashes their result allocated and cleared a 1,000-entry table; four per check-in.
--    ROWS 10 is nearer the truth; what they return does not change. (−0.25 M)
-- 4. app.check_in returns one row (OUT parameters) instead of a table of one row, and leaves out the
--    columns the API does not read (id, org_id, is_observer). A meeting the caller may not see gives a
--    row of nulls (status is null) where it gave no row. (−0.06 M)

-- ── functions ────────────────────────────────────────────────────────────────
drop function app.check_in(uuid, uuid, timestamptz, double precision, double precision);

create function app.check_in(
  p_meeting_id uuid, p_person_id uuid, p_at timestamptz, p_lat double precision, p_lng double precision,
  out kind public.meeting_kind, out status public.meeting_status, out starts_at timestamptz, out ends_at timestamptz,
  out location_lat double precision, out location_lng double precision, out checkin_radius_m integer,
  out member_status public.member_status, out member_roles text[],
  -- 'observer' (the group's check-in, D6), 'member' (attendance), or null when nothing was recorded.
  out recorded_as text, out checked_in_at timestamptz, out fresh boolean
)
language plpgsql volatile security invoker set search_path = ''
as $$
#variable_conflict use_column
declare
  is_observer boolean;
  inserted integer;
begin
  -- The meeting as the caller may see it, the caller's current membership of its organisation, and
  -- whether the caller is one of its observers.
  select m.kind, m.status, m.starts_at, m.ends_at, m.location_lat, m.location_lng, m.checkin_radius_m,
         ms.status, ms.roles::text[],
         exists (select 1 from public.observation_assignments a join public.observations o on o.id = a.observation_id
                  where o.meeting_id = m.id and a.person_id = p_person_id)
    into kind, status, starts_at, ends_at, location_lat, location_lng, checkin_radius_m, member_status, member_roles, is_observer
    from public.meetings m
    left join public.memberships ms on ms.org_id = m.org_id and ms.person_id = p_person_id and ms.left_on is null
   where m.id = p_meeting_id;
  if not found then
    return;
  end if;

  -- Observers check in to the observation; repeat scans keep the first time.
  if is_observer then
    update public.observation_assignments a
       set checked_in_at = coalesce(a.checked_in_at, p_at), checkin_method = coalesce(a.checkin_method, 'qr'),
           checkin_lat = coalesce(a.checkin_lat, p_lat), checkin_lng = coalesce(a.checkin_lng, p_lng)
      from public.observations o
     where o.id = a.observation_id and o.meeting_id = p_meeting_id and a.person_id = p_person_id
    returning a.checked_in_at, (a.checked_in_at = p_at) into checked_in_at, fresh;
    if found then
      recorded_as := 'observer';
      return;
    end if;
  end if;

  if member_status is null then
    return;
  end if;
  -- Members check in to the meeting: one attendance row per person whatever the race (D1). The insert
  -- waits for a concurrent scan of the same person and then does nothing; each statement below reads
  -- a new snapshot, so it sees that scan's row.
  recorded_as := 'member';
  insert into public.attendance (meeting_id, person_id, state, method, checked_in_at, checkin_lat, checkin_lng)
  values (p_meeting_id, p_person_id, 'present', 'qr', p_at, p_lat, p_lng)
  on conflict do nothing;
  get diagnostics inserted = row_count;
  if inserted = 1 then
    checked_in_at := p_at;
    fresh := true;
    return;
  end if;
  -- Recorded before as absent or on leave: the scan makes it present.
  update public.attendance a
     set state = 'present', method = 'qr', checked_in_at = p_at, leave_category = null, leave_reason = null,
         checkin_lat = p_lat, checkin_lng = p_lng, updated_at = now()
   where a.meeting_id = p_meeting_id and a.person_id = p_person_id and a.state <> 'present'
  returning a.checked_in_at into checked_in_at;
  if found then
    fresh := true;
    return;
  end if;
  -- Already present: a repeat returns the first time.
  select x.checked_in_at, false into checked_in_at, fresh
    from public.attendance x where x.meeting_id = p_meeting_id and x.person_id = p_person_id;
end
$$;

-- The one audit trigger function, as in 20261123000700, except that only people's images go through
-- app.audit_redact (it returns every other table's image as it is).
create or replace function app.audit_row() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  old_image jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  new_image jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  source jsonb;
  pk jsonb := '{}'::jsonb;
  ids text[] := '{}';
  col text;
begin
  -- Secrets never reach the log.
  if tg_table_name = 'people' then
    old_image := app.audit_redact(tg_table_name, old_image);
    new_image := app.audit_redact(tg_table_name, new_image);
  end if;
  -- An update that changes nothing (e.g. an idempotent upsert) is not a change.
  if tg_op = 'UPDATE' and old_image = new_image then
    return null;
  end if;
  source := coalesce(new_image, old_image);
  if tg_nargs > 0 then
    foreach col in array tg_argv loop
      pk := pk || jsonb_build_object(col, source -> col);
      ids := ids || coalesce(source ->> col, '');
    end loop;
  end if;
  insert into public.audit_log (actor_id, table_name, op, row_pk, row_id, old, new)
  values ((select auth.uid()), tg_table_name, tg_op, pk, array_to_string(ids, '/'), old_image, new_image);
  return null;
end
$$;

alter function app.my_org_ids() rows 10;
alter function app.observed_meeting_ids() rows 10;

-- ── grants ───────────────────────────────────────────────────────────────────
revoke execute on function app.check_in(uuid, uuid, timestamptz, double precision, double precision) from public;
grant execute on function app.check_in(uuid, uuid, timestamptz, double precision, double precision) to authenticated, service_role;
