-- Decisions are append-only: a decision is never changed or removed, a later one supersedes it.
GRANT SELECT, INSERT ON decisions TO osteopad_app;
--> statement-breakpoint
ALTER TABLE decisions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organization_isolation ON decisions TO osteopad_app
  USING (organization_id = osteopad_current_organization());
