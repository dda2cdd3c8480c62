-- The intake response is saved over (a new version each save); its revisions are append-only.
GRANT SELECT, INSERT, UPDATE ON intake_responses TO osteopad_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON intake_response_revisions TO osteopad_app;
--> statement-breakpoint
ALTER TABLE intake_responses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE intake_response_revisions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organization_isolation ON intake_responses TO osteopad_app
  USING (organization_id = osteopad_current_organization());
--> statement-breakpoint
CREATE POLICY organization_isolation ON intake_response_revisions TO osteopad_app
  USING (organization_id = osteopad_current_organization());
--> statement-breakpoint
GRANT USAGE ON SEQUENCE intake_response_revisions_id_seq TO osteopad_app;
