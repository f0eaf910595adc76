CREATE TABLE "migration"."access_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"request_id" text NOT NULL,
	"reader_sub" text NOT NULL,
	"reader_name" text,
	"reader_roles" text[] NOT NULL,
	"reader_org" text NOT NULL,
	"purpose" text,
	"legal_basis" text NOT NULL,
	"case_ref" text,
	"processing_type" text NOT NULL,
	"bulk" boolean DEFAULT false NOT NULL,
	"by_subject" boolean DEFAULT false NOT NULL,
	"operation" text NOT NULL,
	"subject_id" text NOT NULL,
	"fields" text[] NOT NULL,
	"hidden_until" timestamp(3) with time zone,
	"hidden_reason" text
);
--> statement-breakpoint
CREATE TABLE "migration"."access_rules" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"description" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "migration"."access_seals" (
	"seq" integer NOT NULL,
	"xid_from" "xid8" NOT NULL,
	"xid_to" "xid8" NOT NULL,
	"first_id" bigint NOT NULL,
	"last_id" bigint NOT NULL,
	"record_count" integer NOT NULL,
	"records_root" char(64) NOT NULL,
	"prev_root" char(64) NOT NULL,
	"root" char(64) NOT NULL,
	"sealed_at" timestamp(3) with time zone NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL,
	CONSTRAINT "access_seals_pkey" PRIMARY KEY("seq"),
	CONSTRAINT "access_seals_xid_to_key" UNIQUE("xid_to")
);
--> statement-breakpoint
CREATE TABLE "migration"."ledger_roots" (
	"seq" integer NOT NULL,
	"xid_from" "xid8" NOT NULL,
	"xid_to" "xid8" NOT NULL,
	"first_id" bigint NOT NULL,
	"last_id" bigint NOT NULL,
	"record_count" integer NOT NULL,
	"records_root" char(64) NOT NULL,
	"prev_root" char(64) NOT NULL,
	"root" char(64) NOT NULL,
	"sealed_at" timestamp(3) with time zone NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL,
	"received_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_roots_pkey" PRIMARY KEY("seq")
);
--> statement-breakpoint
CREATE INDEX "access_records_subject_idx" ON "migration"."access_records" USING btree ("subject_id","id");--> statement-breakpoint
CREATE INDEX "access_records_xid_idx" ON "migration"."access_records" USING btree ("xid");