DROP TABLE "labor"."access_log" CASCADE;--> statement-breakpoint
DROP TABLE "labor"."access_log_head" CASCADE;