CREATE SCHEMA "migration";
--> statement-breakpoint
CREATE TYPE "migration"."application_state" AS ENUM('SUBMITTED', 'UNDER_REVIEW', 'RETURNED_FOR_CORRECTION', 'APPROVED', 'REFUSED', 'WITHDRAWN', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "migration"."document_kind" AS ENUM('PASSPORT', 'PHOTO', 'EMPLOYMENT_CONTRACT', 'FREELANCE_CONTRACT', 'BANK_STATEMENT', 'PROFESSIONAL_DOCUMENT', 'DN_VISA', 'TRANSLATION');--> statement-breakpoint
CREATE TYPE "migration"."foreign_party_kind" AS ENUM('EMPLOYER', 'CLIENT');--> statement-breakpoint
CREATE TYPE "migration"."record_source" AS ENUM('PORTAL', 'PILOT_2022_2024');--> statement-breakpoint
CREATE TYPE "migration"."sex" AS ENUM('MALE', 'FEMALE');--> statement-breakpoint
CREATE SEQUENCE "migration"."application_number_seq" INCREMENT BY 1 MINVALUE 10000001 MAXVALUE 99999999 START WITH 10000001 CACHE 1;--> statement-breakpoint
CREATE TABLE "migration"."application_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" "migration"."document_kind" NOT NULL,
	"file_name" text NOT NULL,
	"language" char(2) NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "migration"."applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" char(8) NOT NULL,
	"nomad_id" uuid NOT NULL,
	"state" "migration"."application_state" DEFAULT 'SUBMITTED' NOT NULL,
	"activity_code" text NOT NULL,
	"foreign_parties" jsonb NOT NULL,
	"declared_income_minor" bigint NOT NULL,
	"income_currency" char(3) NOT NULL,
	"declared_income_usd_minor" bigint NOT NULL,
	"requested_start_on" date NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"review_deadline_on" date NOT NULL,
	"state_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"source" "migration"."record_source" DEFAULT 'PORTAL' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "applications_number_key" UNIQUE("number"),
	CONSTRAINT "applications_number_format" CHECK ("migration"."applications"."number" ~ '^[0-9]{8}$'),
	CONSTRAINT "applications_income_positive" CHECK ("migration"."applications"."declared_income_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "migration"."nomads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"surname" text NOT NULL,
	"given_names" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"sex" "migration"."sex" NOT NULL,
	"citizenship" char(3) NOT NULL,
	"passport_country" char(3) NOT NULL,
	"passport_number" text NOT NULL,
	"passport_expires_on" date NOT NULL,
	"email" text NOT NULL,
	"pin" char(14),
	"source" "migration"."record_source" DEFAULT 'PORTAL' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "nomads_passport_key" UNIQUE("passport_country","passport_number"),
	CONSTRAINT "nomads_pin_format" CHECK ("migration"."nomads"."pin" is null or "migration"."nomads"."pin" ~ '^[12][0-9]{13}$')
);
--> statement-breakpoint
CREATE TABLE "migration"."public_holidays" (
	"day" date PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "migration"."rule_values" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"description" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "migration"."application_documents" ADD CONSTRAINT "application_documents_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "migration"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migration"."applications" ADD CONSTRAINT "applications_nomad_id_nomads_id_fk" FOREIGN KEY ("nomad_id") REFERENCES "migration"."nomads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_documents_application_idx" ON "migration"."application_documents" USING btree ("application_id","added_at");--> statement-breakpoint
CREATE INDEX "applications_nomad_idx" ON "migration"."applications" USING btree ("nomad_id","submitted_at","id");--> statement-breakpoint
CREATE INDEX "applications_submitted_idx" ON "migration"."applications" USING btree ("submitted_at","id");--> statement-breakpoint
CREATE INDEX "applications_state_idx" ON "migration"."applications" USING btree ("state","review_deadline_on");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_one_open_per_nomad" ON "migration"."applications" USING btree ("nomad_id") WHERE "migration"."applications"."state" in ('SUBMITTED', 'UNDER_REVIEW', 'RETURNED_FOR_CORRECTION');--> statement-breakpoint
CREATE UNIQUE INDEX "nomads_pin_key" ON "migration"."nomads" USING btree ("pin");--> statement-breakpoint
CREATE INDEX "nomads_created_idx" ON "migration"."nomads" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "nomads_citizenship_idx" ON "migration"."nomads" USING btree ("citizenship");