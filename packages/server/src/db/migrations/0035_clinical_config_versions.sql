CREATE TABLE "clinical_config_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"version" text NOT NULL,
	"fingerprint" text NOT NULL,
	"document" jsonb NOT NULL,
	"changes" jsonb NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clinical_config_versions_number_positive" CHECK ("clinical_config_versions"."number" >= 1)
);
--> statement-breakpoint
ALTER TABLE "clinical_config_versions" ADD CONSTRAINT "clinical_config_versions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_config_versions" ADD CONSTRAINT "clinical_config_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "clinical_config_versions_number_key" ON "clinical_config_versions" USING btree ("organization_id","number");