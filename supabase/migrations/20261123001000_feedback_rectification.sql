-- Feedback and rectification (FB-1, FB-2): the group's written evaluation goes back to the observed
-- branch; the branch's committee discusses it and rectifies item by item; the office or the group
-- verifies each item's evidence and closes it or sends it back with a reason (a closed loop).
-- Order: types → tables → enable RLS → helpers → triggers → policies → grants (STYLE 9).

-- ── types ────────────────────────────────────────────────────────────────────
create type public.rectification_status as enum ('open', 'submitted', 'closed', 'returned');

-- ── tables ───────────────────────────────────────────────────────────────────
-- FB-1: one written evaluation per observation; never edited (a copy stays with the office: it is this row).
create table public.observation_feedback (
  observation_id uuid primary key references public.observations (id) on delete cascade,
  evaluation text not null check (char_length(evaluation) between 1 and 10000),
  -- 肯定成绩 / 指出不足 / 改进意见 (001), optional next to the evaluation.
  strengths text check (char_length(strengths) <= 5000),
  shortcomings text check (char_length(shortcomings) <= 5000),
  suggestions text check (char_length(suggestions) <= 5000),
  -- FB-5: short tags the year-end summary counts.
  strength_tags text[] not null default '{}',
  problem_tags text[] not null default '{}',
  -- SCORE-3: the group result at the moment of sending (a snapshot: later corrections do not change what was sent).
  group_result jsonb not null check (jsonb_typeof(group_result) = 'object'),
  due_date date not null,
  late boolean not null,
  sent_by uuid not null references public.people (id) on delete restrict,
  sent_at timestamptz not null default now()
);

-- FB-2: the observed branch's committee meeting on the feedback.
create table public.rectification_discussions (
  id uuid primary key default gen_random_uuid(),
  observation_id uuid not null references public.observations (id) on delete cascade,
  held_on date not null,
  summary text not null check (char_length(summary) between 1 and 5000),
  recorded_by uuid not null references public.people (id) on delete restrict,
  recorded_at timestamptz not null default now()
);
create index rectification_discussions_observation_idx on public.rectification_discussions (observation_id);

-- FB-2: each issue raised, with an owner and a due date.
create table public.rectification_items (
  id uuid primary key default gen_random_uuid(),
  observation_id uuid not null references public.observations (id) on delete cascade,
  title text not null check (char_length(title) between 1 and 200),
  owner_person_id uuid not null references public.people (id) on delete restrict,
  due_date date not null,
  status public.rectification_status not null default 'open',
  evidence_text text check (char_length(evidence_text) <= 5000),
  evidence_ids uuid[] not null default '{}',
  submitted_at timestamptz,
  return_reason text check (char_length(return_reason) between 1 and 500),
  closed_by uuid references public.people (id) on delete restrict,
  closed_at timestamptz,
  created_by uuid not null references public.people (id) on delete restrict,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint rectification_items_closed_complete check ((status = 'closed') = (closed_at is not null and closed_by is not null)),
  constraint rectification_items_returned_has_reason check (status <> 'returned' or return_reason is not null),
  constraint rectification_items_evidence_before_verify check (
    status in ('open', 'returned') or coalesce(char_length(evidence_text), 0) > 0 or cardinality(evidence_ids) > 0
  )
);
create index rectification_items_observation_idx on public.rectification_items (observation_id);
create index rectification_items_owner_idx on public.rectification_items (owner_person_id) where status <> 'closed';
create index rectification_items_open_due_idx on public.rectification_items (due_date) where status <> 'closed';

-- Every step of an item's loop (submitted → returned → submitted → closed), written by the trigger below.
create table public.rectification_events (
  id bigint generated always as identity primary key,
  item_id uuid not null references public.rectification_items (id) on delete cascade,
  from_status public.rectification_status,
  to_status public.rectification_status not null,
  note text,
  actor_id uuid,
  at timestamptz not null default now()
);
create index rectification_events_item_idx on public.rectification_events (item_id, id);

-- ── row-level security ───────────────────────────────────────────────────────
alter table public.observation_feedback enable row level security;
alter table public.rectification_discussions enable row level security;
alter table public.rectification_items enable row level security;
alter table public.rectification_events enable row level security;

-- ── helpers ──────────────────────────────────────────────────────────────────
-- Observations whose group the caller leads.
create or replace function app.led_observation_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select observation_id from public.observation_assignments where person_id = (select auth.uid()) and is_leader
$$;

-- Observations of meetings held by organisations the caller leads (书记/副书记): the observed branch's leaders.
create or replace function app.observations_i_lead_the_branch_of() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select o.id from public.observations o join public.meetings m on m.id = o.meeting_id
  where m.org_id in (select app.led_org_ids())
$$;

-- Observations whose feedback has been sent (the observed branch's work starts then).
create or replace function app.feedback_sent_observation_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select id from public.observations where feedback_sent_at is not null
$$;

grant execute on all functions in schema app to authenticated, service_role;

-- ── triggers ─────────────────────────────────────────────────────────────────
-- FB-1: sending the feedback marks the observation (the observed branch may then read the notes).
-- Security definer: a group leader who is not office staff may not update observations directly.
create or replace function app.mark_feedback_sent() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.observations
     set feedback_sent_at = new.sent_at,
         status = case when status in ('scheduled', 'held') then 'feedback_sent'::public.observation_status else status end
   where id = new.observation_id;
  return null;
end
$$;
create trigger observation_feedback_marks_observation after insert on public.observation_feedback
  for each row execute function app.mark_feedback_sent();

create or replace function app.refuse_feedback_change() returns trigger
language plpgsql as $$
begin
  raise exception 'feedback that was sent is not changed' using errcode = '42501';
end
$$;
create trigger observation_feedback_append_only before update or delete on public.observation_feedback
  for each row execute function app.refuse_feedback_change();

-- FB-2: the loop's transitions (the same table as shared/src/rules/rectification.ts), and who may take each:
--   open|returned → submitted   the owner or the observed branch's leaders (with evidence)
--   submitted → closed|returned the group or office staff (returned needs a reason)
-- closed is final. Without a caller (server-side work) only the transition itself is checked.
create or replace function app.guard_rectification_item() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
begin
  if tg_op = 'DELETE' then
    if old.status <> 'open' then
      raise exception 'only an open rectification item may be removed' using errcode = '42501';
    end if;
    return old;
  end if;
  if tg_op = 'INSERT' then
    if new.status <> 'open' then
      raise exception 'a rectification item starts open' using errcode = '23514';
    end if;
    return new;
  end if;
  if new.observation_id <> old.observation_id or new.created_by <> old.created_by or new.created_at <> old.created_at then
    raise exception 'a rectification item stays with its observation' using errcode = '42501';
  end if;
  if new.status = old.status then
    -- Only an item still with the branch may be re-planned (title, owner, due date); the loop's fields move with transitions.
    if old.status not in ('open', 'returned')
       or new.evidence_text is distinct from old.evidence_text or new.evidence_ids <> old.evidence_ids
       or new.return_reason is distinct from old.return_reason or new.closed_at is distinct from old.closed_at then
      raise exception 'rectification item % cannot be edited now', old.status using errcode = '42501';
    end if;
    new.updated_at := now();
    return new;
  end if;
  if not ((old.status in ('open', 'returned') and new.status = 'submitted')
          or (old.status = 'submitted' and new.status in ('closed', 'returned'))) then
    raise exception 'rectification item cannot go from % to %', old.status, new.status using errcode = '42501';
  end if;
  if me is not null then
    if new.status = 'submitted' and not (old.owner_person_id = me or old.observation_id in (select app.observations_i_lead_the_branch_of())) then
      raise exception 'only the owner or the branch leaders submit evidence' using errcode = '42501';
    end if;
    if new.status in ('closed', 'returned') and not (old.observation_id in (select app.my_observation_ids())
                                                     or old.observation_id in (select app.office_observation_ids())) then
      raise exception 'only the observation group or office staff verify' using errcode = '42501';
    end if;
  end if;
  if new.status = 'returned' and coalesce(btrim(new.return_reason), '') = '' then
    raise exception 'sending an item back needs a reason' using errcode = '23514';
  end if;
  if new.status = 'submitted' and new.submitted_at is not distinct from old.submitted_at then
    new.submitted_at := now();
  end if;
  new.updated_at := now();
  return new;
end
$$;
create trigger rectification_items_guard before insert or update or delete on public.rectification_items
  for each row execute function app.guard_rectification_item();

-- The history row of each step (after the row exists, so the foreign key holds).
create or replace function app.log_rectification_step() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' or new.status <> old.status then
    insert into public.rectification_events (item_id, from_status, to_status, note, actor_id)
    values (new.id, case when tg_op = 'UPDATE' then old.status end, new.status,
            case when new.status = 'returned' then new.return_reason end, (select auth.uid()));
  end if;
  return null;
end
$$;
create trigger rectification_items_log after insert or update on public.rectification_items
  for each row execute function app.log_rectification_step();

create or replace function app.refuse_rectification_event_change() returns trigger
language plpgsql as $$
begin
  raise exception 'the rectification history is append-only' using errcode = '42501';
end
$$;
create trigger rectification_events_append_only before update or delete on public.rectification_events
  for each row execute function app.refuse_rectification_event_change();

-- ── policies ─────────────────────────────────────────────────────────────────
create policy "The group, the observed branch and office staff read the feedback"
  on public.observation_feedback for select to authenticated
  using (
    observation_id in (select app.my_observation_ids())
    or observation_id in (select app.observations_of_my_orgs())
    or observation_id in (select app.office_observation_ids())
  );
create policy "The group leader or office staff send the feedback, once"
  on public.observation_feedback for insert to authenticated
  with check (
    sent_by = (select auth.uid())
    and (observation_id in (select app.led_observation_ids()) or observation_id in (select app.office_observation_ids()))
  );

create policy "The group, the observed branch and office staff read the committee discussion"
  on public.rectification_discussions for select to authenticated
  using (
    observation_id in (select app.my_observation_ids())
    or observation_id in (select app.observations_of_my_orgs())
    or observation_id in (select app.office_observation_ids())
  );
create policy "The observed branch's leaders record the discussion after the feedback"
  on public.rectification_discussions for insert to authenticated
  with check (
    recorded_by = (select auth.uid())
    and observation_id in (select app.observations_i_lead_the_branch_of())
    and observation_id in (select app.feedback_sent_observation_ids())
  );

create policy "The group, the observed branch, office staff and the owner read rectification items"
  on public.rectification_items for select to authenticated
  using (
    owner_person_id = (select auth.uid())
    or observation_id in (select app.my_observation_ids())
    or observation_id in (select app.observations_of_my_orgs())
    or observation_id in (select app.office_observation_ids())
  );
create policy "The observed branch's leaders list rectification items after the feedback"
  on public.rectification_items for insert to authenticated
  with check (
    created_by = (select auth.uid())
    and observation_id in (select app.observations_i_lead_the_branch_of())
    and observation_id in (select app.feedback_sent_observation_ids())
  );
create policy "Owners, branch leaders, the group and office staff move an item through its loop"
  on public.rectification_items for update to authenticated
  using (
    owner_person_id = (select auth.uid())
    or observation_id in (select app.observations_i_lead_the_branch_of())
    or observation_id in (select app.my_observation_ids())
    or observation_id in (select app.office_observation_ids())
  );
create policy "The observed branch's leaders remove an item still open"
  on public.rectification_items for delete to authenticated
  using (observation_id in (select app.observations_i_lead_the_branch_of()));

create policy "An item's history is as visible as the item"
  on public.rectification_events for select to authenticated
  using (exists (select 1 from public.rectification_items i where i.id = item_id));

-- ── grants ───────────────────────────────────────────────────────────────────
grant select, insert on public.observation_feedback, public.rectification_discussions to authenticated;
grant select, insert, update, delete on public.rectification_items to authenticated;
grant select on public.rectification_events to authenticated;
grant all on public.observation_feedback, public.rectification_discussions, public.rectification_items,
  public.rectification_events to service_role;

-- Audit log (issue 5): attach when the audit migration is present.
do $$
begin
  if to_regprocedure('app.attach_audit(regclass)') is not null then
    perform app.attach_audit('public.observation_feedback');
    perform app.attach_audit('public.rectification_discussions');
    perform app.attach_audit('public.rectification_items');
  end if;
end
$$;
