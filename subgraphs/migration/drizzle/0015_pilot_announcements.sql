CREATE TABLE "migration"."pilot_announcements" (
	"nomad_id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid,
	"announced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "migration"."pilot_announcements" ADD CONSTRAINT "pilot_announcements_nomad_id_nomads_id_fk" FOREIGN KEY ("nomad_id") REFERENCES "migration"."nomads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Pilot holders the import already announced (its StatusGranted, marked imported, still in the
-- outbox) are recorded as announced; a holder whose announcement was pruned from the outbox is
-- not known here and is announced again by the next run of the import (docs/operators.md).
INSERT INTO "migration"."pilot_announcements" ("nomad_id", "event_id", "announced_at")
  SELECT DISTINCT ON (o."aggregate_id"::uuid) o."aggregate_id"::uuid, o."id", o."occurred_at"
  FROM "migration"."outbox" o
  JOIN "migration"."nomads" n ON n."id"::text = o."aggregate_id"
  WHERE o."type" = 'StatusGranted' AND (o."payload"->>'imported') = 'true' AND n."source" = 'PILOT_2022_2024'
  ORDER BY o."aggregate_id"::uuid, o."seq";
