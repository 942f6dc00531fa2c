-- Meetings of organisational life (MTG-*) and attendance (ATT-1, VOTE-*), with their records (MTG-9, MTG-11).

create type public.meeting_kind as enum (
  'general_meeting', 'committee_meeting', 'group_meeting', 'party_lecture',
  'theme_day', 'life_meeting', 'member_appraisal', 'heart_talk'
);
create type public.meeting_status as enum ('planned', 'held', 'cancelled');
create type public.attendance_state as enum ('confirmed', 'present', 'leave', 'absent');
create type public.leave_category as enum ('sick', 'personal', 'official');
create type public.checkin_method as enum ('qr', 'manual', 'confirm', 'backfill');

create table public.meetings (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organisations (id) on delete cascade,
  kind public.meeting_kind not null,
  topic text not null check (char_length(topic) between 1 and 200),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  place text not null check (char_length(place) between 1 and 200),
  host_person_id uuid references public.people (id) on delete set null,
  agenda text[] not null default '{}',
  status public.meeting_status not null default 'planned',
  cancel_reason text check (char_length(cancel_reason) <= 500),
  -- MTG-9: 党课 records name the lecturer.
  lecturer text check (char_length(lecturer) <= 50),
  -- MTG-11: the record of what was decided.
  decisions text check (char_length(decisions) <= 5000),
  -- Anti-proxy (D6): an optional place and radius that check-ins must come from.
  location_lat double precision check (location_lat between -90 and 90),
  location_lng double precision check (location_lng between -180 and 180),
  checkin_radius_m integer check (checkin_radius_m between 10 and 5000),
  created_by uuid references public.people (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint meetings_ends_after_start check (ends_at > starts_at),
  constraint meetings_cancel_needs_reason check ((status = 'cancelled') = (cancel_reason is not null)),
  constraint meetings_location_complete check (
    (location_lat is null) = (location_lng is null) and (checkin_radius_m is null or location_lat is not null)
  )
);
create index meetings_org_starts_idx on public.meetings (org_id, starts_at);
create index meetings_starts_at_idx on public.meetings (starts_at);

-- One row per (meeting, person), whatever way it arrived (D1).
create table public.attendance (
  meeting_id uuid not null references public.meetings (id) on delete cascade,
  person_id uuid not null references public.people (id) on delete cascade,
  state public.attendance_state not null,
  leave_category public.leave_category,
  leave_reason text check (char_length(leave_reason) <= 500),
  method public.checkin_method,
  checked_in_at timestamptz,
  recorded_by uuid references public.people (id) on delete set null,
  checkin_lat double precision,
  checkin_lng double precision,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (meeting_id, person_id),
  -- ATT-1: a leave needs a category and a reason.
  constraint attendance_leave_has_reason check (
    (state = 'leave') = (leave_category is not null) and (state <> 'leave' or char_length(coalesce(leave_reason, '')) > 0)
  ),
  constraint attendance_present_has_time check ((state = 'present') = (checked_in_at is not null))
);
create index attendance_person_idx on public.attendance (person_id, meeting_id);

alter table public.meetings enable row level security;
alter table public.attendance enable row level security;

create policy "Members and office staff in scope can read meetings"
  on public.meetings for select to authenticated
  using (org_id in (select app.my_org_ids()) or org_id in (select app.office_org_ids()));
create policy "Secretaries and office staff can create meetings"
  on public.meetings for insert to authenticated
  with check (org_id in (select app.led_org_ids()) or org_id in (select app.office_org_ids()));
create policy "Secretaries and office staff can edit meetings"
  on public.meetings for update to authenticated
  using (org_id in (select app.led_org_ids()) or org_id in (select app.office_org_ids()))
  with check (org_id in (select app.led_org_ids()) or org_id in (select app.office_org_ids()));

-- Attendance is as visible as its meeting (the subquery runs under the meetings policy).
create policy "Attendance is visible to whoever can read the meeting"
  on public.attendance for select to authenticated
  using (person_id = (select auth.uid()) or exists (select 1 from public.meetings m where m.id = meeting_id));
create policy "Members record their own attendance at their organisation's meetings"
  on public.attendance for insert to authenticated
  with check (
    person_id = (select auth.uid())
    and exists (select 1 from public.meetings m where m.id = meeting_id and m.org_id in (select app.my_org_ids()))
  );
create policy "Members update their own attendance, hosts and office staff anyone's"
  on public.attendance for update to authenticated
  using (
    person_id = (select auth.uid())
    or exists (select 1 from public.meetings m where m.id = meeting_id
               and (m.org_id in (select app.led_org_ids()) or m.org_id in (select app.office_org_ids())))
  );
create policy "Hosts and office staff record anyone's attendance"
  on public.attendance for insert to authenticated
  with check (
    exists (select 1 from public.meetings m where m.id = meeting_id
            and (m.org_id in (select app.led_org_ids()) or m.org_id in (select app.office_org_ids())))
  );

grant select, insert, update on public.meetings, public.attendance to authenticated;
grant all on public.meetings, public.attendance to service_role;
