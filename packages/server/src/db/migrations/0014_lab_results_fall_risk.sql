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
ALTER TABLE "fall_risk_assessments" ADD CONSTRAINT "fall_risk_assessments_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fall_risk_assessments" ADD CONSTRAINT "fall_risk_assessments_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fall_risk_assessments" ADD CONSTRAINT "fall_risk_assessments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_results" ADD CONSTRAINT "lab_results_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_results" ADD CONSTRAINT "lab_results_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_results" ADD CONSTRAINT "lab_results_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fall_risk_assessments_episode_version_key" ON "fall_risk_assessments" USING btree ("episode_id","version");--> statement-breakpoint
CREATE INDEX "lab_results_episode_idx" ON "lab_results" USING btree ("episode_id","sampled_on");