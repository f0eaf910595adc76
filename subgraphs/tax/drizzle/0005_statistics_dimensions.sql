ALTER TABLE "tax"."campaign_items" ADD COLUMN "failure_code" text;--> statement-breakpoint
ALTER TABLE "tax"."registrations" ADD COLUMN "activity_code" text;--> statement-breakpoint
-- Items failed before the code had its own column: the code is the reason's text up to its colon.
UPDATE "tax"."campaign_items" SET "failure_code" = CASE WHEN split_part("failure_reason", ':', 1) IN ('REGISTRATION_MISSING', 'NOT_PENDING', 'REGIME_CLOSED') THEN split_part("failure_reason", ':', 1) ELSE 'ERROR' END WHERE "state" = 'FAILED';--> statement-breakpoint
-- Registrations announced before grants named their activity: an activity an officer entered as a code of the decree's list (never free text).
UPDATE "tax"."registrations" SET "activity_code" = "activity" WHERE "activity" ~ '^[A-Z][A-Z0-9_]{0,63}$';--> statement-breakpoint
CREATE INDEX "registrations_activity_idx" ON "tax"."registrations" USING btree ("activity_code");--> statement-breakpoint
ALTER TABLE "tax"."campaign_items" ADD CONSTRAINT "campaign_items_failure_code" CHECK ("tax"."campaign_items"."failure_code" in ('REGISTRATION_MISSING', 'NOT_PENDING', 'REGIME_CLOSED', 'ERROR'));--> statement-breakpoint
ALTER TABLE "tax"."campaign_items" ADD CONSTRAINT "campaign_items_failed_has_code" CHECK (("tax"."campaign_items"."state" = 'FAILED') = ("tax"."campaign_items"."failure_code" is not null));