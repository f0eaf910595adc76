CREATE TYPE "security"."known_subject_kind" AS ENUM('HOLDER', 'DEPENDANT');--> statement-breakpoint
CREATE TABLE "security"."known_subjects" (
	"subject_id" uuid PRIMARY KEY NOT NULL,
	"kind" "security"."known_subject_kind" NOT NULL,
	"source" text NOT NULL,
	"known_since" timestamp with time zone NOT NULL
);
