-- Custom SQL migration file, put your code below! --
-- The disclosure rules of GKNB's statistics (issue 16): k and the rounding base of counts (GKNB
-- shows counts only; the significant figures are there for the one shape every agency reads).
-- The kit's statistics/rules.ts validates the value on every use.
INSERT INTO "security"."rules" ("key", "value", "description") VALUES
  ('statistics_disclosure', '{"minCellSize": 5, "countRoundingBase": 5, "significantFigures": 2}'::jsonb,
   'Statistics for analysts: a row of fewer than minCellSize screenings is suppressed; counts are rounded to a multiple of countRoundingBase and amounts to significantFigures significant figures (bounds: 3-100, 3-100, 1-3).')
ON CONFLICT ("key") DO NOTHING;
