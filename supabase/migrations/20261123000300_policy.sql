-- The deployment's policy (D4): one zod-validated object; each change is a new row, the newest applies.
create table public.policy_versions (
  id bigint generated always as identity primary key,
  value jsonb not null check (jsonb_typeof(value) = 'object'),
  reason text not null check (char_length(reason) between 1 and 500),
  created_by uuid references public.people (id) on delete set null,
  created_at timestamptz not null default now()
);

alter table public.policy_versions enable row level security;

create policy "Signed-in people can read the policy"
  on public.policy_versions for select to authenticated using (true);
create policy "Office staff can change the policy"
  on public.policy_versions for insert to authenticated
  with check ((select app.is_office()) and created_by = (select auth.uid()));

grant select, insert on public.policy_versions to authenticated;
grant all on public.policy_versions to service_role;
