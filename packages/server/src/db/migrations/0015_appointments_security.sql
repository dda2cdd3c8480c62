-- Appointments hold patient data: the application reads, plans and updates them (status, reschedule),
-- never deletes them; row-level security as on every clinical table.
GRANT SELECT, INSERT, UPDATE ON appointments TO osteopad_app;
--> statement-breakpoint
ALTER TABLE appointments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organization_isolation ON appointments TO osteopad_app
  USING (organization_id = osteopad_current_organization());
