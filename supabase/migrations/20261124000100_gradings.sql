-- Appraisal gradings (RATE-1..3, 003): 民主评议党员 per branch, 评组织 and 评书记 per committee, one batch
-- per (organisation, year, kind). The API checks the quota with the shared rule before it stores a batch;
-- the table holds what the database can hold by itself: one grade per subject, grades of the right scale,
-- no grade for a 预备党员.
-- Order: types → tables → enable RLS → policies → grants → audit (STYLE 9).

-- ── types ────────────────────────────────────────────────────────────────────
-- member: RATE-1 (org = the branch); branch: RATE-2 (org = the committee above the branches);
-- secretary: RATE-3 (org = the committee above the branches whose secretaries are graded).
create type public.grading_kind as enum ('member', 'branch', 'secretary');

-- ── tables ───────────────────────────────────────────────────────────────────
create table public.gradings (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organisations (id) on delete cascade,
  year smallint not null check (year between 2000 and 2100),
  kind public.grading_kind not null,
  -- The person graded (member, secretary) or the organisation graded (branch).
  person_id uuid references public.people (id) on delete cascade,
  subject_org_id uuid references public.organisations (id) on delete cascade,
  -- RATE-1: the member's status when graded (预备党员 take part, ungraded).
  member_status public.member_status,
  grade text,
  graded_by uuid not null references public.people (id) on delete restrict,
  graded_at timestamptz not null default now(),
  constraint gradings_one_subject check (
    (kind = 'branch' and subject_org_id is not null and person_id is null)
    or (kind <> 'branch' and person_id is not null and subject_org_id is null)
  ),
  constraint gradings_status_only_for_members check ((kind = 'member') = (member_status is not null)),
  constraint gradings_grade_scale check (
    case kind
      when 'member' then (member_status = 'full' and grade in ('excellent', 'qualified', 'basically_qualified', 'unqualified'))
                      or (member_status = 'probationary' and grade is null)
      when 'branch' then grade in ('advanced', 'first', 'second', 'third')
      when 'secretary' then grade in ('good', 'fairly_good', 'average', 'poor')
    end
  )
);
create unique index gradings_subject_once_idx on public.gradings (org_id, year, kind, coalesce(person_id, subject_org_id));

-- ── row-level security ───────────────────────────────────────────────────────
alter table public.gradings enable row level security;

-- ── policies ─────────────────────────────────────────────────────────────────
create policy "Office staff read the gradings of their scope"
  on public.gradings for select to authenticated
  using (org_id in (select app.office_org_ids()));
create policy "Office staff grade in their scope, as themselves"
  on public.gradings for insert to authenticated
  with check (org_id in (select app.office_org_ids()) and graded_by = (select auth.uid()));
-- A batch is replaced whole (the audit log keeps the earlier one), never edited row by row.
create policy "Office staff replace the gradings of their scope"
  on public.gradings for delete to authenticated
  using (org_id in (select app.office_org_ids()));

-- ── grants ───────────────────────────────────────────────────────────────────
grant select, insert, delete on public.gradings to authenticated;
grant all on public.gradings to service_role;

-- ── audit ────────────────────────────────────────────────────────────────────
select app.attach_audit('public.gradings');
