-- The reminder outbox holds patient contact data: row-level security like every clinical table. The
-- application creates, claims, marks and retries deliveries; it never deletes one (the record of what was
-- sent to whom stays).
GRANT SELECT, INSERT, UPDATE ON reminder_deliveries TO osteopad_app;
--> statement-breakpoint
ALTER TABLE reminder_deliveries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organization_isolation ON reminder_deliveries TO osteopad_app
  USING (organization_id = osteopad_current_organization());
--> statement-breakpoint
-- Marking a delivery sent is one autocommit statement right after the channel accepted the message (the
-- shorter the time between the two, the smaller the window in which a crash makes the message go out again).
-- A statement cannot both set the organisation for row-level security and update under it, so this
-- function (run as the owner) marks exactly the one claimed row: it must still be `sending` under the
-- worker's claim (attempts as claimed), so a late answer after another worker reclaimed it changes nothing.
CREATE FUNCTION osteopad_reminder_mark_sent(delivery_id uuid, claimed_attempt integer, provider_id text)
RETURNS boolean
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  WITH marked AS (
    UPDATE reminder_deliveries
       SET status = 'sent', sent_at = now(), provider_message_id = left(provider_id, 500), lease_until = NULL,
           next_attempt_at = NULL, last_error = '', version = version + 1, updated_at = now()
     WHERE id = delivery_id AND status = 'sending' AND attempts = claimed_attempt
    RETURNING 1
  )
  SELECT count(*) = 1 FROM marked
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION osteopad_reminder_mark_sent(uuid, integer, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION osteopad_reminder_mark_sent(uuid, integer, text) TO osteopad_app;
