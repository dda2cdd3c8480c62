-- One-time password links (issue 14, users). They name an account of one organisation: row-level security
-- like the portal's links. The application makes, uses and revokes links; it never deletes one (a link's
-- use stays visible), and an account's deletion cascades.
GRANT SELECT, INSERT, UPDATE ON user_password_links TO osteopad_app;
--> statement-breakpoint
ALTER TABLE user_password_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organization_isolation ON user_password_links TO osteopad_app
  USING (organization_id = osteopad_current_organization());
--> statement-breakpoint
-- Whoever follows a link is not signed in: the organisation is not known until the token is. This function
-- (run as the owner) answers only the organisation of one hash; the work that follows runs scoped to it.
CREATE FUNCTION osteopad_password_link_organization(hash text)
RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT organization_id FROM user_password_links WHERE token_hash = hash
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION osteopad_password_link_organization(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION osteopad_password_link_organization(text) TO osteopad_app;
