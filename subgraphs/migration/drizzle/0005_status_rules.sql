-- Rule values of the status life cycle (DOMAIN.md).
INSERT INTO "migration"."rule_values" ("key", "value", "description") VALUES
  ('status_ceiling_years', '10'::jsonb, 'The status may be renewed up to this many years in total, counted from the first day of the initial grant.'),
  ('exit_days_after_revocation', '15'::jsonb, 'Days a holder has to leave the country after the status is revoked.');
