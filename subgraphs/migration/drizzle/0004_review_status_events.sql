CREATE TYPE "migration"."evaluation_verdict" AS ENUM('COMPLIANT', 'NON_COMPLIANT', 'INSUFFICIENT_EVIDENCE');--> statement-breakpoint
CREATE TYPE "migration"."refusal_ground" AS ENUM('FALSE_DOCUMENTS', 'ACTIVITY_NOT_ELIGIBLE', 'NATIONAL_SECURITY_THREAT', 'CRIMINAL_CONVICTION');--> statement-breakpoint
CREATE TYPE "migration"."revocation_ground" AS ENUM('RULES_BREACH', 'ACTIVITY_ENDED', 'NATIONAL_SECURITY_THREAT');--> statement-breakpoint
CREATE TYPE "migration"."screening_outcome" AS ENUM('PENDING', 'CLEARED', 'FLAGGED');--> statement-breakpoint
CREATE TYPE "migration"."status_event_kind" AS ENUM('GRANTED', 'EXTENDED', 'RENEWED', 'SUSPENDED', 'REINSTATED', 'REVOKED', 'EXPIRED');--> statement-breakpoint
CREATE TYPE "migration"."status_period_kind" AS ENUM('INITIAL_60_DAYS', 'EXTENSION_1_YEAR', 'RENEWAL', 'PILOT_2022_2024');--> statement-breakpoint
CREATE TABLE "migration"."idempotency_keys" (
	"principal_sub" text NOT NULL,
	"key" text NOT NULL,
	"operation" text NOT NULL,
	"request_hash" char(64) NOT NULL,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY("principal_sub","key")
);
--> statement-breakpoint
CREATE TABLE "migration"."inbox" (
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
	CONSTRAINT "inbox_state_check" CHECK ("migration"."inbox"."state" in ('PROCESSED', 'FAILED', 'POISON'))
);
--> statement-breakpoint
CREATE TABLE "migration"."outbox" (
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
CREATE TABLE "migration"."outbox_deliveries" (
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
	CONSTRAINT "outbox_deliveries_state_check" CHECK ("migration"."outbox_deliveries"."state" in ('PENDING', 'FAILED', 'DELIVERED', 'DEAD'))
);
--> statement-breakpoint
CREATE TABLE "migration"."status_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"nomad_id" uuid NOT NULL,
	"kind" "migration"."status_event_kind" NOT NULL,
	"effective_on" date NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"period_id" uuid,
	"revocation_ground" "migration"."revocation_ground",
	"reason" text,
	"exit_deadline_on" date
);
--> statement-breakpoint
CREATE TABLE "migration"."status_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nomad_id" uuid NOT NULL,
	"kind" "migration"."status_period_kind" NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"application_id" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"granted_by" text NOT NULL,
	"source" "migration"."record_source" DEFAULT 'PORTAL' NOT NULL,
	CONSTRAINT "status_periods_nomad_from_key" UNIQUE("nomad_id","valid_from"),
	CONSTRAINT "status_periods_range" CHECK ("migration"."status_periods"."valid_until" >= "migration"."status_periods"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "migration"."zhaak_serials" (
	"date_of_birth" date PRIMARY KEY NOT NULL,
	"last_serial" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "migration"."applications" ADD COLUMN "reviewer" text;--> statement-breakpoint
ALTER TABLE "migration"."applications" ADD COLUMN "corrections" jsonb;--> statement-breakpoint
ALTER TABLE "migration"."applications" ADD COLUMN "correction_deadline_on" date;--> statement-breakpoint
ALTER TABLE "migration"."applications" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "migration"."applications" ADD COLUMN "decided_by" text;--> statement-breakpoint
ALTER TABLE "migration"."applications" ADD COLUMN "refusal_ground" "migration"."refusal_ground";--> statement-breakpoint
ALTER TABLE "migration"."applications" ADD COLUMN "decision_note" text;--> statement-breakpoint
ALTER TABLE "migration"."applications" ADD COLUMN "screening_outcome" "migration"."screening_outcome" DEFAULT 'PENDING' NOT NULL;--> statement-breakpoint
ALTER TABLE "migration"."applications" ADD COLUMN "screening_id" uuid;--> statement-breakpoint
ALTER TABLE "migration"."applications" ADD COLUMN "screening_concluded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "migration"."applications" ADD COLUMN "evaluation_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "migration"."applications" ADD COLUMN "evaluation_id" uuid;--> statement-breakpoint
ALTER TABLE "migration"."applications" ADD COLUMN "evaluation_verdict" "migration"."evaluation_verdict";--> statement-breakpoint
ALTER TABLE "migration"."applications" ADD COLUMN "evaluation_concluded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "migration"."outbox_deliveries" ADD CONSTRAINT "outbox_deliveries_event_id_outbox_id_fk" FOREIGN KEY ("event_id") REFERENCES "migration"."outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migration"."status_events" ADD CONSTRAINT "status_events_nomad_id_nomads_id_fk" FOREIGN KEY ("nomad_id") REFERENCES "migration"."nomads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migration"."status_events" ADD CONSTRAINT "status_events_period_id_status_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "migration"."status_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migration"."status_periods" ADD CONSTRAINT "status_periods_nomad_id_nomads_id_fk" FOREIGN KEY ("nomad_id") REFERENCES "migration"."nomads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migration"."status_periods" ADD CONSTRAINT "status_periods_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "migration"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbox_failures_idx" ON "migration"."inbox" USING btree ("first_received_at","event_id") WHERE "migration"."inbox"."state" <> 'PROCESSED';--> statement-breakpoint
CREATE INDEX "outbox_aggregate_idx" ON "migration"."outbox" USING btree ("aggregate_id","seq");--> statement-breakpoint
CREATE INDEX "outbox_deliveries_due_idx" ON "migration"."outbox_deliveries" USING btree ("next_attempt_at","seq") WHERE "migration"."outbox_deliveries"."state" in ('PENDING', 'FAILED');--> statement-breakpoint
CREATE INDEX "outbox_deliveries_open_idx" ON "migration"."outbox_deliveries" USING btree ("subscriber","aggregate_id","seq") WHERE "migration"."outbox_deliveries"."state" <> 'DELIVERED';--> statement-breakpoint
CREATE INDEX "outbox_deliveries_state_idx" ON "migration"."outbox_deliveries" USING btree ("state","seq","id");--> statement-breakpoint
CREATE INDEX "status_events_nomad_idx" ON "migration"."status_events" USING btree ("nomad_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "status_events_one_expiry_per_period" ON "migration"."status_events" USING btree ("period_id") WHERE "migration"."status_events"."kind" = 'EXPIRED';--> statement-breakpoint
CREATE INDEX "status_periods_nomad_idx" ON "migration"."status_periods" USING btree ("nomad_id","valid_from");--> statement-breakpoint
CREATE INDEX "status_periods_until_idx" ON "migration"."status_periods" USING btree ("valid_until");