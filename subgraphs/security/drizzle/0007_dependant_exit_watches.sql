ALTER TABLE "security"."exit_watches" ADD COLUMN "dependant_id" uuid;--> statement-breakpoint
CREATE INDEX "exit_watches_dependant_idx" ON "security"."exit_watches" USING btree ("dependant_id") WHERE "security"."exit_watches"."dependant_id" is not null;--> statement-breakpoint
-- Watches opened before 0007 stored the family member's id as nomad_id: where GKNB screened the
-- family member (an adult), the screening names the principal, so the watch is repaired.
UPDATE "security"."exit_watches" AS w SET "dependant_id" = w."nomad_id", "nomad_id" = s."nomad_id" FROM "security"."screenings" AS s WHERE s."dependant_id" = w."nomad_id";
