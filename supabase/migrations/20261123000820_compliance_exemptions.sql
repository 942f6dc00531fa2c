-- CALC-4: a branch may be exempt from a duty for a period, with a reason
-- (e.g. a branch with no 党小组 has no 党小组会 duty; a branch without a 支委会 holds no 支委会).

create table public.compliance_exemptions (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organisations (id) on delete cascade,
  period_start date not null,
  period_end date not null,
  meeting_kind public.meeting_kind not null,
  reason text not null check (char_length(btrim(reason)) between 1 and 500),
  created_by uuid references public.people (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint compliance_exemptions_period check (period_end >= period_start)
);
create index compliance_exemptions_org_idx on public.compliance_exemptions (org_id, period_start, period_end);

alter table public.compliance_exemptions enable row level security;

create policy "Office staff and the branch's members read its exemptions"
  on public.compliance_exemptions for select to authenticated
  using (org_id in (select app.office_org_ids()) or org_id in (select app.my_org_ids()));
create policy "Office staff grant exemptions in their scope"
  on public.compliance_exemptions for insert to authenticated
  with check (org_id in (select app.office_org_ids()) and created_by = (select auth.uid()));

grant select, insert on public.compliance_exemptions to authenticated;
grant all on public.compliance_exemptions to service_role;

-- Report queries (CALC-3, CALC-4, SCORE-4) over a province-sized year.
-- Meetings by kind and date within an organisation: the compliance aggregate (org, kind, month).
create index meetings_org_kind_starts_idx on public.meetings (org_id, kind, starts_at) where status = 'held';
-- A member's attendance by state: last attendance (ATT-1) without reading every row.
create index attendance_person_state_idx on public.attendance (person_id, state, meeting_id);
-- Sheets of one observation in version order: the latest version per observer (SCORE-3, SCORE-4).
create index score_sheets_observation_idx on public.score_sheets (observation_id, observer_id, version desc);
-- Observations by status for the deadlines board and the list.
create index observations_status_idx on public.observations (status, meeting_id);
