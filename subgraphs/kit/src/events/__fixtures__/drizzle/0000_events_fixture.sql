CREATE SCHEMA "events_fixture";
--> statement-breakpoint
CREATE TABLE "events_fixture"."effects" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"aggregate_id" text NOT NULL,
	"marker" text NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events_fixture"."inbox" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"event_type" text NOT NULL,
	"producer" text NOT NULL,
	"aggregate_id" text NOT NULL,
	"state" text NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"last_error" text,
	"first_received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	CONSTRAINT "inbox_state_check" CHECK ("events_fixture"."inbox"."state" in ('PROCESSED', 'FAILED', 'POISON'))
);
--> statement-breakpoint
CREATE TABLE "events_fixture"."outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"type" text NOT NULL,
	"aggregate_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"producer" text NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_seq_key" UNIQUE("seq")
);
--> statement-breakpoint
CREATE TABLE "events_fixture"."outbox_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"subscriber" text NOT NULL,
	"aggregate_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"state" text DEFAULT 'PENDING' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "outbox_deliveries_event_subscriber_key" UNIQUE("event_id","subscriber"),
	CONSTRAINT "outbox_deliveries_state_check" CHECK ("events_fixture"."outbox_deliveries"."state" in ('PENDING', 'FAILED', 'DELIVERED', 'DEAD'))
);
--> statement-breakpoint
CREATE TABLE "events_fixture"."refusals" (
	"marker" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "events_fixture"."outbox_deliveries" ADD CONSTRAINT "outbox_deliveries_event_id_outbox_id_fk" FOREIGN KEY ("event_id") REFERENCES "events_fixture"."outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbox_failures_idx" ON "events_fixture"."inbox" USING btree ("first_received_at","event_id") WHERE "events_fixture"."inbox"."state" <> 'PROCESSED';--> statement-breakpoint
CREATE INDEX "outbox_aggregate_idx" ON "events_fixture"."outbox" USING btree ("aggregate_id","seq");--> statement-breakpoint
CREATE INDEX "outbox_deliveries_due_idx" ON "events_fixture"."outbox_deliveries" USING btree ("next_attempt_at","seq") WHERE "events_fixture"."outbox_deliveries"."state" in ('PENDING', 'FAILED');--> statement-breakpoint
CREATE INDEX "outbox_deliveries_open_idx" ON "events_fixture"."outbox_deliveries" USING btree ("subscriber","aggregate_id","seq") WHERE "events_fixture"."outbox_deliveries"."state" <> 'DELIVERED';--> statement-breakpoint
CREATE INDEX "outbox_deliveries_state_idx" ON "events_fixture"."outbox_deliveries" USING btree ("state","seq","id");