DROP TABLE "migration"."access_log" CASCADE;--> statement-breakpoint
DROP TABLE "migration"."access_log_head" CASCADE;