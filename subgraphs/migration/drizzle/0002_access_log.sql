CREATE TABLE "migration"."access_log" (
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
CREATE TABLE "migration"."access_log_head" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"hash" char(64) DEFAULT repeat('0', 64) NOT NULL
);
--> statement-breakpoint
CREATE INDEX "access_log_subject_idx" ON "migration"."access_log" USING btree ("subject_id","seq");