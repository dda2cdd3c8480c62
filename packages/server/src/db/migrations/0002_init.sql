CREATE TYPE "public"."eligibility_outcome" AS ENUM('eligible', 'excluded', 'manual_review');--> statement-breakpoint
CREATE TYPE "public"."encounter_type" AS ENUM('emergency', 'outpatient', 'inpatient', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."episode_state" AS ENUM('identified', 'invited', 'reminded', 'intake', 'investigated', 'decided', 'treating', 'no_treatment', 'referred', 'follow_up', 're_evaluation', 'closed', 'declined', 'not_eligible', 'lost');--> statement-breakpoint
CREATE TYPE "public"."patient_group" AS ENUM('hip', 'vertebral', 'otherInpatient', 'outpatient');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('female', 'male', 'other', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."task_status" AS ENUM('open', 'done', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."trauma_mechanism" AS ENUM('low', 'high', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'specialist', 'nurse', 'secretary', 'quality', 'patient');--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"username" text DEFAULT '' NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"organization_id" uuid,
	"patient_id" uuid,
	"action" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text DEFAULT '' NOT NULL,
	"outcome" text DEFAULT 'success' NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"client_address" "inet",
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "episode_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "episode_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organization_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"from_state" "episode_state",
	"to_state" "episode_state" NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"actor_user_id" uuid,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"index_fracture_id" uuid,
	"state" "episode_state" NOT NULL,
	"state_reason" text DEFAULT '' NOT NULL,
	"patient_group" "patient_group",
	"opened_on" date NOT NULL,
	"closed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fracture_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"fracture_date" date NOT NULL,
	"site_code" text,
	"site_text" text DEFAULT '' NOT NULL,
	"icd10_code" text DEFAULT '' NOT NULL,
	"snomed_code" text DEFAULT '' NOT NULL,
	"encounter_type" "encounter_type" DEFAULT 'unknown' NOT NULL,
	"trauma_mechanism" "trauma_mechanism" DEFAULT 'unknown' NOT NULL,
	"pathological" boolean,
	"identity_key" text NOT NULL,
	"eligibility" "eligibility_outcome" NOT NULL,
	"eligibility_reason" text NOT NULL,
	"eligibility_engine" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source_format" text DEFAULT 'manual' NOT NULL,
	"source_ref" text DEFAULT '' NOT NULL,
	"import_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"department" text DEFAULT '' NOT NULL,
	"street" text DEFAULT '' NOT NULL,
	"house_number" text DEFAULT '' NOT NULL,
	"postal_code" text DEFAULT '' NOT NULL,
	"city" text DEFAULT '' NOT NULL,
	"phone_general" text DEFAULT '' NOT NULL,
	"phone_department" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"opening_hours" text DEFAULT '' NOT NULL,
	"portal_url" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"bsn" text,
	"source_system" text,
	"source_id" text,
	"family_name" text NOT NULL,
	"given_names" text DEFAULT '' NOT NULL,
	"initials" text DEFAULT '' NOT NULL,
	"birth_date" date NOT NULL,
	"sex" "sex" NOT NULL,
	"street" text DEFAULT '' NOT NULL,
	"house_number" text DEFAULT '' NOT NULL,
	"postal_code" text DEFAULT '' NOT NULL,
	"city" text DEFAULT '' NOT NULL,
	"country" text DEFAULT 'NL' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"gp_name" text DEFAULT '' NOT NULL,
	"gp_agb_code" text DEFAULT '' NOT NULL,
	"gp_practice_name" text DEFAULT '' NOT NULL,
	"gp_address" text DEFAULT '' NOT NULL,
	"portal_code" text NOT NULL,
	"deceased_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patients_bsn_elfproef" CHECK ("patients"."bsn" IS NULL OR osteopad_bsn_valid("patients"."bsn")),
	CONSTRAINT "patients_identified" CHECK ("patients"."bsn" IS NOT NULL OR "patients"."source_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"client_address" "inet"
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_date" date NOT NULL,
	"status" "task_status" DEFAULT 'open' NOT NULL,
	"assignee_role" "user_role" NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" "user_role" NOT NULL,
	"password_hash" text NOT NULL,
	"patient_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_patient_role_has_patient" CHECK (("users"."role" = 'patient') = ("users"."patient_id" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "episode_events" ADD CONSTRAINT "episode_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_events" ADD CONSTRAINT "episode_events_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_events" ADD CONSTRAINT "episode_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_index_fracture_id_fracture_events_id_fk" FOREIGN KEY ("index_fracture_id") REFERENCES "public"."fracture_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fracture_events" ADD CONSTRAINT "fracture_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fracture_events" ADD CONSTRAINT "fracture_events_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_org_time_idx" ON "audit_events" USING btree ("organization_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_patient_idx" ON "audit_events" USING btree ("patient_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_user_idx" ON "audit_events" USING btree ("user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "episode_events_episode_idx" ON "episode_events" USING btree ("episode_id","occurred_at");--> statement-breakpoint
CREATE INDEX "episodes_org_state_idx" ON "episodes" USING btree ("organization_id","state");--> statement-breakpoint
CREATE INDEX "episodes_patient_idx" ON "episodes" USING btree ("patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fracture_events_identity_key" ON "fracture_events" USING btree ("patient_id","fracture_date","identity_key");--> statement-breakpoint
CREATE INDEX "fracture_events_org_date_idx" ON "fracture_events" USING btree ("organization_id","fracture_date");--> statement-breakpoint
CREATE UNIQUE INDEX "patients_org_bsn_key" ON "patients" USING btree ("organization_id","bsn") WHERE "patients"."bsn" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "patients_org_source_key" ON "patients" USING btree ("organization_id","source_system","source_id") WHERE "patients"."source_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "patients_portal_code_key" ON "patients" USING btree ("portal_code");--> statement-breakpoint
CREATE INDEX "patients_name_trgm_idx" ON "patients" USING gin ((lower("family_name" || ' ' || "given_names")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "patients_org_birth_date_idx" ON "patients" USING btree ("organization_id","birth_date");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "tasks_worklist_idx" ON "tasks" USING btree ("organization_id","status","kind","due_date");--> statement-breakpoint
CREATE INDEX "tasks_episode_idx" ON "tasks" USING btree ("episode_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_key" ON "users" USING btree (lower("username"));--> statement-breakpoint
CREATE INDEX "users_organization_idx" ON "users" USING btree ("organization_id");