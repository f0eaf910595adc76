DROP TABLE "tax"."access_log" CASCADE;--> statement-breakpoint
DROP TABLE "tax"."access_log_head" CASCADE;