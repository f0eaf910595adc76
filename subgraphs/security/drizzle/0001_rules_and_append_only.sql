-- GKNB's rule values. Decree No. 241 of 30 April 2025 takes effect 15 days after publication
-- (DOMAIN.md); the measures are due two months after that. Change the row, not the code.
INSERT INTO "security"."rules" ("key", "value", "description") VALUES
  ('decree_effective_on', '"2025-05-15"', 'Day decree No. 241 took effect (15 days after publication).'),
  ('measures_due_months', '2', 'GKNB implements the technical measures within this many months of the decree taking effect.'),
  ('expiry_exit_days', '15', 'Days a holder whose status expired has to leave, counted from the first day without a status ([I]: the decree states 15 days for revocation only).')
ON CONFLICT ("key") DO NOTHING;
--> statement-breakpoint
-- The access log is append-only: no UPDATE, no DELETE, no TRUNCATE, whoever asks.
CREATE FUNCTION "security"."access_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the access log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "access_log_no_update_or_delete" BEFORE UPDATE OR DELETE ON "security"."access_log"
  FOR EACH ROW EXECUTE FUNCTION "security"."access_log_append_only"();
--> statement-breakpoint
CREATE TRIGGER "access_log_no_truncate" BEFORE TRUNCATE ON "security"."access_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "security"."access_log_append_only"();
