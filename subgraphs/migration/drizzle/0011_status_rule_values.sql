-- Rule values of extension and renewal (DOMAIN.md: "then extension for 1 year; then yearly
-- renewals"); the window is our reading [I]: the decree gives no number.
INSERT INTO "migration"."rule_values" ("key", "value", "description") VALUES
  ('extension_years', '1'::jsonb, 'Length in years of the extension that follows the initial period.'),
  ('renewal_window_days', '60'::jsonb, 'A renewal may be requested at most this many days before the status''s last day.');
UPDATE "migration"."rule_values" SET "description" = 'The status may be held up to this many years in total per person: every day held under every grant counts, across applications.' WHERE "key" = 'status_ceiling_years';
