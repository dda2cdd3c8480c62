-- The clinic's clinical configuration versions (issue 14, clinical configuration). Append-only: a version is
-- never changed or removed, a later one supersedes it, so every recorded decision's configuration version
-- can be read back as it was. Row-level security: each organisation sees its own versions only.
GRANT SELECT, INSERT ON clinical_config_versions TO osteopad_app;
--> statement-breakpoint
ALTER TABLE clinical_config_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organization_isolation ON clinical_config_versions TO osteopad_app
  USING (organization_id = osteopad_current_organization());
