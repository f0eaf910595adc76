-- The access log: records and seals are append-only, whoever asks (the service's role is
-- also refused UPDATE, DELETE and TRUNCATE by privilege); each record's transaction id and time
-- are stamped by the database, never taken from the writer, because the sealer orders by them.
DROP FUNCTION IF EXISTS "migration"."access_log_append_only"();
--> statement-breakpoint
CREATE FUNCTION "migration"."access_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%.% is append-only', TG_TABLE_SCHEMA, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "migration"."access_stamp"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.xid := pg_current_xact_id();
  IF TG_TABLE_NAME = 'access_records' THEN
    NEW.at := date_trunc('milliseconds', now());
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "access_records_stamp" BEFORE INSERT ON "migration"."access_records" FOR EACH ROW EXECUTE FUNCTION "migration"."access_stamp"();
--> statement-breakpoint
CREATE TRIGGER "access_records_append_only" BEFORE UPDATE OR DELETE ON "migration"."access_records" FOR EACH ROW EXECUTE FUNCTION "migration"."access_append_only"();
--> statement-breakpoint
CREATE TRIGGER "access_records_no_truncate" BEFORE TRUNCATE ON "migration"."access_records" FOR EACH STATEMENT EXECUTE FUNCTION "migration"."access_append_only"();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "migration"."access_records" FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER "access_seals_append_only" BEFORE UPDATE OR DELETE ON "migration"."access_seals" FOR EACH ROW EXECUTE FUNCTION "migration"."access_append_only"();
--> statement-breakpoint
CREATE TRIGGER "access_seals_no_truncate" BEFORE TRUNCATE ON "migration"."access_seals" FOR EACH STATEMENT EXECUTE FUNCTION "migration"."access_append_only"();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "migration"."access_seals" FROM PUBLIC;
--> statement-breakpoint
INSERT INTO "migration"."access_rules" ("key", "value", "description") VALUES
  ('seal_delay_ms', '1000', 'A committed access record is sealed (chained, signed, sent to the ledger) within this many milliseconds.'),
  ('seal_max_records', '500', 'Records per seal at most (one transaction''s records are never split).')
ON CONFLICT ("key") DO NOTHING;
--> statement-breakpoint
-- The ledger's roots as GKNB sent them: what makes a rewrite of the ledger detectable.
CREATE TRIGGER "ledger_roots_append_only" BEFORE UPDATE OR DELETE ON "migration"."ledger_roots" FOR EACH ROW EXECUTE FUNCTION "migration"."access_append_only"();
--> statement-breakpoint
CREATE TRIGGER "ledger_roots_no_truncate" BEFORE TRUNCATE ON "migration"."ledger_roots" FOR EACH STATEMENT EXECUTE FUNCTION "migration"."access_append_only"();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "migration"."ledger_roots" FROM PUBLIC;
