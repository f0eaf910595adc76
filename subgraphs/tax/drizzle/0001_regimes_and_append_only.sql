-- Default tax regimes of a foreign IE holding the digital nomad status. [I]: public sources do
-- not fix the regime or the rate for digital nomads; these are assumptions an officer changes
-- by updating a row (the rate is data, never a literal in code).
INSERT INTO "tax"."regimes" ("code", "title", "description", "rate_basis_points", "is_default", "active") VALUES
  ('SIMPLIFIED_SINGLE_TAX', 'Simplified regime (single tax)', '[I] Single tax on gross income of an IE under the simplified system; the default for status holders.', 400, true, true),
  ('HTP_RESIDENT', 'High Technology Park resident', '[I] Turnover tax of a resident of the High Technology Park of the Kyrgyz Republic.', 100, false, true),
  ('GENERAL', 'General regime', '[I] Personal income tax under the general regime.', 1000, false, true);
--> statement-breakpoint
-- The access log is append-only: no UPDATE, no DELETE, no TRUNCATE, whoever asks.
CREATE FUNCTION "tax"."access_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the access log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "access_log_no_update_or_delete" BEFORE UPDATE OR DELETE ON "tax"."access_log"
  FOR EACH ROW EXECUTE FUNCTION "tax"."access_log_append_only"();
--> statement-breakpoint
CREATE TRIGGER "access_log_no_truncate" BEFORE TRUNCATE ON "tax"."access_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "tax"."access_log_append_only"();
