CREATE SCHEMA "tax";
--> statement-breakpoint
CREATE TYPE "tax"."campaign_item_state" AS ENUM('PENDING', 'DONE', 'FAILED');--> statement-breakpoint
CREATE TYPE "tax"."campaign_state" AS ENUM('RUNNING', 'COMPLETED');--> statement-breakpoint
CREATE TYPE "tax"."register_entry_kind" AS ENUM('REGISTERED', 'REREGISTERED', 'DEREGISTERED');--> statement-breakpoint
CREATE TYPE "tax"."registration_state" AS ENUM('PENDING_REREGISTRATION', 'REREGISTERED', 'DEREGISTRATION_PENDING', 'DEREGISTERED');--> statement-breakpoint
CREATE TABLE "tax"."access_log" (
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
CREATE TABLE "tax"."access_log_head" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"hash" char(64) DEFAULT repeat('0', 64) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tax"."campaign_items" (
	"campaign_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"state" "tax"."campaign_item_state" DEFAULT 'PENDING' NOT NULL,
	"failure_reason" text,
	"processed_at" timestamp with time zone,
	CONSTRAINT "campaign_items_pkey" PRIMARY KEY("campaign_id","registration_id")
);
--> statement-breakpoint
CREATE TABLE "tax"."campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state" "tax"."campaign_state" DEFAULT 'RUNNING' NOT NULL,
	"batch_size" integer NOT NULL,
	"total" integer NOT NULL,
	"started_by" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "campaigns_batch_size" CHECK ("tax"."campaigns"."batch_size" between 1 and 1000)
);
--> statement-breakpoint
CREATE TABLE "tax"."declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"period" char(7) NOT NULL,
	"income_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"regime_code" text NOT NULL,
	"rate_basis_points" integer NOT NULL,
	"tax_due_minor" bigint NOT NULL,
	"due_on" date NOT NULL,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"filed_by" text NOT NULL,
	CONSTRAINT "declarations_registration_period_key" UNIQUE("registration_id","period"),
	CONSTRAINT "declarations_period_format" CHECK ("tax"."declarations"."period" ~ '^[0-9]{4}-Q[1-4]$'),
	CONSTRAINT "declarations_income_nonnegative" CHECK ("tax"."declarations"."income_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "tax"."idempotency_keys" (
	"principal_sub" text NOT NULL,
	"key" text NOT NULL,
	"operation" text NOT NULL,
	"request_hash" char(64) NOT NULL,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY("principal_sub","key")
);
--> statement-breakpoint
CREATE TABLE "tax"."inbox" (
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
	CONSTRAINT "inbox_state_check" CHECK ("tax"."inbox"."state" in ('PROCESSED', 'FAILED', 'POISON'))
);
--> statement-breakpoint
CREATE TABLE "tax"."outbox" (
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
CREATE TABLE "tax"."outbox_deliveries" (
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
	CONSTRAINT "outbox_deliveries_state_check" CHECK ("tax"."outbox_deliveries"."state" in ('PENDING', 'FAILED', 'DELIVERED', 'DEAD'))
);
--> statement-breakpoint
CREATE TABLE "tax"."payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"declaration_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"paid_on" date NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" text NOT NULL,
	CONSTRAINT "payments_amount_positive" CHECK ("tax"."payments"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "tax"."regimes" (
	"code" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"rate_basis_points" integer NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "regimes_rate_range" CHECK ("tax"."regimes"."rate_basis_points" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "tax"."register_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"kind" "tax"."register_entry_kind" NOT NULL,
	"effective_on" date NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"campaign_id" uuid
);
--> statement-breakpoint
CREATE TABLE "tax"."registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pin" char(14) NOT NULL,
	"nomad_id" uuid NOT NULL,
	"state" "tax"."registration_state" NOT NULL,
	"first_registration" boolean DEFAULT true NOT NULL,
	"registered_on" date,
	"last_reregistered_on" date,
	"deregistered_on" date,
	"regime_code" text NOT NULL,
	"activity" text,
	"status_valid_until" date,
	"pending_since" timestamp with time zone,
	"last_fact_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "registrations_pin_key" UNIQUE("pin"),
	CONSTRAINT "registrations_nomad_key" UNIQUE("nomad_id"),
	CONSTRAINT "registrations_pin_format" CHECK ("tax"."registrations"."pin" ~ '^[12][0-9]{13}$')
);
--> statement-breakpoint
ALTER TABLE "tax"."campaign_items" ADD CONSTRAINT "campaign_items_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "tax"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax"."campaign_items" ADD CONSTRAINT "campaign_items_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "tax"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax"."declarations" ADD CONSTRAINT "declarations_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "tax"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax"."declarations" ADD CONSTRAINT "declarations_regime_code_regimes_code_fk" FOREIGN KEY ("regime_code") REFERENCES "tax"."regimes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax"."outbox_deliveries" ADD CONSTRAINT "outbox_deliveries_event_id_outbox_id_fk" FOREIGN KEY ("event_id") REFERENCES "tax"."outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax"."payments" ADD CONSTRAINT "payments_declaration_id_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "tax"."declarations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax"."register_entries" ADD CONSTRAINT "register_entries_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "tax"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax"."register_entries" ADD CONSTRAINT "register_entries_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "tax"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax"."registrations" ADD CONSTRAINT "registrations_regime_code_regimes_code_fk" FOREIGN KEY ("regime_code") REFERENCES "tax"."regimes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_log_subject_idx" ON "tax"."access_log" USING btree ("subject_id","seq");--> statement-breakpoint
CREATE INDEX "campaign_items_state_idx" ON "tax"."campaign_items" USING btree ("campaign_id","state","registration_id");--> statement-breakpoint
CREATE INDEX "campaigns_started_idx" ON "tax"."campaigns" USING btree ("started_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_one_running" ON "tax"."campaigns" USING btree ("state") WHERE "tax"."campaigns"."state" = 'RUNNING';--> statement-breakpoint
CREATE INDEX "declarations_registration_idx" ON "tax"."declarations" USING btree ("registration_id","period","id");--> statement-breakpoint
CREATE INDEX "declarations_due_idx" ON "tax"."declarations" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "inbox_failures_idx" ON "tax"."inbox" USING btree ("first_received_at","event_id") WHERE "tax"."inbox"."state" <> 'PROCESSED';--> statement-breakpoint
CREATE INDEX "outbox_aggregate_idx" ON "tax"."outbox" USING btree ("aggregate_id","seq");--> statement-breakpoint
CREATE INDEX "outbox_deliveries_due_idx" ON "tax"."outbox_deliveries" USING btree ("next_attempt_at","seq") WHERE "tax"."outbox_deliveries"."state" in ('PENDING', 'FAILED');--> statement-breakpoint
CREATE INDEX "outbox_deliveries_open_idx" ON "tax"."outbox_deliveries" USING btree ("subscriber","aggregate_id","seq") WHERE "tax"."outbox_deliveries"."state" <> 'DELIVERED';--> statement-breakpoint
CREATE INDEX "outbox_deliveries_state_idx" ON "tax"."outbox_deliveries" USING btree ("state","seq","id");--> statement-breakpoint
CREATE INDEX "payments_declaration_idx" ON "tax"."payments" USING btree ("declaration_id","paid_on");--> statement-breakpoint
CREATE UNIQUE INDEX "regimes_one_default" ON "tax"."regimes" USING btree ("is_default") WHERE "tax"."regimes"."is_default";--> statement-breakpoint
CREATE INDEX "register_entries_registration_idx" ON "tax"."register_entries" USING btree ("registration_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "register_entries_once_per_campaign" ON "tax"."register_entries" USING btree ("campaign_id","registration_id") WHERE "tax"."register_entries"."campaign_id" is not null;--> statement-breakpoint
CREATE INDEX "registrations_state_idx" ON "tax"."registrations" USING btree ("state","id");--> statement-breakpoint
CREATE INDEX "registrations_created_idx" ON "tax"."registrations" USING btree ("created_at","id");