ALTER TABLE "imports" ADD COLUMN "patients_updated" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "demographics_as_of" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- Details already stored were true when they were stored.
UPDATE "patients" SET "demographics_as_of" = "created_at";
