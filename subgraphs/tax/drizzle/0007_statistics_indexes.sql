-- A national program holds hundreds of thousands of declarations: the index may take longer than the pool's statement timeout.
SET LOCAL statement_timeout = 0;--> statement-breakpoint
CREATE INDEX "campaign_items_statistics_idx" ON "tax"."campaign_items" USING btree ("campaign_id","state","failure_code","registration_id");--> statement-breakpoint
CREATE INDEX "declarations_statistics_idx" ON "tax"."declarations" USING btree ("currency","period","registration_id","income_minor","tax_due_minor","regime_code","filed_at");