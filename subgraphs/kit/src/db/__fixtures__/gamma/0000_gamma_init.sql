CREATE SCHEMA "gamma";
--> statement-breakpoint
CREATE TABLE "gamma"."items" (
	"id" serial PRIMARY KEY NOT NULL,
	"label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gamma"."access_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"purpose" text
);
--> statement-breakpoint
CREATE FUNCTION "gamma"."access_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%.% is append-only', TG_TABLE_SCHEMA, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER "access_records_append_only" BEFORE UPDATE OR DELETE ON "gamma"."access_records" FOR EACH ROW EXECUTE FUNCTION "gamma"."access_append_only"();
--> statement-breakpoint
CREATE TRIGGER "access_records_no_truncate" BEFORE TRUNCATE ON "gamma"."access_records" FOR EACH STATEMENT EXECUTE FUNCTION "gamma"."access_append_only"();
--> statement-breakpoint
INSERT INTO "gamma"."items" ("label") VALUES ('seeded by 0000_gamma_init');
