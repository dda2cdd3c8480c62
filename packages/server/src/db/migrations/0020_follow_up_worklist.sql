ALTER TABLE "worklist_items" ADD COLUMN "assignee_role" text;--> statement-breakpoint
ALTER TABLE "worklist_items" ADD COLUMN "list_key" text;--> statement-breakpoint
ALTER TABLE "worklist_items" ADD COLUMN "assessed_on" date;--> statement-breakpoint
ALTER TABLE "worklist_items" ADD COLUMN "dxa_on" date;--> statement-breakpoint
ALTER TABLE "worklist_items" ADD COLUMN "first_contact_on" date;--> statement-breakpoint
ALTER TABLE "worklist_items" ADD COLUMN "persistence_on" date;--> statement-breakpoint
ALTER TABLE "worklist_items" ADD COLUMN "treated_until" date;--> statement-breakpoint
ALTER TABLE "worklist_items" ADD COLUMN "decision_outcome" text;--> statement-breakpoint
ALTER TABLE "worklist_items" ADD COLUMN "clock_due" date DEFAULT '9999-12-31' NOT NULL;--> statement-breakpoint
ALTER TABLE "worklist_items" ADD COLUMN "clock_kind" text;--> statement-breakpoint
CREATE INDEX "worklist_items_follow_up_due_idx" ON "worklist_items" USING btree ("organization_id","due_key","clock_due","item_id") WHERE "worklist_items"."list_key" = 'follow_up';--> statement-breakpoint
CREATE INDEX "worklist_items_follow_up_role_due_idx" ON "worklist_items" USING btree ("organization_id","assignee_role","due_key","clock_due","item_id") WHERE "worklist_items"."list_key" = 'follow_up';--> statement-breakpoint
CREATE INDEX "worklist_items_follow_up_clock_idx" ON "worklist_items" USING btree ("organization_id","clock_due","due_key","item_id") WHERE "worklist_items"."list_key" = 'follow_up';--> statement-breakpoint
CREATE INDEX "worklist_items_follow_up_role_clock_idx" ON "worklist_items" USING btree ("organization_id","assignee_role","clock_due","due_key","item_id") WHERE "worklist_items"."list_key" = 'follow_up';