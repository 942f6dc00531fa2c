-- Issue 7: the office's score summary reads every criterion of every sheet of the year (52,000 items
-- in the province benchmark), and the items' policy looked up each item's sheet with a correlated
-- `exists`: 52,000 index probes, each with the sheets' own policy, about half the summary's time. The
-- same rule written as `sheet_id in (the sheets the caller may read)` is one hashed set per
-- statement. Same rows for every caller: an item is visible exactly when its sheet is (sheet_id is
-- never null, and the subquery runs under the sheets' policies as the `exists` did).

-- ── policies ─────────────────────────────────────────────────────────────────
drop policy "Score items are as visible as their sheet" on public.score_sheet_items;
create policy "Score items are as visible as their sheet"
  on public.score_sheet_items for select to authenticated
  using (sheet_id in (select s.id from public.score_sheets s));
