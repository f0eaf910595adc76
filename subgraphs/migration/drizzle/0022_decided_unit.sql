-- Issue 16: the deciding officer's unit (token claim `unit`) on each decision, for the
-- analysts' DECIDING_UNIT dimension and `decidingUnits` filter; null for earlier decisions.
-- A national program holds hundreds of thousands of applications: the index may take longer than the pool's statement timeout.
SET LOCAL statement_timeout = 0;--> statement-breakpoint
ALTER TABLE "migration"."applications" ADD COLUMN "decided_unit" text;--> statement-breakpoint
ALTER TABLE "migration"."dependants" ADD COLUMN "decided_unit" text;--> statement-breakpoint
CREATE INDEX "applications_decided_unit_idx" ON "migration"."applications" USING btree ("decided_unit","submitted_at");