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
ALTER TABLE "episode_documents" ADD CONSTRAINT "episode_documents_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_documents" ADD CONSTRAINT "episode_documents_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_documents" ADD CONSTRAINT "episode_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "episode_documents_episode_idx" ON "episode_documents" USING btree ("organization_id","episode_id","created_at");