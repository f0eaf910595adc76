-- GKNB keeps every announced value of another agency's rule, one row per announcement (issue 15):
-- a revocation names when the exit days it followed were announced (exitDaysAnnouncedAt) and is
-- judged by the value announced then, even when a later announcement arrived first. The rows
-- already here (the latest announcement of each rule) stay, as the first of its history.
ALTER TABLE "security"."announced_rules" DROP CONSTRAINT "announced_rules_pkey";--> statement-breakpoint
ALTER TABLE "security"."announced_rules" ADD CONSTRAINT "announced_rules_key_announced_at_pk" PRIMARY KEY("key","announced_at");
