-- Observations (巡听 / 旁听 / 观察员, OBS-*), their groups, 两听两看 notes (OBS-7) and score sheets (SCORE-*).

create type public.observation_mode as enum ('xunting', 'pangting', 'guancha');
create type public.observation_status as enum ('scheduled', 'held', 'feedback_sent', 'closed', 'cancelled');
create type public.rubric_id as enum ('pingyi_5', 'guancha_3');

create table public.observations (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null unique references public.meetings (id) on delete cascade,
  mode public.observation_mode not null,
  rubric public.rubric_id not null,
  status public.observation_status not null default 'scheduled',
  -- OBS-5: the observed branch's plan (agenda, content, host, time, place), submitted a week ahead.
  plan jsonb check (plan is null or jsonb_typeof(plan) = 'object'),
  plan_submitted_at timestamptz,
  -- FB-1: the written evaluation goes back to the branch; notes become visible to it from then on.
  feedback_sent_at timestamptz,
  created_by uuid references public.people (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint observations_plan_complete check ((plan is null) = (plan_submitted_at is null))
);

create table public.observation_assignments (
  observation_id uuid not null references public.observations (id) on delete cascade,
  person_id uuid not null references public.people (id) on delete restrict,
  is_leader boolean not null default false,
  checked_in_at timestamptz,
  checkin_method public.checkin_method,
  checkin_lat double precision,
  checkin_lng double precision,
  assigned_at timestamptz not null default now(),
  primary key (observation_id, person_id),
  constraint observation_assignments_checkin_complete check ((checked_in_at is null) = (checkin_method is null))
);
create index observation_assignments_person_idx on public.observation_assignments (person_id);

-- OBS-7: 两听两看, one working draft per observer, saved as often as they like.
create table public.observation_notes (
  observation_id uuid not null references public.observations (id) on delete cascade,
  author_id uuid not null references public.people (id) on delete cascade,
  topic_content text not null default '' check (char_length(topic_content) <= 5000),
  speech_quality text not null default '' check (char_length(speech_quality) <= 5000),
  conduct text not null default '' check (char_length(conduct) <= 5000),
  satisfaction text not null default '' check (char_length(satisfaction) <= 5000),
  facts jsonb not null default '{}' check (jsonb_typeof(facts) = 'object'),
  revision integer not null default 1 check (revision >= 1),
  updated_at timestamptz not null default now(),
  primary key (observation_id, author_id),
  foreign key (observation_id, author_id) references public.observation_assignments (observation_id, person_id) on delete cascade
);

-- SCORE-3: a submitted sheet is never edited; a correction is the next version with a reason.
create table public.score_sheets (
  id uuid primary key default gen_random_uuid(),
  observation_id uuid not null,
  observer_id uuid not null,
  version integer not null check (version >= 1),
  rubric public.rubric_id not null,
  total integer not null check (total between 0 and 100),
  texts jsonb not null default '{}' check (jsonb_typeof(texts) = 'object'),
  reason text check (char_length(reason) <= 500),
  submitted_at timestamptz not null default now(),
  unique (observation_id, observer_id, version),
  foreign key (observation_id, observer_id) references public.observation_assignments (observation_id, person_id) on delete restrict,
  constraint score_sheets_correction_has_reason check ((version = 1) = (reason is null))
);

create table public.score_sheet_items (
  sheet_id uuid not null references public.score_sheets (id) on delete cascade,
  criterion text not null check (criterion ~ '^[a-z_]{1,32}$'),
  -- SCORE-1: each criterion 0-20 (both rubrics use that scale).
  score smallint not null check (score between 0 and 20),
  band text not null check (band in ('好', '较好', '一般', '较差')),
  primary key (sheet_id, criterion)
);

-- "Cannot be silently changed afterwards": not even the table owner may update or delete a sheet.
create or replace function app.refuse_sheet_change() returns trigger
language plpgsql as $$
begin
  raise exception 'score sheets are append-only: submit a new version with a reason'
    using errcode = '42501';
end
$$;
create trigger score_sheets_append_only before update or delete on public.score_sheets
  for each row execute function app.refuse_sheet_change();
create trigger score_sheet_items_append_only before update or delete on public.score_sheet_items
  for each row execute function app.refuse_sheet_change();

-- VOTE-2: a motion at a meeting and each member's vote.
create type public.vote_choice as enum ('yes', 'no', 'abstain');
create table public.motions (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references public.meetings (id) on delete cascade,
  title text not null check (char_length(title) between 1 and 200),
  created_by uuid references public.people (id) on delete set null,
  created_at timestamptz not null default now()
);
create index motions_meeting_idx on public.motions (meeting_id);
create table public.votes (
  motion_id uuid not null references public.motions (id) on delete cascade,
  person_id uuid not null references public.people (id) on delete cascade,
  choice public.vote_choice not null,
  recorded_by uuid references public.people (id) on delete set null,
  recorded_at timestamptz not null default now(),
  primary key (motion_id, person_id)
);

-- D2: photos and scanned sign-in sheets, stored in Supabase Storage (or a local folder).
create type public.evidence_kind as enum ('photo', 'signin_sheet', 'document');
create table public.evidence (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references public.meetings (id) on delete cascade,
  kind public.evidence_kind not null,
  storage_path text not null unique check (char_length(storage_path) <= 300),
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size_bytes integer not null check (size_bytes between 1 and 20971520),
  uploaded_by uuid references public.people (id) on delete set null,
  created_at timestamptz not null default now()
);
create index evidence_meeting_idx on public.evidence (meeting_id);

alter table public.observations enable row level security;
alter table public.observation_assignments enable row level security;
alter table public.observation_notes enable row level security;
alter table public.score_sheets enable row level security;
alter table public.score_sheet_items enable row level security;
alter table public.motions enable row level security;
alter table public.votes enable row level security;
alter table public.evidence enable row level security;

-- ── helpers ──────────────────────────────────────────────────────────────────
create or replace function app.my_observation_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select observation_id from public.observation_assignments where person_id = (select auth.uid())
$$;

create or replace function app.observed_meeting_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select o.meeting_id from public.observations o
  join public.observation_assignments a on a.observation_id = o.id
  where a.person_id = (select auth.uid())
$$;

-- Observations of meetings held by the caller's own organisations (the observed side).
create or replace function app.observations_of_my_orgs() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select o.id from public.observations o join public.meetings m on m.id = o.meeting_id
  where m.org_id in (select org_id from public.memberships where person_id = (select auth.uid()) and left_on is null)
$$;

create or replace function app.office_observation_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select o.id from public.observations o join public.meetings m on m.id = o.meeting_id
  where m.org_id in (select app.office_org_ids())
$$;

grant execute on all functions in schema app to authenticated, service_role;

-- ── policies ─────────────────────────────────────────────────────────────────
create policy "Observers can read the meetings they are assigned to observe"
  on public.meetings for select to authenticated using (id in (select app.observed_meeting_ids()));

create policy "Observers, the observed branch and office staff can read an observation"
  on public.observations for select to authenticated
  using (
    id in (select app.my_observation_ids())
    or id in (select app.observations_of_my_orgs())
    or id in (select app.office_observation_ids())
  );
create policy "Office staff can schedule observations in their scope"
  on public.observations for insert to authenticated
  with check (meeting_id in (select m.id from public.meetings m where m.org_id in (select app.office_org_ids())));
create policy "The observed branch's leaders and office staff can update an observation"
  on public.observations for update to authenticated
  using (
    id in (select app.office_observation_ids())
    or meeting_id in (select m.id from public.meetings m where m.org_id in (select app.led_org_ids()))
  );

create policy "Observers see their group, the observed branch and office staff see it too"
  on public.observation_assignments for select to authenticated
  using (
    observation_id in (select app.my_observation_ids())
    or observation_id in (select app.observations_of_my_orgs())
    or observation_id in (select app.office_observation_ids())
  );
create policy "Office staff assign observers"
  on public.observation_assignments for insert to authenticated
  with check (observation_id in (select app.office_observation_ids()));
create policy "Observers check themselves in; office staff adjust groups"
  on public.observation_assignments for update to authenticated
  using (person_id = (select auth.uid()) or observation_id in (select app.office_observation_ids()));
create policy "Office staff remove observers from a group"
  on public.observation_assignments for delete to authenticated
  using (observation_id in (select app.office_observation_ids()));

-- OBS-7: the group shares its notes; the observed branch reads them only once feedback is sent.
create policy "The group and office staff read notes; the observed branch after feedback"
  on public.observation_notes for select to authenticated
  using (
    observation_id in (select app.my_observation_ids())
    or observation_id in (select app.office_observation_ids())
    or (observation_id in (select app.observations_of_my_orgs())
        and exists (select 1 from public.observations o where o.id = observation_id and o.feedback_sent_at is not null))
  );
create policy "Observers write their own notes"
  on public.observation_notes for insert to authenticated
  with check (author_id = (select auth.uid()) and observation_id in (select app.my_observation_ids()));
create policy "Observers update their own notes"
  on public.observation_notes for update to authenticated
  using (author_id = (select auth.uid())) with check (author_id = (select auth.uid()));

create policy "The group and office staff read score sheets"
  on public.score_sheets for select to authenticated
  using (observation_id in (select app.my_observation_ids()) or observation_id in (select app.office_observation_ids()));
create policy "Assigned observers submit their own sheets"
  on public.score_sheets for insert to authenticated
  with check (observer_id = (select auth.uid()) and observation_id in (select app.my_observation_ids()));
create policy "Score items are as visible as their sheet"
  on public.score_sheet_items for select to authenticated
  using (exists (select 1 from public.score_sheets s where s.id = sheet_id));
create policy "Observers add items to their own sheets"
  on public.score_sheet_items for insert to authenticated
  with check (exists (select 1 from public.score_sheets s where s.id = sheet_id and s.observer_id = (select auth.uid())));

create policy "Motions are as visible as their meeting"
  on public.motions for select to authenticated
  using (exists (select 1 from public.meetings m where m.id = meeting_id));
create policy "Hosts and office staff put motions"
  on public.motions for insert to authenticated
  with check (exists (select 1 from public.meetings m where m.id = meeting_id
                      and (m.org_id in (select app.led_org_ids()) or m.org_id in (select app.office_org_ids()))));
create policy "Votes are as visible as their motion"
  on public.votes for select to authenticated
  using (exists (select 1 from public.motions mo where mo.id = motion_id));
create policy "Members cast their own vote, hosts record votes"
  on public.votes for insert to authenticated
  with check (
    exists (select 1 from public.motions mo join public.meetings m on m.id = mo.meeting_id where mo.id = motion_id
            and ((person_id = (select auth.uid()) and m.org_id in (select app.my_org_ids()))
                 or m.org_id in (select app.led_org_ids())))
  );
create policy "Members change their own vote, hosts correct a recorded vote"
  on public.votes for update to authenticated
  using (
    person_id = (select auth.uid())
    or exists (select 1 from public.motions mo join public.meetings m on m.id = mo.meeting_id
               where mo.id = motion_id and m.org_id in (select app.led_org_ids()))
  );

create policy "Evidence is as visible as its meeting"
  on public.evidence for select to authenticated
  using (exists (select 1 from public.meetings m where m.id = meeting_id));
create policy "Hosts and office staff attach evidence"
  on public.evidence for insert to authenticated
  with check (
    uploaded_by = (select auth.uid())
    and exists (select 1 from public.meetings m where m.id = meeting_id
                and (m.org_id in (select app.led_org_ids()) or m.org_id in (select app.office_org_ids())))
  );

grant select, insert, update on public.observations, public.observation_assignments, public.observation_notes, public.votes to authenticated;
grant delete on public.observation_assignments to authenticated;
grant select, insert on public.score_sheets, public.score_sheet_items, public.motions, public.evidence to authenticated;
grant all on public.observations, public.observation_assignments, public.observation_notes, public.score_sheets,
  public.score_sheet_items, public.motions, public.votes, public.evidence to service_role;
