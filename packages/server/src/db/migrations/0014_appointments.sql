CREATE TYPE "public"."appointment_status" AS ENUM('planned', 'attended', 'no_show', 'cancelled');--> statement-breakpoint
ALTER TYPE "public"."episode_reason_code" ADD VALUE 'appointment_planned';--> statement-breakpoint
ALTER TYPE "public"."episode_reason_code" ADD VALUE 'reopened';--> statement-breakpoint
ALTER TYPE "public"."episode_reason_code" ADD VALUE 'not_reached';--> statement-breakpoint
ALTER TYPE "public"."episode_reason_code" ADD VALUE 'wrong_number';--> statement-breakpoint
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
ALTER TABLE "episodes" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_episode_idx" ON "appointments" USING btree ("episode_id","date");