ALTER TYPE "security"."screening_kind" ADD VALUE 'DEPENDANT';--> statement-breakpoint
ALTER TABLE "security"."screenings" ADD COLUMN "dependant_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "screenings_dependant_key" ON "security"."screenings" USING btree ("dependant_id") WHERE "security"."screenings"."dependant_id" is not null;--> statement-breakpoint
ALTER TABLE "security"."screenings" ADD CONSTRAINT "screenings_dependant_check" CHECK (("security"."screenings"."kind"::text = 'DEPENDANT') = ("security"."screenings"."dependant_id" is not null));