-- Report-back and progress reports (FB-3, FB-4), reminders as WeChat one-time subscribe messages
-- (D9) with the in-app task list as the source of truth, and the office's year-end summary (FB-5).
-- Order: types → tables → enable RLS → policies → grants (STYLE 9).

-- ── types ────────────────────────────────────────────────────────────────────
create type public.report_kind as enum ('report_back', 'progress_report', 'commitment_report');
create type public.reminder_status as enum ('sending', 'sent', 'no_consent', 'failed');

-- ── tables ───────────────────────────────────────────────────────────────────
-- FB-3: the invited committee member reports at their own branch's committee meeting (org_id = that branch).
-- FB-4: the observed branch reports rectification progress (every 6 months) and members' commitments (every quarter).
create table public.observation_reports (
  id uuid primary key default gen_random_uuid(),
  observation_id uuid not null references public.observations (id) on delete cascade,
  kind public.report_kind not null,
  -- Which half-year / quarter after the feedback (1, 2, ...); report_back has only 1.
  period_no smallint not null default 1 check (period_no between 1 and 40),
  org_id uuid not null references public.organisations (id) on delete restrict,
  due_date date not null,
  held_on date not null,
  summary text not null check (char_length(summary) between 1 and 5000),
  reported_by uuid not null references public.people (id) on delete restrict,
  created_at timestamptz not null default now(),
  unique (observation_id, kind, period_no),
  constraint observation_reports_report_back_once check (kind <> 'report_back' or period_no = 1)
);

-- D9: one tap on 提醒我 = one consent = one message per template.
create table public.reminder_subscriptions (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references public.people (id) on delete cascade,
  template_key text not null check (template_key ~ '^[a-z_]{1,32}$'),
  granted_at timestamptz not null default now(),
  used_at timestamptz
);
create index reminder_subscriptions_unused_idx on public.reminder_subscriptions (person_id, template_key, granted_at) where used_at is null;

-- Every reminder the sender decided on, whatever happened to the message: the task list reads this.
create table public.reminders (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references public.people (id) on delete cascade,
  -- What is due: 'obs:<observation id>:<deadline key>' or 'rect:<item id>'.
  ref text not null check (char_length(ref) between 1 and 200),
  deadline_key text not null check (char_length(deadline_key) between 1 and 40),
  observation_id uuid references public.observations (id) on delete cascade,
  rectification_item_id uuid references public.rectification_items (id) on delete cascade,
  label text not null check (char_length(label) between 1 and 200),
  due_date date not null,
  -- before_3 | due | overdue_1 | overdue_2 | overdue_3 (shared/src/rules/reminders.ts).
  slot text not null check (slot ~ '^(before_[0-9]{1,2}|due|overdue_[0-9]{1,2})$'),
  template_key text not null,
  status public.reminder_status not null,
  subscription_id uuid references public.reminder_subscriptions (id) on delete set null,
  errcode integer,
  error text check (char_length(error) <= 500),
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  unique (ref, person_id, slot),
  constraint reminders_sent_has_time check ((status = 'sent') = (sent_at is not null))
);
create index reminders_person_idx on public.reminders (person_id, created_at desc);

-- FB-5: the office's editable year-end summary, per office scope and year.
create table public.year_summaries (
  scope_org_id uuid not null references public.organisations (id) on delete cascade,
  year smallint not null check (year between 2000 and 2100),
  good_practice text not null default '' check (char_length(good_practice) <= 20000),
  common_problems text not null default '' check (char_length(common_problems) <= 20000),
  advice text not null default '' check (char_length(advice) <= 20000),
  -- The shared yearSummary figures at the time of saving.
  figures jsonb not null check (jsonb_typeof(figures) = 'object'),
  updated_by uuid references public.people (id) on delete set null,
  updated_at timestamptz not null default now(),
  primary key (scope_org_id, year)
);

-- ── row-level security ───────────────────────────────────────────────────────
alter table public.observation_reports enable row level security;
alter table public.reminder_subscriptions enable row level security;
alter table public.reminders enable row level security;
alter table public.year_summaries enable row level security;

-- ── policies ─────────────────────────────────────────────────────────────────
create policy "The group, the observed branch, the reporter's branch and office staff read reports"
  on public.observation_reports for select to authenticated
  using (
    reported_by = (select auth.uid())
    or org_id in (select app.my_org_ids())
    or observation_id in (select app.my_observation_ids())
    or observation_id in (select app.observations_of_my_orgs())
    or observation_id in (select app.office_observation_ids())
  );
create policy "The invited observer reports back; the observed branch's leaders report progress"
  on public.observation_reports for insert to authenticated
  with check (
    reported_by = (select auth.uid())
    and (
      (kind = 'report_back' and observation_id in (select app.my_observation_ids()) and org_id in (select app.my_org_ids()))
      or (kind <> 'report_back' and observation_id in (select app.observations_i_lead_the_branch_of())
          and observation_id in (select app.feedback_sent_observation_ids()))
    )
  );

create policy "People read their own consents, office staff everyone's"
  on public.reminder_subscriptions for select to authenticated
  using (person_id = (select auth.uid()) or (select app.is_office()));
create policy "People record their own consent"
  on public.reminder_subscriptions for insert to authenticated
  with check (person_id = (select auth.uid()) and used_at is null);

create policy "People read their own reminders, office staff everyone's"
  on public.reminders for select to authenticated
  using (person_id = (select auth.uid()) or (select app.is_office()));

create policy "Office staff read the summaries of their scope"
  on public.year_summaries for select to authenticated
  using (scope_org_id in (select app.office_org_ids()));
create policy "Office staff write the summaries of their scope"
  on public.year_summaries for insert to authenticated
  with check (scope_org_id in (select app.office_org_ids()) and updated_by = (select auth.uid()));
create policy "Office staff revise the summaries of their scope"
  on public.year_summaries for update to authenticated
  using (scope_org_id in (select app.office_org_ids()))
  with check (scope_org_id in (select app.office_org_ids()) and updated_by = (select auth.uid()));

-- ── grants ───────────────────────────────────────────────────────────────────
-- Reminders are written by the sender only (service_role: a cron has no caller).
grant select, insert on public.observation_reports, public.reminder_subscriptions to authenticated;
grant select on public.reminders to authenticated;
grant select, insert, update on public.year_summaries to authenticated;
grant all on public.observation_reports, public.reminder_subscriptions, public.reminders, public.year_summaries to service_role;

do $$
begin
  if to_regprocedure('app.attach_audit(regclass)') is not null then
    perform app.attach_audit('public.observation_reports');
    perform app.attach_audit('public.reminder_subscriptions');
    perform app.attach_audit('public.year_summaries');
  end if;
end
$$;
