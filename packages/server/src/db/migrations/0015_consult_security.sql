-- from decision: decisions_security.sql
-- Decisions are append-only: a decision is never changed or removed, a later one supersedes it.
GRANT SELECT, INSERT ON decisions TO osteopad_app;
--> statement-breakpoint
ALTER TABLE decisions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organization_isolation ON decisions TO osteopad_app
  USING (organization_id = osteopad_current_organization());

--> statement-breakpoint
-- from dxa: densitometry_security.sql
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

--> statement-breakpoint
-- from intake: intake_responses_security.sql
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

--> statement-breakpoint
-- from labs: lab_results_fall_risk_security.sql
-- Lab results are corrected in place (optimistic concurrency, the audit log keeps what they were); fall-risk
-- assessments are append-only (one row per save, the latest counts).
GRANT SELECT, INSERT, UPDATE ON lab_results TO osteopad_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON fall_risk_assessments TO osteopad_app;
--> statement-breakpoint
ALTER TABLE lab_results ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE fall_risk_assessments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organization_isolation ON lab_results TO osteopad_app
  USING (organization_id = osteopad_current_organization());
--> statement-breakpoint
CREATE POLICY organization_isolation ON fall_risk_assessments TO osteopad_app
  USING (organization_id = osteopad_current_organization());

--> statement-breakpoint
-- from letters: episode_documents_security.sql
-- Documents kept with an episode are append-only: a letter is stored once, as made, and re-printed from
-- its stored bytes. The application may read and add them, never change or remove them.
GRANT SELECT, INSERT ON episode_documents TO osteopad_app;
--> statement-breakpoint
ALTER TABLE episode_documents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organization_isolation ON episode_documents TO osteopad_app
  USING (organization_id = osteopad_current_organization());

--> statement-breakpoint
-- from loop: appointments_security.sql
-- Appointments hold patient data: the application reads, plans and updates them (status, reschedule),
-- never deletes them; row-level security as on every clinical table.
GRANT SELECT, INSERT, UPDATE ON appointments TO osteopad_app;
--> statement-breakpoint
ALTER TABLE appointments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organization_isolation ON appointments TO osteopad_app
  USING (organization_id = osteopad_current_organization());
