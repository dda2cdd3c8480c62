CREATE TABLE "reminder_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"task_id" uuid,
	"patient_id" uuid,
	"channel" text NOT NULL,
	"reminder_kind" text NOT NULL,
	"recipient" text NOT NULL,
	"language" text DEFAULT 'nl' NOT NULL,
	"occasion_on" date NOT NULL,
	"content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now(),
	"lease_until" timestamp with time zone,
	"last_error" text DEFAULT '' NOT NULL,
	"message_id" text NOT NULL,
	"provider_message_id" text DEFAULT '' NOT NULL,
	"sent_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_deliveries_status" CHECK ("reminder_deliveries"."status" IN ('queued', 'sending', 'sent', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "overdue_since" date;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_deliveries_task_key" ON "reminder_deliveries" USING btree ("task_id","channel","reminder_kind") WHERE "reminder_deliveries"."task_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_deliveries_digest_key" ON "reminder_deliveries" USING btree ("organization_id","channel","reminder_kind","occasion_on") WHERE "reminder_deliveries"."task_id" IS NULL;--> statement-breakpoint
CREATE INDEX "reminder_deliveries_due_idx" ON "reminder_deliveries" USING btree ("organization_id","status","next_attempt_at") WHERE "reminder_deliveries"."status" <> 'sent';--> statement-breakpoint
CREATE INDEX "reminder_deliveries_list_idx" ON "reminder_deliveries" USING btree ("organization_id","status","id");