-- Import jobs name the uploader and the file (whose name may name a patient): row-level security like
-- every clinical table. The application creates them and the worker moves them on; none is deleted (the
-- record of what was imported, by whom, stays with the import it produced).
GRANT SELECT, INSERT, UPDATE ON import_jobs TO osteopad_app;
--> statement-breakpoint
ALTER TABLE import_jobs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organization_isolation ON import_jobs TO osteopad_app
  USING (organization_id = osteopad_current_organization());
--> statement-breakpoint
-- How far a running import has read, written while its own transaction is still open (so from another
-- connection, in one autocommit statement: a statement cannot both set the organisation for row-level
-- security and update under it). Only the attempt that claimed the job moves its progress: a late call
-- of an attempt the queue has given up on changes nothing.
CREATE FUNCTION osteopad_import_job_progress(job_id uuid, claimed_attempt integer, rows_done integer,
                                             bytes_done integer)
RETURNS boolean
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  WITH moved AS (
    UPDATE import_jobs
       SET rows_read = greatest(rows_read, rows_done), bytes_read = greatest(bytes_read, bytes_done),
           updated_at = now()
     WHERE id = job_id AND status = 'running' AND attempts = claimed_attempt
    RETURNING 1
  )
  SELECT count(*) = 1 FROM moved
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION osteopad_import_job_progress(uuid, integer, integer, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION osteopad_import_job_progress(uuid, integer, integer, integer) TO osteopad_app;
