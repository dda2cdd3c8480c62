-- Portal access (issue 13). Activation codes and sign-in links name a patient: row-level security like
-- every clinical table. The application issues, uses and locks codes and links; it never deletes one (a
-- code's use stays visible), and patients' deletion cascades.
GRANT SELECT, INSERT, UPDATE ON portal_activation_codes TO osteopad_app;
--> statement-breakpoint
ALTER TABLE portal_activation_codes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organization_isolation ON portal_activation_codes TO osteopad_app
  USING (organization_id = osteopad_current_organization());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON portal_magic_links TO osteopad_app;
--> statement-breakpoint
ALTER TABLE portal_magic_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organization_isolation ON portal_magic_links TO osteopad_app
  USING (organization_id = osteopad_current_organization());
--> statement-breakpoint
-- A patient who activates or follows a link is not signed in: the organisation is not known until the code
-- or token is. These functions (run as the owner) answer only the organisation of one hash, nothing of the
-- patient; the work that follows runs scoped to that organisation, under row-level security.
CREATE FUNCTION osteopad_portal_code_organization(hash text)
RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT organization_id FROM portal_activation_codes WHERE code_hash = hash
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION osteopad_portal_code_organization(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION osteopad_portal_code_organization(text) TO osteopad_app;
--> statement-breakpoint
CREATE FUNCTION osteopad_portal_link_organization(hash text)
RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT organization_id FROM portal_magic_links WHERE token_hash = hash
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION osteopad_portal_link_organization(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION osteopad_portal_link_organization(text) TO osteopad_app;
--> statement-breakpoint
-- The active patient accounts whose patient has this e-mail address (any letter case), in any organisation:
-- only the account and organisation ids, for the sign-in link (which is mailed to the address itself).
CREATE FUNCTION osteopad_portal_accounts_by_email(address text)
RETURNS TABLE (user_id uuid, organization_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT u.id, u.organization_id
    FROM users u JOIN patients p ON p.id = u.patient_id AND p.organization_id = u.organization_id
   WHERE u.role = 'patient' AND u.active AND NOT p.deceased AND p.email <> ''
     AND lower(p.email) = lower(address)
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION osteopad_portal_accounts_by_email(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION osteopad_portal_accounts_by_email(text) TO osteopad_app;
--> statement-breakpoint
-- The plain codes of before become hashes (SHA-256 of the code in capitals without spaces or hyphens, as
-- portal/activationCodes.ts hashes what a patient types), valid for 90 days from this migration; then the
-- plain column is emptied. Letters printed before keep working with the code they carry.
INSERT INTO portal_activation_codes (organization_id, patient_id, code_hash, issued_by, expires_at)
SELECT organization_id, id,
       encode(sha256(convert_to(upper(regexp_replace(portal_code, '[\s-]', '', 'g')), 'UTF8')), 'hex'),
       'migrated', now() + interval '90 days'
  FROM patients WHERE portal_code IS NOT NULL AND portal_code <> ''
ON CONFLICT (code_hash) DO NOTHING;
--> statement-breakpoint
UPDATE patients SET portal_code = NULL WHERE portal_code IS NOT NULL;
