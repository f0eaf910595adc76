CREATE TABLE "migration"."passport_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nomad_id" uuid NOT NULL,
	"country" char(3) NOT NULL,
	"number" text NOT NULL,
	"expires_on" date NOT NULL,
	"replaced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replaced_by" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "migration"."passport_history" ADD CONSTRAINT "passport_history_nomad_id_nomads_id_fk" FOREIGN KEY ("nomad_id") REFERENCES "migration"."nomads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "passport_history_nomad_idx" ON "migration"."passport_history" USING btree ("nomad_id","replaced_at");--> statement-breakpoint
-- History is kept, never rewritten: the runtime role may insert and read, not change or delete.
CREATE TRIGGER "passport_history_append_only" BEFORE UPDATE OR DELETE ON "migration"."passport_history" FOR EACH ROW EXECUTE FUNCTION "migration"."access_append_only"();
