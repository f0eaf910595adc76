-- The access log is append-only: no UPDATE, no DELETE, no TRUNCATE, whoever asks.
CREATE FUNCTION "migration"."access_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the access log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "access_log_no_update_or_delete" BEFORE UPDATE OR DELETE ON "migration"."access_log"
  FOR EACH ROW EXECUTE FUNCTION "migration"."access_log_append_only"();
--> statement-breakpoint
CREATE TRIGGER "access_log_no_truncate" BEFORE TRUNCATE ON "migration"."access_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "migration"."access_log_append_only"();
