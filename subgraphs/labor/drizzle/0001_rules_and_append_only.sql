-- Rule values of the ministry (DOMAIN.md); change them with an UPDATE, not a code change.
-- `activities` is labor's own copy of the decree's closed list (migration keeps the same list
-- in its rule table; labor may not read it).
INSERT INTO "labor"."rule_values" ("key", "value", "description") VALUES
  ('activities', '[{"code": "SOFTWARE_DEVELOPMENT", "title": "Software development"}, {"code": "IT_SYSTEMS_ANALYSIS", "title": "IT systems analysis and programming"}, {"code": "IT_EXPORT", "title": "IT export"}, {"code": "MEDIA_ARTS", "title": "Media arts (VR/AR, 3D)"}, {"code": "ANIMATION_GRAPHIC_DESIGN", "title": "Animation and graphic design"}, {"code": "IT_PRODUCT_DEVELOPMENT", "title": "IT-product development"}, {"code": "ROBOTICS_AI", "title": "Robotics and artificial intelligence"}, {"code": "GAMES", "title": "Computer and mobile games"}, {"code": "ESPORTS", "title": "Esports"}, {"code": "CREATIVE_INDUSTRIES", "title": "Creative industries"}]'::jsonb, 'The closed list of eligible activities (decree No. 241): experts'' fields of expertise and reported activities are checked against it.'),
  ('report_due_days', '30'::jsonb, 'Days after the end of a quarter by which the activity report for it is due; a report filed later is marked late, a missing one is listed as missing.'),
  ('currencies', '["USD", "EUR", "GBP", "CHF", "JPY", "KRW", "INR", "CNY", "RUB", "KZT", "KGS", "UZS", "TRY", "CAD", "AUD", "AED"]'::jsonb, 'ISO 4217 currencies accepted for reported income.');
--> statement-breakpoint
-- The access log is append-only: no UPDATE, no DELETE, no TRUNCATE, whoever asks.
CREATE FUNCTION "labor"."access_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the access log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "access_log_no_update_or_delete" BEFORE UPDATE OR DELETE ON "labor"."access_log"
  FOR EACH ROW EXECUTE FUNCTION "labor"."access_log_append_only"();
--> statement-breakpoint
CREATE TRIGGER "access_log_no_truncate" BEFORE TRUNCATE ON "labor"."access_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "labor"."access_log_append_only"();
--> statement-breakpoint
-- The history of a case is append-only as well: it is the ministry's record of what it did.
CREATE FUNCTION "labor"."case_actions_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case history is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "case_actions_no_update_or_delete" BEFORE UPDATE OR DELETE ON "labor"."case_actions"
  FOR EACH ROW EXECUTE FUNCTION "labor"."case_actions_append_only"();
