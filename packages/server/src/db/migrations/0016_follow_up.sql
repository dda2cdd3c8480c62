CREATE TYPE "public"."treatment_status" AS ENUM('active', 'stopped', 'completed');--> statement-breakpoint
CREATE TABLE "treatments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"decision_id" uuid,
	"drug" text NOT NULL,
	"started_on" date NOT NULL,
	"status" "treatment_status" DEFAULT 'active' NOT NULL,
	"last_dose_on" date,
	"ended_on" date,
	"end_reason" text,
	"end_note" text DEFAULT '' NOT NULL,
	"follows_treatment_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "series_key" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "treatment_id" uuid;--> statement-breakpoint
ALTER TABLE "treatments" ADD CONSTRAINT "treatments_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatments" ADD CONSTRAINT "treatments_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatments" ADD CONSTRAINT "treatments_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatments" ADD CONSTRAINT "treatments_follows_treatment_id_treatments_id_fk" FOREIGN KEY ("follows_treatment_id") REFERENCES "public"."treatments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatments" ADD CONSTRAINT "treatments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "treatments_patient_idx" ON "treatments" USING btree ("organization_id","patient_id","status");--> statement-breakpoint
CREATE INDEX "treatments_episode_idx" ON "treatments" USING btree ("episode_id");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_treatment_id_treatments_id_fk" FOREIGN KEY ("treatment_id") REFERENCES "public"."treatments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_episode_series_key" ON "tasks" USING btree ("episode_id","series_key") WHERE "tasks"."series_key" IS NOT NULL;--> statement-breakpoint
-- Treatment courses are clinical rows: read, started and changed (stopped, completed, version bump), never deleted.
GRANT SELECT, INSERT, UPDATE ON treatments TO osteopad_app;
--> statement-breakpoint
ALTER TABLE treatments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organization_isolation ON treatments TO osteopad_app
  USING (organization_id = osteopad_current_organization());
