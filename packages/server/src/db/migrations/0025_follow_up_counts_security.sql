-- The follow-up worklists' tab counts (issue 12), kept exactly instead of counted on every page: counting up to
-- 10,001 index entries for each of the overdue and upcoming tabs was most of what a page cost PostgreSQL
-- (EXPLAIN ANALYZE at 100,000 registrations: ~20 of the statement's 25 ms; the page's own rows 0.2 ms). `follow_up_counts` holds,
-- per organisation, role, due date and task kind, signed rows that add up to how many projection rows with
-- list_key = 'follow_up' there are; a tab's count is the sum over its dates.
--
-- Kept by statement-level triggers on worklist_items itself (the projection's own triggers write it by INSERT,
-- INSERT ... ON CONFLICT DO UPDATE and DELETE; UPDATE and TRUNCATE are kept too, for maintenance as the owner).
-- Why signed rows and not one counter per key: a counter is a row lock held to the end of the writing
-- transaction, and an import that refreshes a follow-up patient holds its transaction for minutes — every task
-- completion of the same role, date and kind would wait for it (and two writers moving rows between two dates
-- in opposite directions would deadlock). Inserts never wait on each other. Each statement then merges the rows
-- of the keys it touched into one per key, taking only rows no other transaction holds (FOR UPDATE SKIP LOCKED):
-- the merge deletes what it sums and inserts the sum in one statement, so every snapshot sees the same total.
CREATE FUNCTION osteopad_follow_up_counts_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  orgs uuid[];
  roles text[];
  dues date[];
  kinds text[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM follow_up_counts;
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    WITH added AS (
      INSERT INTO follow_up_counts (organization_id, assignee_role, due_key, entry_kind, n)
      SELECT n.organization_id, coalesce(n.assignee_role, ''), n.due_key, n.entry_kind, count(*)::int
        FROM new_rows n WHERE n.list_key = 'follow_up'
       GROUP BY 1, 2, 3, 4
      RETURNING organization_id, assignee_role, due_key, entry_kind)
    SELECT array_agg(organization_id), array_agg(assignee_role), array_agg(due_key), array_agg(entry_kind)
      INTO orgs, roles, dues, kinds FROM added;
  ELSIF TG_OP = 'DELETE' THEN
    WITH added AS (
      INSERT INTO follow_up_counts (organization_id, assignee_role, due_key, entry_kind, n)
      SELECT o.organization_id, coalesce(o.assignee_role, ''), o.due_key, o.entry_kind, -count(*)::int
        FROM old_rows o WHERE o.list_key = 'follow_up'
       GROUP BY 1, 2, 3, 4
      RETURNING organization_id, assignee_role, due_key, entry_kind)
    SELECT array_agg(organization_id), array_agg(assignee_role), array_agg(due_key), array_agg(entry_kind)
      INTO orgs, roles, dues, kinds FROM added;
  ELSE
    WITH added AS (
      INSERT INTO follow_up_counts (organization_id, assignee_role, due_key, entry_kind, n)
      SELECT d.organization_id, d.assignee_role, d.due_key, d.entry_kind, sum(d.n)::int
        FROM (SELECT n.organization_id, coalesce(n.assignee_role, '') AS assignee_role, n.due_key, n.entry_kind,
                     1 AS n
                FROM new_rows n WHERE n.list_key = 'follow_up'
              UNION ALL
              SELECT o.organization_id, coalesce(o.assignee_role, ''), o.due_key, o.entry_kind, -1
                FROM old_rows o WHERE o.list_key = 'follow_up') d
       GROUP BY 1, 2, 3, 4 HAVING sum(d.n) <> 0
      RETURNING organization_id, assignee_role, due_key, entry_kind)
    SELECT array_agg(organization_id), array_agg(assignee_role), array_agg(due_key), array_agg(entry_kind)
      INTO orgs, roles, dues, kinds FROM added;
  END IF;
  IF orgs IS NULL THEN
    RETURN NULL; -- no follow-up row changed (the import's case-finding rows)
  END IF;
  -- The merge: the touched keys' rows no other transaction holds, deleted and summed into one row (none for 0).
  WITH touched AS (
    SELECT * FROM unnest(orgs, roles, dues, kinds) AS t(organization_id, assignee_role, due_key, entry_kind)
  ), taken AS (
    SELECT c.ctid AS tid
      FROM follow_up_counts c
      JOIN touched t ON (c.organization_id, c.assignee_role, c.due_key, c.entry_kind)
                      = (t.organization_id, t.assignee_role, t.due_key, t.entry_kind)
       FOR UPDATE OF c SKIP LOCKED
  ), merged AS (
    DELETE FROM follow_up_counts c USING taken WHERE c.ctid = taken.tid
    RETURNING c.organization_id, c.assignee_role, c.due_key, c.entry_kind, c.n
  )
  INSERT INTO follow_up_counts (organization_id, assignee_role, due_key, entry_kind, n)
  SELECT organization_id, assignee_role, due_key, entry_kind, sum(n)::int
    FROM merged GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER worklist_items_follow_up_counts_inserted AFTER INSERT ON worklist_items
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION osteopad_follow_up_counts_changed();
--> statement-breakpoint
CREATE TRIGGER worklist_items_follow_up_counts_updated AFTER UPDATE ON worklist_items
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION osteopad_follow_up_counts_changed();
--> statement-breakpoint
CREATE TRIGGER worklist_items_follow_up_counts_deleted AFTER DELETE ON worklist_items
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION osteopad_follow_up_counts_changed();
--> statement-breakpoint
CREATE TRIGGER worklist_items_follow_up_counts_truncated AFTER TRUNCATE ON worklist_items
  FOR EACH STATEMENT EXECUTE FUNCTION osteopad_follow_up_counts_changed();
--> statement-breakpoint
INSERT INTO follow_up_counts (organization_id, assignee_role, due_key, entry_kind, n)
SELECT organization_id, coalesce(assignee_role, ''), due_key, entry_kind, count(*)::int
  FROM worklist_items WHERE list_key = 'follow_up'
 GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
-- The application reads the counts and never writes them: only the trigger above does, as the owner.
GRANT SELECT ON follow_up_counts TO osteopad_app;
--> statement-breakpoint
ALTER TABLE follow_up_counts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organization_isolation ON follow_up_counts TO osteopad_app
  USING (organization_id = osteopad_current_organization());
