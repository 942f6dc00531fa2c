-- Issue 7: check-in at the start of a meeting (2,000 members in a few minutes). Under RLS each of the
-- two check-in statements expands into every policy of meetings, memberships, observations and
-- attendance (insert, update, select: an upsert needs all three), and planning that tree took longer
-- than running it: 1.5-3 ms of PostgreSQL time per statement, planned afresh on every request because
-- the pooler (Supabase, transaction mode) allows no prepared statements (D2). The same two statements
-- as PL/pgSQL functions are planned once per connection and reused. Security invoker: they run as the
-- caller, so every policy applies exactly as before; the decisions (roster, window, place) stay in
-- the API with the shared rules (api/_lib/checkin/checkin.ts).

-- ── indexes ──────────────────────────────────────────────────────────────────
-- An observation's meeting, organisation and date without reading the meetings table: the office's
-- reports and app.office_observation_ids() look up a few thousand meetings by id, and with this the
-- planner walks the index instead of scanning 400,000 meetings.
create index meetings_id_org_starts_idx on public.meetings (id) include (org_id, starts_at);

-- ── functions ────────────────────────────────────────────────────────────────
-- Everything the check-in decides on, as the caller may see it: the meeting, the caller's current
-- membership of its organisation, and whether the caller is one of its observers.
create or replace function app.checkin_context(p_meeting_id uuid, p_person_id uuid)
returns table (
  id uuid, org_id uuid, kind public.meeting_kind, status public.meeting_status, starts_at timestamptz, ends_at timestamptz,
  location_lat double precision, location_lng double precision, checkin_radius_m integer,
  member_status public.member_status, member_roles text[], is_observer boolean
)
language plpgsql stable security invoker set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
  select m.id, m.org_id, m.kind, m.status, m.starts_at, m.ends_at, m.location_lat, m.location_lng, m.checkin_radius_m,
         ms.status, ms.roles::text[],
         exists (select 1 from public.observation_assignments a join public.observations o on o.id = a.observation_id
                  where o.meeting_id = m.id and a.person_id = p_person_id)
    from public.meetings m
    left join public.memberships ms on ms.org_id = m.org_id and ms.person_id = p_person_id and ms.left_on is null
   where m.id = p_meeting_id;
end
$$;

-- D1: one attendance row per (meeting, person) whatever the race. Records the scan, or for a repeat
-- returns the first time (fresh = false). When a concurrent scan of the same person committed while
-- this one waited, the upsert sees the row but its snapshot does not: the second statement has a new
-- snapshot (volatile function, read committed) and reads it.
create or replace function app.record_checkin(p_meeting_id uuid, p_person_id uuid, p_at timestamptz, p_lat double precision, p_lng double precision)
returns table (checked_in_at timestamptz, fresh boolean)
language plpgsql volatile security invoker set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
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
  select ins.checked_in_at, true from ins
  union all
  select x.checked_in_at, false from public.attendance x
   where x.meeting_id = p_meeting_id and x.person_id = p_person_id and x.state = 'present' and not exists (select 1 from ins);
  if not found then
    return query select x.checked_in_at, false from public.attendance x where x.meeting_id = p_meeting_id and x.person_id = p_person_id;
  end if;
end
$$;

-- ── grants ───────────────────────────────────────────────────────────────────
revoke execute on function app.checkin_context(uuid, uuid), app.record_checkin(uuid, uuid, timestamptz, double precision, double precision) from public;
grant execute on function app.checkin_context(uuid, uuid), app.record_checkin(uuid, uuid, timestamptz, double precision, double precision)
  to authenticated, service_role;
