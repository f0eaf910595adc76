DROP TABLE "security"."access_log" CASCADE;--> statement-breakpoint
DROP TABLE "security"."access_log_head" CASCADE;