-- The application connects as (or switches to) the role osteopad_app. Migrations run as the owner.
-- osteopad_app gets only what the application needs: audit events and episode transitions are
-- append-only, and row-level security is a second wall behind the organization_id filter of every query.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'osteopad_app') THEN
    CREATE ROLE osteopad_app NOLOGIN;
  END IF;
END
$$;
--> statement-breakpoint
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'osteopad_app', 'MEMBER') THEN
    EXECUTE format('GRANT osteopad_app TO %I', current_user);
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO osteopad_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON organizations, users, sessions, patients, fracture_events, episodes, tasks TO osteopad_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_events, episode_events TO osteopad_app;
--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO osteopad_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION osteopad_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION osteopad_reject_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION osteopad_reject_change();
--> statement-breakpoint
CREATE TRIGGER episode_events_append_only BEFORE UPDATE OR DELETE ON episode_events
  FOR EACH ROW EXECUTE FUNCTION osteopad_reject_change();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION osteopad_current_organization() RETURNS uuid
LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('osteopad.organization_id', true), '')::uuid
$$;
--> statement-breakpoint
ALTER TABLE patients ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE fracture_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE episodes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE episode_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organization_isolation ON patients TO osteopad_app
  USING (organization_id = osteopad_current_organization());
--> statement-breakpoint
CREATE POLICY organization_isolation ON fracture_events TO osteopad_app
  USING (organization_id = osteopad_current_organization());
--> statement-breakpoint
CREATE POLICY organization_isolation ON episodes TO osteopad_app
  USING (organization_id = osteopad_current_organization());
--> statement-breakpoint
CREATE POLICY organization_isolation ON episode_events TO osteopad_app
  USING (organization_id = osteopad_current_organization());
--> statement-breakpoint
CREATE POLICY organization_isolation ON tasks TO osteopad_app
  USING (organization_id = osteopad_current_organization());
