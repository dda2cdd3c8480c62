CREATE TYPE "public"."appointment_status" AS ENUM('planned', 'attended', 'no_show', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."intake_response_status" AS ENUM('in_progress', 'completed');--> statement-breakpoint
ALTER TYPE "public"."episode_reason_code" ADD VALUE 'intake_recorded';--> statement-breakpoint
ALTER TYPE "public"."episode_reason_code" ADD VALUE 'investigations_recorded';--> statement-breakpoint
ALTER TYPE "public"."episode_reason_code" ADD VALUE 'decision_recorded';--> statement-breakpoint
ALTER TYPE "public"."episode_reason_code" ADD VALUE 'treatment_planned';--> statement-breakpoint
ALTER TYPE "public"."episode_reason_code" ADD VALUE 'no_treatment_decided';--> statement-breakpoint
ALTER TYPE "public"."episode_reason_code" ADD VALUE 'referred';--> statement-breakpoint
ALTER TYPE "public"."episode_reason_code" ADD VALUE 'appointment_planned';--> statement-breakpoint
ALTER TYPE "public"."episode_reason_code" ADD VALUE 'reopened';--> statement-breakpoint
ALTER TYPE "public"."episode_reason_code" ADD VALUE 'not_reached';--> statement-breakpoint
ALTER TYPE "public"."episode_reason_code" ADD VALUE 'wrong_number';--> statement-breakpoint
ALTER TYPE "public"."episode_reason_code" ADD VALUE 'fracture_included';--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"date" date NOT NULL,
	"time" text NOT NULL,
	"kinds" text[] NOT NULL,
	"status" "appointment_status" DEFAULT 'planned' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_kinds_not_empty" CHECK (cardinality("appointments"."kinds") > 0)
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"supersedes_id" uuid,
	"fingerprint" text NOT NULL,
	"assessed_on" date NOT NULL,
	"engine_version" text NOT NULL,
	"config_version" text NOT NULL,
	"config_fingerprint" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"outputs" jsonb NOT NULL,
	"items" jsonb NOT NULL,
	"plan" jsonb NOT NULL,
	"outcome" "episode_state" NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_by_name" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decisions_sequence_positive" CHECK ("decisions"."sequence" >= 1)
);
--> statement-breakpoint
CREATE TABLE "dxa_exams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"exam_date" date NOT NULL,
	"device" text DEFAULT '' NOT NULL,
	"sites" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "episode_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"locale" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"input" jsonb NOT NULL,
	"decision_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "episode_documents_kind" CHECK ("episode_documents"."kind" IN ('result_letter', 'gp_letter')),
	CONSTRAINT "episode_documents_locale" CHECK ("episode_documents"."locale" IN ('nl', 'en')),
	CONSTRAINT "episode_documents_sha256" CHECK ("episode_documents"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "fall_risk_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"assessed_on" date NOT NULL,
	"falls_past_year" integer NOT NULL,
	"worried_about_falling" boolean NOT NULL,
	"difficulty_walking_or_balance" boolean NOT NULL,
	"fall_risk_increasing_medication" boolean,
	"version" integer NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fall_risk_assessments_falls_range" CHECK ("fall_risk_assessments"."falls_past_year" BETWEEN 0 AND 1000)
);
--> statement-breakpoint
CREATE TABLE "intake_response_revisions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "intake_response_revisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organization_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"questionnaire_version" text NOT NULL,
	"version" integer NOT NULL,
	"status" "intake_response_status" NOT NULL,
	"answers" jsonb NOT NULL,
	"saved_by" uuid,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intake_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"questionnaire_version" text NOT NULL,
	"status" "intake_response_status" NOT NULL,
	"answers" jsonb NOT NULL,
	"version" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "lab_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"analyte" text NOT NULL,
	"value" double precision NOT NULL,
	"unit" text NOT NULL,
	"range_low" double precision,
	"range_high" double precision,
	"sampled_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lab_results_value_not_negative" CHECK ("lab_results"."value" >= 0),
	CONSTRAINT "lab_results_range_order" CHECK ("lab_results"."range_low" IS NULL OR "lab_results"."range_high" IS NULL OR "lab_results"."range_low" <= "lab_results"."range_high")
);
--> statement-breakpoint
CREATE TABLE "vfa_exams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"exam_date" date NOT NULL,
	"assessable" boolean NOT NULL,
	"vertebrae" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "episodes" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_supersedes_id_decisions_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dxa_exams" ADD CONSTRAINT "dxa_exams_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dxa_exams" ADD CONSTRAINT "dxa_exams_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dxa_exams" ADD CONSTRAINT "dxa_exams_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_documents" ADD CONSTRAINT "episode_documents_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_documents" ADD CONSTRAINT "episode_documents_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_documents" ADD CONSTRAINT "episode_documents_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_documents" ADD CONSTRAINT "episode_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fall_risk_assessments" ADD CONSTRAINT "fall_risk_assessments_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fall_risk_assessments" ADD CONSTRAINT "fall_risk_assessments_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fall_risk_assessments" ADD CONSTRAINT "fall_risk_assessments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_response_revisions" ADD CONSTRAINT "intake_response_revisions_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_response_revisions" ADD CONSTRAINT "intake_response_revisions_saved_by_users_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_responses" ADD CONSTRAINT "intake_responses_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_responses" ADD CONSTRAINT "intake_responses_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_responses" ADD CONSTRAINT "intake_responses_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_results" ADD CONSTRAINT "lab_results_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_results" ADD CONSTRAINT "lab_results_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_results" ADD CONSTRAINT "lab_results_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vfa_exams" ADD CONSTRAINT "vfa_exams_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vfa_exams" ADD CONSTRAINT "vfa_exams_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vfa_exams" ADD CONSTRAINT "vfa_exams_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_episode_idx" ON "appointments" USING btree ("episode_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_episode_sequence_key" ON "decisions" USING btree ("episode_id","sequence");--> statement-breakpoint
CREATE INDEX "dxa_exams_episode_idx" ON "dxa_exams" USING btree ("episode_id","exam_date");--> statement-breakpoint
CREATE INDEX "episode_documents_episode_idx" ON "episode_documents" USING btree ("organization_id","episode_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "fall_risk_assessments_episode_version_key" ON "fall_risk_assessments" USING btree ("episode_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "intake_response_revisions_episode_version_key" ON "intake_response_revisions" USING btree ("episode_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "intake_responses_episode_key" ON "intake_responses" USING btree ("episode_id");--> statement-breakpoint
CREATE INDEX "lab_results_episode_idx" ON "lab_results" USING btree ("episode_id","sampled_on");--> statement-breakpoint
CREATE INDEX "vfa_exams_episode_idx" ON "vfa_exams" USING btree ("episode_id","exam_date");