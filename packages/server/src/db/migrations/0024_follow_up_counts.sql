CREATE TABLE "follow_up_counts" (
	"organization_id" uuid NOT NULL,
	"assignee_role" text NOT NULL,
	"due_key" date NOT NULL,
	"entry_kind" text NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "follow_up_counts_key_idx" ON "follow_up_counts" USING btree ("organization_id","assignee_role","due_key","entry_kind");