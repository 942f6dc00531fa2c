-- RLS as narrow as the API (found by the authorization matrix, tests/hardening/authz-matrix.test.ts):
-- 1. the observed branch's leaders may change only the plan of their observation (OBS-5), and cancel it with its meeting;
-- 2. office staff record their own attendance only where they may attend (their own organisations' meetings);
-- 3. the audit log is read by the work committee's office; other office staff read their own entries
--    (docs/decisions/0004-audit-log-readers.md).

-- ── 1. observations: the observed branch writes its plan, nothing else ──────────────────────────────
-- Row policies cannot name columns, and office staff (who may change every column) share the role
-- authenticated with branch leaders, so column privileges cannot tell them apart: a trigger does.
-- Not security definer on purpose: current_user tells an API caller (authenticated) from server-side
-- work and from the security-definer helpers (app.mark_feedback_sent), which run as the owner.
create or replace function app.guard_observation_update() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if current_user <> 'authenticated' then
    return new;
  end if;
  if exists (select 1 from public.meetings m where m.id = old.meeting_id and m.org_id in (select app.office_org_ids())) then
    return new;
  end if;
  -- OBS-5: the plan (agenda, content, host, time, place) and when it came in.
  if (to_jsonb(new) - array['plan', 'plan_submitted_at', 'status']) <> (to_jsonb(old) - array['plan', 'plan_submitted_at', 'status']) then
    raise exception 'the observed branch may change only the plan of an observation' using errcode = '42501';
  end if;
  -- Cancelling the meeting cancels an observation still scheduled for it (api/_lib/meetings/queries.ts cancelMeeting).
  if new.status is distinct from old.status and not (
    old.status = 'scheduled' and new.status = 'cancelled'
    and exists (select 1 from public.meetings m where m.id = new.meeting_id and m.status = 'cancelled')
  ) then
    raise exception 'the observed branch may not move an observation from % to %', old.status, new.status using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger observations_guard_branch_update before update on public.observations
  for each row execute function app.guard_observation_update();

-- ── 2. attendance: hosts and office staff record other people; everyone records themselves where they belong ──
-- "Members record their own attendance at their organisation's meetings" stays as it is.
drop policy "Hosts and office staff record anyone's attendance" on public.attendance;
create policy "Hosts and office staff record other people's attendance"
  on public.attendance for insert to authenticated
  with check (
    person_id <> (select auth.uid())
    and exists (select 1 from public.meetings m where m.id = meeting_id
                and (m.org_id in (select app.led_org_ids()) or m.org_id in (select app.office_org_ids())))
  );

-- ── 3. audit log: the top office reads it all, other office staff what they did ───────────────────
-- An entry names a table and a row, not an organisation, so it cannot be placed in a department's scope
-- without a lookup per write on every table (check-in's hot path among them).
create or replace function app.is_top_office() returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.office_staff s join public.organisations o on o.id = s.scope_org_id
     where s.person_id = (select auth.uid()) and o.parent_id is null
  )
$$;
grant execute on function app.is_top_office() to authenticated, service_role;

drop policy "Office staff can read the audit log" on public.audit_log;
create policy "The work committee's office reads the audit log, other office staff their own entries"
  on public.audit_log for select to authenticated
  using ((select app.is_top_office()) or (actor_id = (select auth.uid()) and (select app.is_office())));
