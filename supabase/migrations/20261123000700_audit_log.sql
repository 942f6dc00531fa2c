-- Audit log (issue 5): who changed what and when, for every write to every table.
-- One generic row trigger writes here; nobody writes the table directly, office staff read it.
-- Tables created by later migrations attach themselves with: select app.attach_audit('public.my_table');
-- Order: tables → enable RLS → functions → triggers → policies → grants (STYLE 9).

-- ── tables ───────────────────────────────────────────────────────────────────
create table public.audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  -- The caller of the API request (auth.uid()); null for server-side work (seed, login binding, migrations).
  actor_id uuid,
  table_name text not null,
  op text not null check (op in ('INSERT', 'UPDATE', 'DELETE')),
  -- The row's primary key as an object ({"id": ...} or {"meeting_id": ..., "person_id": ...}).
  row_pk jsonb not null check (jsonb_typeof(row_pk) = 'object'),
  -- The same key as text (values joined by '/'), so "the history of this row" is one index range.
  row_id text not null,
  old jsonb,
  new jsonb,
  constraint audit_log_images check (
    (op = 'INSERT' and old is null and new is not null)
    or (op = 'UPDATE' and old is not null and new is not null)
    or (op = 'DELETE' and old is not null and new is null)
  )
);
create index audit_log_row_idx on public.audit_log (table_name, row_id, id desc);
create index audit_log_table_idx on public.audit_log (table_name, id desc);
create index audit_log_actor_idx on public.audit_log (actor_id, id desc) where actor_id is not null;

alter table public.audit_log enable row level security;

-- ── functions ────────────────────────────────────────────────────────────────
-- Secrets never reach the log: whether a WeChat account is bound or an invitation is out stays visible, the values do not.
create or replace function app.audit_redact(tbl text, image jsonb) returns jsonb
language sql immutable set search_path = ''
as $$
  select case
    when image is null or tbl <> 'people' then image
    else image
      || case when image ? 'wechat_openid' and image ->> 'wechat_openid' is not null
              then '{"wechat_openid": "[redacted]"}'::jsonb else '{}'::jsonb end
      || case when image ? 'invitation_code' and image ->> 'invitation_code' is not null
              then '{"invitation_code": "[redacted]"}'::jsonb else '{}'::jsonb end
  end
$$;

-- The one trigger function. TG_ARGV holds the table's primary-key columns (attach_audit passes them).
-- Security definer: the caller may not write audit_log, the function (owned by the table owner) may.
create or replace function app.audit_row() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  old_image jsonb := case when tg_op <> 'INSERT' then app.audit_redact(tg_table_name, to_jsonb(old)) end;
  new_image jsonb := case when tg_op <> 'DELETE' then app.audit_redact(tg_table_name, to_jsonb(new)) end;
  source jsonb := coalesce(new_image, old_image);
  pk jsonb := '{}'::jsonb;
  ids text[] := '{}';
  col text;
begin
  -- An update that changes nothing (e.g. an idempotent upsert) is not a change.
  if tg_op = 'UPDATE' and old_image = new_image then
    return null;
  end if;
  if tg_nargs > 0 then
    foreach col in array tg_argv loop
      pk := pk || jsonb_build_object(col, source -> col);
      ids := ids || coalesce(source ->> col, '');
    end loop;
  end if;
  insert into public.audit_log (actor_id, table_name, op, row_pk, row_id, old, new)
  values ((select auth.uid()), tg_table_name, tg_op, pk, array_to_string(ids, '/'), old_image, new_image);
  return null;
end
$$;

-- Attaches the audit trigger to a table (idempotent): for the tables below, and for any table a later migration adds.
create or replace function app.attach_audit(target regclass) returns void
language plpgsql set search_path = ''
as $$
declare
  pk_cols text;
begin
  if target = 'public.audit_log'::regclass then
    raise exception 'the audit log does not audit itself';
  end if;
  select string_agg(quote_literal(a.attname), ', ' order by k.ord)
    into pk_cols
    from pg_index i
    cross join lateral unnest(i.indkey) with ordinality as k (attnum, ord)
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
   where i.indrelid = target and i.indisprimary;
  execute format('drop trigger if exists audit_row on %s', target);
  execute format(
    'create trigger audit_row after insert or update or delete on %s for each row execute function app.audit_row(%s)',
    target, coalesce(pk_cols, '')
  );
end
$$;
revoke execute on function app.attach_audit(regclass) from public;

-- Attaches the trigger to every public table that lacks it (for a migration that adds several tables).
create or replace function app.attach_audit_all() returns integer
language plpgsql set search_path = ''
as $$
declare
  t regclass;
  attached integer := 0;
begin
  for t in
    select c.oid::regclass from pg_class c join pg_namespace ns on ns.oid = c.relnamespace
     where ns.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> 'audit_log'
       and not exists (select 1 from pg_trigger g where g.tgrelid = c.oid and g.tgname = 'audit_row')
     order by c.relname
  loop
    perform app.attach_audit(t);
    attached := attached + 1;
  end loop;
  return attached;
end
$$;
revoke execute on function app.attach_audit_all() from public;

-- "Nobody writes it directly": not even the owner may rewrite history.
create or replace function app.refuse_audit_change() returns trigger
language plpgsql as $$
begin
  raise exception 'the audit log is append-only' using errcode = '42501';
end
$$;
create trigger audit_log_append_only before update or delete on public.audit_log
  for each row execute function app.refuse_audit_change();

-- ── triggers: every table that exists now (organisations, people, memberships, office_staff,
-- observer_pool, meetings, attendance, policy_versions, observations, observation_assignments,
-- observation_notes, score_sheets, score_sheet_items, motions, votes, evidence, and whatever an
-- earlier migration added) ──────────────────────────────────────────────────
select app.attach_audit_all();

-- ── policies ─────────────────────────────────────────────────────────────────
create policy "Office staff can read the audit log"
  on public.audit_log for select to authenticated using ((select app.is_office()));

-- ── grants ───────────────────────────────────────────────────────────────────
grant select on public.audit_log to authenticated;
grant select on public.audit_log to service_role;
