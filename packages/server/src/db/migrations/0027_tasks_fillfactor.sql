-- Room on every page of `tasks` for the new version of a row that is updated without changing an indexed
-- column — the scheduler pass's overdue flag (jobs/schedulerPass.ts), an outcome's details — so the
-- update is a HOT update: the row stays on its page and no index gets a new entry. On a full page every
-- such update moved the row and inserted an entry into each of the table's indexes (the first pass over
-- 1,000,000 open tasks flagged ~200,000 of them this way: ~125 µs a row, measured with EXPLAIN ANALYZE).
-- Applies to pages written from now on (a rewrite — VACUUM FULL, pg_repack — applies it to the rest).
ALTER TABLE tasks SET (fillfactor = 90);
