-- DXA and VFA exams are clinical rows: read, recorded and corrected (version bump), never deleted.
GRANT SELECT, INSERT, UPDATE ON dxa_exams TO osteopad_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON vfa_exams TO osteopad_app;
--> statement-breakpoint
ALTER TABLE dxa_exams ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE vfa_exams ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organization_isolation ON dxa_exams TO osteopad_app
  USING (organization_id = osteopad_current_organization());
--> statement-breakpoint
CREATE POLICY organization_isolation ON vfa_exams TO osteopad_app
  USING (organization_id = osteopad_current_organization());
