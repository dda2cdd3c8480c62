-- Hospital single sign-on (issue 14). The configuration and the sign-ins under way are the organisation's:
-- row-level security like every table with organization_id. The application changes a configuration but
-- never deletes one; it deletes a flow when the callback uses it or when it has expired.
GRANT SELECT, INSERT, UPDATE ON organization_sso TO osteopad_app;
--> statement-breakpoint
ALTER TABLE organization_sso ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organization_isolation ON organization_sso TO osteopad_app
  USING (organization_id = osteopad_current_organization());
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON sso_sign_in_flows TO osteopad_app;
--> statement-breakpoint
ALTER TABLE sso_sign_in_flows ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organization_isolation ON sso_sign_in_flows TO osteopad_app
  USING (organization_id = osteopad_current_organization());
--> statement-breakpoint
-- The login page is shown before anyone is signed in: these functions (run as the owner) answer only what
-- the page and the start of a sign-in need — the organisations with SSO switched on, their names and URL
-- names — nothing of the provider, the client or the accounts.
CREATE FUNCTION osteopad_sso_sign_in_options()
RETURNS TABLE (organization_id uuid, slug text, organization_name text, local_passwords text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT s.organization_id, s.slug, o.name, s.local_passwords
    FROM organization_sso s JOIN organizations o ON o.id = s.organization_id
   WHERE s.enabled
   ORDER BY o.name
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION osteopad_sso_sign_in_options() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION osteopad_sso_sign_in_options() TO osteopad_app;
--> statement-breakpoint
CREATE FUNCTION osteopad_sso_organization(slug_or_id text)
RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT organization_id FROM organization_sso
   WHERE enabled AND (lower(slug) = lower(slug_or_id) OR organization_id::text = lower(slug_or_id))
   LIMIT 1
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION osteopad_sso_organization(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION osteopad_sso_organization(text) TO osteopad_app;
