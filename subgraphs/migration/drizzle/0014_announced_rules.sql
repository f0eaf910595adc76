-- One durable record of what migration last announced (RulesChanged), so that pruning the outbox
-- does not make the announcer announce again. Empty at first: the first maintenance pass after this
-- migration announces once (the announcement now also carries exit_days_after_revocation).
CREATE TABLE "migration"."announced_rules" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"event_id" uuid NOT NULL,
	"announced_at" timestamp with time zone DEFAULT now() NOT NULL
);
