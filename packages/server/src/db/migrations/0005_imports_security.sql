-- Imports record what came in; their row is finalised at the end of the import transaction.
GRANT SELECT, INSERT, UPDATE ON imports TO osteopad_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON report_findings TO osteopad_app;
--> statement-breakpoint
ALTER TABLE imports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE report_findings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organization_isolation ON imports TO osteopad_app
  USING (organization_id = osteopad_current_organization());
--> statement-breakpoint
CREATE POLICY organization_isolation ON report_findings TO osteopad_app
  USING (organization_id = osteopad_current_organization());
