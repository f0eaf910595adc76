CREATE TABLE "labor"."announced_rules" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"producer" text NOT NULL,
	"event_id" uuid,
	"announced_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- One source for each rule (issue 15): the activity list is migration's, announced by its
-- RulesChanged event. Labor's own copy leaves its rule table; until migration's first
-- announcement arrives, labor applies the list both agencies started with (the decree's).
INSERT INTO "labor"."announced_rules" ("key", "value", "producer", "event_id", "announced_at")
  SELECT 'eligible_activities', "value", 'migration', NULL, '2025-05-15T00:00:00+06:00' FROM "labor"."rule_values" WHERE "key" = 'activities';
--> statement-breakpoint
DELETE FROM "labor"."rule_values" WHERE "key" = 'activities';
