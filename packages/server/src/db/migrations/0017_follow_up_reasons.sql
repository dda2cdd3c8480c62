ALTER TYPE "public"."episode_reason_code" ADD VALUE 'treatment_started';--> statement-breakpoint
ALTER TYPE "public"."episode_reason_code" ADD VALUE 'follow_up_closed';