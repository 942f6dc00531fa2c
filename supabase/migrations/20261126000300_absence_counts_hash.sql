-- Issue 7: ATT-1's counts (app.absence_counts, decision record 0005) aggregate ~210,000 attendance rows of a page of
-- 500 branches into ~17,500 (person, branch, 支委会 or not) groups. The planner expects ~290,000 groups, so it sorts
-- the rows and merges (a quarter of the call); the real groups fit in its work_mem as a hash. Same answers.
-- Measured on the province bench, quiet machine, six calls each, alternating: median 614 ms sorting, 461 ms hashing.
alter function app.absence_counts(uuid[], timestamptz, timestamptz) set enable_sort = off;
