ALTER TABLE "migration"."dependants" ADD COLUMN "screening_outcome" "migration"."screening_outcome";--> statement-breakpoint
ALTER TABLE "migration"."dependants" ADD COLUMN "screening_id" uuid;--> statement-breakpoint
ALTER TABLE "migration"."dependants" ADD COLUMN "screening_concluded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "migration"."dependants" ADD CONSTRAINT "dependants_screening" CHECK (("migration"."dependants"."screening_id" is null) = ("migration"."dependants"."screening_concluded_at" is null) and ("migration"."dependants"."screening_concluded_at" is null) = ("migration"."dependants"."screening_outcome" is null or "migration"."dependants"."screening_outcome" = 'PENDING'));--> statement-breakpoint
-- Adults added before this migration (18 or older on the day added, Bishkek time, as DependantAdded's `adult`) await GKNB's outcome: PENDING; children stay null (not screened).
UPDATE "migration"."dependants" SET "screening_outcome" = 'PENDING' WHERE "date_of_birth" <= (("added_at" AT TIME ZONE 'Asia/Bishkek')::date - interval '18 years')::date;
