CREATE TABLE "beta"."notes" (
	"id" serial PRIMARY KEY NOT NULL,
	"thing_id" integer NOT NULL REFERENCES "beta"."things"("id"),
	"body" text NOT NULL
);
--> statement-breakpoint
INSERT INTO "beta"."notes" ("thing_id", "body") SELECT "id", 'seeded by 0001_beta_notes' FROM "beta"."things";
