CREATE TABLE "security"."announced_rules" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"producer" text NOT NULL,
	"event_id" uuid,
	"announced_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- One source for each rule (issue 15): the exit days after a revocation are migration's, announced
-- by its RulesChanged event. Until migration's first announcement arrives, GKNB applies the
-- decree's 15 days ([C]), the value both agencies started with.
INSERT INTO "security"."announced_rules" ("key", "value", "producer", "event_id", "announced_at")
  VALUES ('exit_days_after_revocation', '15', 'migration', NULL, '2025-05-15T00:00:00+06:00');
