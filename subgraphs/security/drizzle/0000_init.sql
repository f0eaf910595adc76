CREATE SCHEMA "security";
--> statement-breakpoint
CREATE TYPE "security"."classification" AS ENUM('RESTRICTED', 'CONFIDENTIAL', 'SECRET');--> statement-breakpoint
CREATE TYPE "security"."exit_cause" AS ENUM('REVOKED', 'EXPIRED');--> statement-breakpoint
CREATE TYPE "security"."measure_state" AS ENUM('PLANNED', 'IN_PROGRESS', 'DONE');--> statement-breakpoint
CREATE TYPE "security"."screening_kind" AS ENUM('APPLICATION', 'RESCREEN');--> statement-breakpoint
CREATE TYPE "security"."screening_outcome" AS ENUM('PENDING', 'CLEARED', 'FLAGGED');--> statement-breakpoint
CREATE TYPE "security"."screening_reason" AS ENUM('WATCHLIST_MATCH', 'EXTREMIST_AFFILIATION', 'INTELLIGENCE_REPORT', 'ENTRY_BAN', 'TERRORISM_CONVICTION', 'NATIONAL_SECURITY_OFFENCE_CONVICTION', 'CRIMES_AGAINST_HUMANITY_CONVICTION', 'FORGED_DOCUMENTS', 'IDENTITY_MISMATCH', 'OTHER');--> statement-breakpoint
CREATE TABLE "security"."access_log" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_id" text NOT NULL,
	"principal_sub" text NOT NULL,
	"principal_roles" text[] NOT NULL,
	"purpose" text,
	"operation" text NOT NULL,
	"subject_id" text NOT NULL,
	"fields" text[] NOT NULL,
	"prev_hash" char(64) NOT NULL,
	"hash" char(64) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "security"."access_log_head" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"hash" char(64) DEFAULT repeat('0', 64) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "security"."exit_watches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nomad_id" uuid NOT NULL,
	"pin" char(14) NOT NULL,
	"cause" "security"."exit_cause" NOT NULL,
	"ground" text,
	"ended_on" date NOT NULL,
	"exit_deadline_on" date NOT NULL,
	"departure_confirmed_on" date,
	"confirmed_by" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "security"."idempotency_keys" (
	"principal_sub" text NOT NULL,
	"key" text NOT NULL,
	"operation" text NOT NULL,
	"request_hash" char(64) NOT NULL,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY("principal_sub","key")
);
--> statement-breakpoint
CREATE TABLE "security"."inbox" (
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
	CONSTRAINT "inbox_state_check" CHECK ("security"."inbox"."state" in ('PROCESSED', 'FAILED', 'POISON'))
);
--> statement-breakpoint
CREATE TABLE "security"."measure_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"description" text NOT NULL,
	"reference" text NOT NULL,
	"added_by" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "security"."outbox" (
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
CREATE TABLE "security"."outbox_deliveries" (
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
	CONSTRAINT "outbox_deliveries_state_check" CHECK ("security"."outbox_deliveries"."state" in ('PENDING', 'FAILED', 'DELIVERED', 'DEAD'))
);
--> statement-breakpoint
CREATE TABLE "security"."rules" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"description" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "security"."screenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"kind" "security"."screening_kind" NOT NULL,
	"application_id" uuid,
	"application_number" char(8),
	"nomad_id" uuid NOT NULL,
	"citizenship" char(3),
	"outcome" "security"."screening_outcome" DEFAULT 'PENDING' NOT NULL,
	"reasons" "security"."screening_reason"[] DEFAULT '{}' NOT NULL,
	"reason_text" text,
	"classification" "security"."classification",
	"officer_sub" text,
	"request_note" text,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"concluded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "screenings_seq_key" UNIQUE("seq"),
	CONSTRAINT "screenings_application_check" CHECK (("security"."screenings"."kind" = 'APPLICATION') = ("security"."screenings"."application_id" is not null)),
	CONSTRAINT "screenings_concluded_check" CHECK (("security"."screenings"."outcome" = 'PENDING') = ("security"."screenings"."concluded_at" is null) and ("security"."screenings"."outcome" = 'PENDING' or "security"."screenings"."classification" is not null)),
	CONSTRAINT "screenings_flagged_reasons_check" CHECK ("security"."screenings"."outcome" <> 'FLAGGED' or cardinality("security"."screenings"."reasons") > 0)
);
--> statement-breakpoint
CREATE TABLE "security"."technical_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"responsible_unit" text NOT NULL,
	"due_on" date,
	"state" "security"."measure_state" DEFAULT 'PLANNED' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "security"."measure_evidence" ADD CONSTRAINT "measure_evidence_measure_id_technical_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "security"."technical_measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security"."outbox_deliveries" ADD CONSTRAINT "outbox_deliveries_event_id_outbox_id_fk" FOREIGN KEY ("event_id") REFERENCES "security"."outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_log_subject_idx" ON "security"."access_log" USING btree ("subject_id","seq");--> statement-breakpoint
CREATE INDEX "exit_watches_open_idx" ON "security"."exit_watches" USING btree ("exit_deadline_on","id") WHERE "security"."exit_watches"."departure_confirmed_on" is null;--> statement-breakpoint
CREATE INDEX "exit_watches_nomad_idx" ON "security"."exit_watches" USING btree ("nomad_id");--> statement-breakpoint
CREATE INDEX "inbox_failures_idx" ON "security"."inbox" USING btree ("first_received_at","event_id") WHERE "security"."inbox"."state" <> 'PROCESSED';--> statement-breakpoint
CREATE INDEX "measure_evidence_measure_idx" ON "security"."measure_evidence" USING btree ("measure_id","added_at");--> statement-breakpoint
CREATE INDEX "outbox_aggregate_idx" ON "security"."outbox" USING btree ("aggregate_id","seq");--> statement-breakpoint
CREATE INDEX "outbox_deliveries_due_idx" ON "security"."outbox_deliveries" USING btree ("next_attempt_at","seq") WHERE "security"."outbox_deliveries"."state" in ('PENDING', 'FAILED');--> statement-breakpoint
CREATE INDEX "outbox_deliveries_open_idx" ON "security"."outbox_deliveries" USING btree ("subscriber","aggregate_id","seq") WHERE "security"."outbox_deliveries"."state" <> 'DELIVERED';--> statement-breakpoint
CREATE INDEX "outbox_deliveries_state_idx" ON "security"."outbox_deliveries" USING btree ("state","seq","id");--> statement-breakpoint
CREATE UNIQUE INDEX "screenings_application_key" ON "security"."screenings" USING btree ("application_id") WHERE "security"."screenings"."application_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "screenings_one_open_rescreen" ON "security"."screenings" USING btree ("nomad_id") WHERE "security"."screenings"."kind" = 'RESCREEN' and "security"."screenings"."outcome" = 'PENDING';--> statement-breakpoint
CREATE INDEX "screenings_nomad_idx" ON "security"."screenings" USING btree ("nomad_id","seq");--> statement-breakpoint
CREATE INDEX "screenings_outcome_idx" ON "security"."screenings" USING btree ("outcome","opened_at","id");--> statement-breakpoint
CREATE INDEX "technical_measures_order_idx" ON "security"."technical_measures" USING btree ("created_at","id");