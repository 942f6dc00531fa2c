-- Issue 7: a check-in in one statement. Measured on the 2-core bench machine, every round trip to the
-- database costs the API a write to the socket and a wake-up of PostgreSQL (about 0.35 ms of the
-- server's CPU each under load), and the check-in made four: BEGIN with the claims, the context, the
-- scan, COMMIT. The context and the scan are now one call: app.check_in reads what the rules need
-- and records the scan tentatively; the API then applies the shared rules (roster, window, place) to
-- what it read, and a rule that refuses throws, so the request's transaction rolls the scan back
-- (D5: all or nothing). Security invoker: every policy applies as before. It replaces the two
-- functions of 20261124001100.

-- ── functions ────────────────────────────────────────────────────────────────
create or replace function app.check_in(p_meeting_id uuid, p_person_id uuid, p_at timestamptz, p_lat double precision, p_lng double precision)
returns table (
  id uuid, org_id uuid, kind public.meeting_kind, status public.meeting_status, starts_at timestamptz, ends_at timestamptz,
  location_lat double precision, location_lng double precision, checkin_radius_m integer,
  member_status public.member_status, member_roles text[], is_observer boolean,
  -- 'observer' (the group's check-in, D6), 'member' (attendance), or null when nothing was recorded.
  recorded_as text, checked_in_at timestamptz, fresh boolean
)
language plpgsql volatile security invoker set search_path = ''
as $$
#variable_conflict use_column
declare
  c record;
  recorded text;
  at_ timestamptz;
  fresh_ boolean;
begin
  -- The meeting as the caller may see it, the caller's current membership of its organisation, and
  -- whether the caller is one of its observers.
  select m.id, m.org_id, m.kind, m.status, m.starts_at, m.ends_at, m.location_lat, m.location_lng, m.checkin_radius_m,
         ms.status as member_status, ms.roles::text[] as member_roles,
         exists (select 1 from public.observation_assignments a join public.observations o on o.id = a.observation_id
                  where o.meeting_id = m.id and a.person_id = p_person_id) as is_observer
    into c
    from public.meetings m
    left join public.memberships ms on ms.org_id = m.org_id and ms.person_id = p_person_id and ms.left_on is null
   where m.id = p_meeting_id;
  if not found then
    return;
  end if;

  -- Observers check in to the observation; repeat scans keep the first time.
  if c.is_observer then
    update public.observation_assignments a
       set checked_in_at = coalesce(a.checked_in_at, p_at), checkin_method = coalesce(a.checkin_method, 'qr'),
           checkin_lat = coalesce(a.checkin_lat, p_lat), checkin_lng = coalesce(a.checkin_lng, p_lng)
      from public.observations o
     where o.id = a.observation_id and o.meeting_id = p_meeting_id and a.person_id = p_person_id
    returning a.checked_in_at, (a.checked_in_at = p_at) into at_, fresh_;
    if found then
      recorded := 'observer';
    end if;
  end if;

  -- Members check in to the meeting: one attendance row per person whatever the race (D1). A repeat
  -- returns the first time; when a concurrent scan of the same person committed while this one waited,
  -- the upsert sees the row but its snapshot does not, and the second read (a new snapshot) does.
  if recorded is null and c.member_status is not null then
    with ins as (
      insert into public.attendance as a (meeting_id, person_id, state, method, checked_in_at, checkin_lat, checkin_lng)
      values (p_meeting_id, p_person_id, 'present', 'qr', p_at, p_lat, p_lng)
      on conflict (meeting_id, person_id) do update
         set state = 'present', method = 'qr', checked_in_at = excluded.checked_in_at,
             leave_category = null, leave_reason = null,
             checkin_lat = excluded.checkin_lat, checkin_lng = excluded.checkin_lng, updated_at = now()
       where a.state <> 'present'
      returning a.checked_in_at
    )
    select q.checked_in_at, q.fresh into at_, fresh_ from (
      select ins.checked_in_at, true as fresh from ins
      union all
      select x.checked_in_at, false from public.attendance x
       where x.meeting_id = p_meeting_id and x.person_id = p_person_id and x.state = 'present' and not exists (select 1 from ins)
    ) q;
    if not found then
      select x.checked_in_at, false into at_, fresh_ from public.attendance x where x.meeting_id = p_meeting_id and x.person_id = p_person_id;
    end if;
    recorded := 'member';
  end if;

  return query select c.id, c.org_id, c.kind, c.status, c.starts_at, c.ends_at, c.location_lat, c.location_lng, c.checkin_radius_m,
    c.member_status, c.member_roles, c.is_observer, recorded, at_, fresh_;
end
$$;

drop function app.checkin_context(uuid, uuid);
drop function app.record_checkin(uuid, uuid, timestamptz, double precision, double precision);

-- ── grants ───────────────────────────────────────────────────────────────────
revoke execute on function app.check_in(uuid, uuid, timestamptz, double precision, double precision) from public;
grant execute on function app.check_in(uuid, uuid, timestamptz, double precision, double precision) to authenticated, service_role;
