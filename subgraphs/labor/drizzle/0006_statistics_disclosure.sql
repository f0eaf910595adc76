-- Custom SQL migration file, put your code below! --
-- The disclosure rules of labor's statistics and aggregates (issue 16): k, the rounding base of
-- counts and the significant figures of amounts. The kit's statistics/rules.ts validates the value on every use.
INSERT INTO "labor"."rule_values" ("key", "value", "description") VALUES
  ('statistics_disclosure', '{"minCellSize": 5, "countRoundingBase": 5, "significantFigures": 2}'::jsonb,
   'Statistics and aggregates for analysts: a row of fewer than minCellSize cases, reports or evaluations is suppressed; counts are rounded to a multiple of countRoundingBase and amounts to significantFigures significant figures (bounds: 3-100, 3-100, 1-3).')
ON CONFLICT ("key") DO NOTHING;
