CREATE SCHEMA "beta";
--> statement-breakpoint
CREATE TABLE "beta"."things" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
INSERT INTO "beta"."things" ("name") VALUES ('seeded by 0000_beta_init');
