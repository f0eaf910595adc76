CREATE SCHEMA "alpha";
--> statement-breakpoint
CREATE TABLE "alpha"."items" (
	"id" serial PRIMARY KEY NOT NULL,
	"label" text NOT NULL
);
--> statement-breakpoint
INSERT INTO "alpha"."items" ("label") VALUES ('seeded by 0000_alpha_init');
