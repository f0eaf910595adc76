CREATE TABLE "migration"."status_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nomad_id" uuid NOT NULL,
	"from_agency" text NOT NULL,
	"action" text NOT NULL,
	"reason_code" text NOT NULL,
	"reference" uuid NOT NULL,
	"recommended_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "status_recommendations_reference_key" UNIQUE("from_agency","reference")
);
--> statement-breakpoint
ALTER TABLE "migration"."status_recommendations" ADD CONSTRAINT "status_recommendations_nomad_id_nomads_id_fk" FOREIGN KEY ("nomad_id") REFERENCES "migration"."nomads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "status_recommendations_nomad_idx" ON "migration"."status_recommendations" USING btree ("nomad_id","recommended_at");