CREATE TABLE "organization_sso" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"issuer_url" text NOT NULL,
	"client_id" text NOT NULL,
	"client_secret_ref" text NOT NULL,
	"account_claim" text DEFAULT 'preferred_username' NOT NULL,
	"role_source" text DEFAULT 'account' NOT NULL,
	"role_claim" text,
	"role_map" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"local_passwords" text DEFAULT 'allowed' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_sso_role_source" CHECK ("organization_sso"."role_source" IN ('account', 'claim')),
	CONSTRAINT "organization_sso_local_passwords" CHECK ("organization_sso"."local_passwords" IN ('allowed', 'disabled'))
);
--> statement-breakpoint
CREATE TABLE "sso_sign_in_flows" (
	"flow_hash" text PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"state" text NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"redirect_path" text DEFAULT '/' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organization_sso" ADD CONSTRAINT "organization_sso_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_sign_in_flows" ADD CONSTRAINT "sso_sign_in_flows_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organization_sso_slug_key" ON "organization_sso" USING btree (lower("slug"));--> statement-breakpoint
CREATE INDEX "sso_sign_in_flows_expiry_idx" ON "sso_sign_in_flows" USING btree ("expires_at");