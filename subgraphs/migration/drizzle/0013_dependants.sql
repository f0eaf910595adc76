CREATE TYPE "migration"."dependant_document_kind" AS ENUM('PASSPORT', 'PHOTO', 'MARRIAGE_CERTIFICATE', 'BIRTH_CERTIFICATE', 'TRANSLATION');--> statement-breakpoint
CREATE TYPE "migration"."dependant_end_cause" AS ENUM('REVOKED', 'EXPIRED', 'ENDED');--> statement-breakpoint
CREATE TYPE "migration"."dependant_relation" AS ENUM('SPOUSE', 'CHILD');--> statement-breakpoint
CREATE TYPE "migration"."dependant_state" AS ENUM('PENDING', 'APPROVED', 'REFUSED');--> statement-breakpoint
CREATE TABLE "migration"."dependant_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dependant_id" uuid NOT NULL,
	"kind" "migration"."dependant_document_kind" NOT NULL,
	"file_name" text NOT NULL,
	"language" char(2) NOT NULL,
	"translates_file_name" text,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "migration"."dependants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"principal_id" uuid NOT NULL,
	"relation" "migration"."dependant_relation" NOT NULL,
	"state" "migration"."dependant_state" DEFAULT 'PENDING' NOT NULL,
	"surname" text NOT NULL,
	"given_names" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"sex" "migration"."sex" NOT NULL,
	"citizenship" char(3) NOT NULL,
	"passport_country" char(3) NOT NULL,
	"passport_number" text NOT NULL,
	"passport_expires_on" date NOT NULL,
	"pin" char(14),
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"added_by" text NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"decision_note" text,
	"granted_on" date,
	"principal_chain_started_on" date,
	"ended_on" date,
	"end_cause" "migration"."dependant_end_cause",
	"end_reason" text,
	"end_exit_deadline_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "dependants_principal_passport_key" UNIQUE("principal_id","passport_country","passport_number"),
	CONSTRAINT "dependants_pin_format" CHECK ("migration"."dependants"."pin" is null or "migration"."dependants"."pin" ~ '^[12][0-9]{13}$'),
	CONSTRAINT "dependants_ended" CHECK (("migration"."dependants"."ended_on" is null) = ("migration"."dependants"."end_cause" is null)),
	CONSTRAINT "dependants_approved" CHECK (("migration"."dependants"."state" = 'APPROVED') = ("migration"."dependants"."pin" is not null and "migration"."dependants"."granted_on" is not null and "migration"."dependants"."principal_chain_started_on" is not null))
);
--> statement-breakpoint
ALTER TABLE "migration"."dependant_documents" ADD CONSTRAINT "dependant_documents_dependant_id_dependants_id_fk" FOREIGN KEY ("dependant_id") REFERENCES "migration"."dependants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migration"."dependants" ADD CONSTRAINT "dependants_principal_id_nomads_id_fk" FOREIGN KEY ("principal_id") REFERENCES "migration"."nomads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dependant_documents_dependant_idx" ON "migration"."dependant_documents" USING btree ("dependant_id","added_at");--> statement-breakpoint
CREATE INDEX "dependants_principal_idx" ON "migration"."dependants" USING btree ("principal_id","added_at");--> statement-breakpoint
CREATE INDEX "dependants_state_idx" ON "migration"."dependants" USING btree ("state","added_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "dependants_pin_key" ON "migration"."dependants" USING btree ("pin");