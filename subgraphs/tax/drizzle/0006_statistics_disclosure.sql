CREATE TABLE "tax"."rule_values" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"description" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- The disclosure rules of tax's statistics and aggregates (issue 16): k (taxpayers), the rounding
-- base of counts and the significant figures of amounts; the kit's statistics/rules.ts validates
-- the value on every use.
INSERT INTO "tax"."rule_values" ("key", "value", "description") VALUES
  ('statistics_disclosure', '{"minCellSize": 5, "countRoundingBase": 5, "significantFigures": 2}'::jsonb,
   'Statistics for analysts: a row of fewer than minCellSize taxpayers is suppressed; counts are rounded to a multiple of countRoundingBase and amounts to significantFigures significant figures (bounds: 3-100, 3-100, 1-3).');
