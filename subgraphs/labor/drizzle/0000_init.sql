CREATE SCHEMA "labor";
--> statement-breakpoint
CREATE TYPE "labor"."case_action_kind" AS ENUM('OPENED', 'REOPENED', 'PERIOD_EXTENDED', 'RISK_CHANGED', 'REPORT_FILED', 'EVALUATION_REQUESTED', 'EVALUATION_ASSIGNED', 'EVALUATION_CONCLUDED', 'CLOSED');--> statement-breakpoint
CREATE TYPE "labor"."case_close_reason" AS ENUM('STATUS_REVOKED', 'STATUS_EXPIRED');--> statement-breakpoint
CREATE TYPE "labor"."case_state" AS ENUM('OPEN', 'CLOSED');--> statement-breakpoint
CREATE TYPE "labor"."conflict_kind" AS ENUM('NOMAD', 'EMPLOYER', 'COUNTRY');--> statement-breakpoint
CREATE TYPE "labor"."evaluation_origin" AS ENUM('APPLICATION', 'MONITORING');--> statement-breakpoint
CREATE TYPE "labor"."evaluation_state" AS ENUM('UNASSIGNED', 'ASSIGNED', 'CONCLUDED');--> statement-breakpoint
CREATE TYPE "labor"."evaluation_verdict" AS ENUM('COMPLIANT', 'NON_COMPLIANT', 'INSUFFICIENT_EVIDENCE');--> statement-breakpoint
CREATE TYPE "labor"."expert_kind" AS ENUM('PERSON', 'ORGANISATION');--> statement-breakpoint
CREATE TYPE "labor"."expert_state" AS ENUM('ENGAGED', 'ENDED');--> statement-breakpoint
CREATE TYPE "labor"."risk_level" AS ENUM('LOW', 'MEDIUM', 'HIGH');--> statement-breakpoint
CREATE TABLE "labor"."access_log" (
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
CREATE TABLE "labor"."access_log_head" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"hash" char(64) DEFAULT repeat('0', 64) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "labor"."activity_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nomad_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"due_on" date NOT NULL,
	"activity_code" text NOT NULL,
	"clients" jsonb NOT NULL,
	"income_minor" bigint NOT NULL,
	"income_currency" char(3) NOT NULL,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	CONSTRAINT "activity_reports_nomad_period_key" UNIQUE("nomad_id","period_start"),
	CONSTRAINT "activity_reports_income_nonnegative" CHECK ("labor"."activity_reports"."income_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "labor"."case_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "labor"."case_action_kind" NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"note" text,
	"evaluation_id" uuid
);
--> statement-breakpoint
CREATE TABLE "labor"."evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nomad_id" uuid NOT NULL,
	"application_id" uuid,
	"origin" "labor"."evaluation_origin" NOT NULL,
	"activity_code" text NOT NULL,
	"state" "labor"."evaluation_state" DEFAULT 'UNASSIGNED' NOT NULL,
	"expert_id" uuid,
	"requested_at" timestamp with time zone NOT NULL,
	"requested_by" text NOT NULL,
	"assigned_at" timestamp with time zone,
	"assigned_by" text,
	"verdict" "labor"."evaluation_verdict",
	"findings" text,
	"concluded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "evaluations_assigned_has_expert" CHECK ("labor"."evaluations"."state" = 'UNASSIGNED' or "labor"."evaluations"."expert_id" is not null),
	CONSTRAINT "evaluations_concluded_has_verdict" CHECK ("labor"."evaluations"."state" <> 'CONCLUDED' or "labor"."evaluations"."verdict" is not null)
);
--> statement-breakpoint
CREATE TABLE "labor"."expert_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expert_id" uuid NOT NULL,
	"kind" "labor"."conflict_kind" NOT NULL,
	"nomad_id" uuid,
	"employer_name" text,
	"country" char(3),
	"note" text,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"declared_by" text NOT NULL,
	CONSTRAINT "expert_conflicts_shape" CHECK (("labor"."expert_conflicts"."kind" = 'NOMAD' and "labor"."expert_conflicts"."nomad_id" is not null) or ("labor"."expert_conflicts"."kind" = 'EMPLOYER' and "labor"."expert_conflicts"."employer_name" is not null) or ("labor"."expert_conflicts"."kind" = 'COUNTRY' and "labor"."expert_conflicts"."country" is not null))
);
--> statement-breakpoint
CREATE TABLE "labor"."experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "labor"."expert_kind" NOT NULL,
	"name" text NOT NULL,
	"principal_sub" text NOT NULL,
	"fields" text[] NOT NULL,
	"engaged_from" date NOT NULL,
	"engaged_until" date,
	"state" "labor"."expert_state" DEFAULT 'ENGAGED' NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"engaged_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "experts_period" CHECK ("labor"."experts"."engaged_until" is null or "labor"."experts"."engaged_until" >= "labor"."experts"."engaged_from"),
	CONSTRAINT "experts_fields_nonempty" CHECK (cardinality("labor"."experts"."fields") > 0)
);
--> statement-breakpoint
CREATE TABLE "labor"."idempotency_keys" (
	"principal_sub" text NOT NULL,
	"key" text NOT NULL,
	"operation" text NOT NULL,
	"request_hash" char(64) NOT NULL,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY("principal_sub","key")
);
--> statement-breakpoint
CREATE TABLE "labor"."inbox" (
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
	CONSTRAINT "inbox_state_check" CHECK ("labor"."inbox"."state" in ('PROCESSED', 'FAILED', 'POISON'))
);
--> statement-breakpoint
CREATE TABLE "labor"."monitoring_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nomad_id" uuid NOT NULL,
	"state" "labor"."case_state" DEFAULT 'OPEN' NOT NULL,
	"risk_level" "labor"."risk_level" DEFAULT 'LOW' NOT NULL,
	"opened_on" date NOT NULL,
	"status_valid_until" date NOT NULL,
	"closed_on" date,
	"close_reason" "labor"."case_close_reason",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "monitoring_cases_nomad_key" UNIQUE("nomad_id")
);
--> statement-breakpoint
CREATE TABLE "labor"."outbox" (
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
CREATE TABLE "labor"."outbox_deliveries" (
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
	CONSTRAINT "outbox_deliveries_state_check" CHECK ("labor"."outbox_deliveries"."state" in ('PENDING', 'FAILED', 'DELIVERED', 'DEAD'))
);
--> statement-breakpoint
CREATE TABLE "labor"."rule_values" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"description" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "labor"."activity_reports" ADD CONSTRAINT "activity_reports_case_id_monitoring_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "labor"."monitoring_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labor"."case_actions" ADD CONSTRAINT "case_actions_case_id_monitoring_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "labor"."monitoring_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labor"."evaluations" ADD CONSTRAINT "evaluations_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "labor"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labor"."expert_conflicts" ADD CONSTRAINT "expert_conflicts_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "labor"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labor"."outbox_deliveries" ADD CONSTRAINT "outbox_deliveries_event_id_outbox_id_fk" FOREIGN KEY ("event_id") REFERENCES "labor"."outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_log_subject_idx" ON "labor"."access_log" USING btree ("subject_id","seq");--> statement-breakpoint
CREATE INDEX "activity_reports_nomad_idx" ON "labor"."activity_reports" USING btree ("nomad_id","period_start","id");--> statement-breakpoint
CREATE INDEX "activity_reports_period_idx" ON "labor"."activity_reports" USING btree ("period_start","id");--> statement-breakpoint
CREATE INDEX "case_actions_case_idx" ON "labor"."case_actions" USING btree ("case_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_application_key" ON "labor"."evaluations" USING btree ("application_id") WHERE "labor"."evaluations"."application_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_one_open_monitoring" ON "labor"."evaluations" USING btree ("nomad_id") WHERE "labor"."evaluations"."origin" = 'MONITORING' and "labor"."evaluations"."state" <> 'CONCLUDED';--> statement-breakpoint
CREATE INDEX "evaluations_nomad_idx" ON "labor"."evaluations" USING btree ("nomad_id","requested_at");--> statement-breakpoint
CREATE INDEX "evaluations_expert_idx" ON "labor"."evaluations" USING btree ("expert_id","state");--> statement-breakpoint
CREATE INDEX "evaluations_requested_idx" ON "labor"."evaluations" USING btree ("requested_at","id");--> statement-breakpoint
CREATE INDEX "expert_conflicts_expert_idx" ON "labor"."expert_conflicts" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "expert_conflicts_nomad_idx" ON "labor"."expert_conflicts" USING btree ("nomad_id");--> statement-breakpoint
CREATE INDEX "experts_created_idx" ON "labor"."experts" USING btree ("created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "experts_one_engaged_per_sub" ON "labor"."experts" USING btree ("principal_sub") WHERE "labor"."experts"."state" = 'ENGAGED';--> statement-breakpoint
CREATE INDEX "inbox_failures_idx" ON "labor"."inbox" USING btree ("first_received_at","event_id") WHERE "labor"."inbox"."state" <> 'PROCESSED';--> statement-breakpoint
CREATE INDEX "monitoring_cases_created_idx" ON "labor"."monitoring_cases" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "monitoring_cases_state_idx" ON "labor"."monitoring_cases" USING btree ("state","risk_level");--> statement-breakpoint
CREATE INDEX "outbox_aggregate_idx" ON "labor"."outbox" USING btree ("aggregate_id","seq");--> statement-breakpoint
CREATE INDEX "outbox_deliveries_due_idx" ON "labor"."outbox_deliveries" USING btree ("next_attempt_at","seq") WHERE "labor"."outbox_deliveries"."state" in ('PENDING', 'FAILED');--> statement-breakpoint
CREATE INDEX "outbox_deliveries_open_idx" ON "labor"."outbox_deliveries" USING btree ("subscriber","aggregate_id","seq") WHERE "labor"."outbox_deliveries"."state" <> 'DELIVERED';--> statement-breakpoint
CREATE INDEX "outbox_deliveries_state_idx" ON "labor"."outbox_deliveries" USING btree ("state","seq","id");