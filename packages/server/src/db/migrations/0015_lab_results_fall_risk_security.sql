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
