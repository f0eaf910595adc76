-- Issue 15: the ten years count from the person's first grant (across every application and
-- the pilot), not the days held; the rule's description says so.
UPDATE "migration"."rule_values" SET "description" = 'The status may reach at most the last day of this many years counted from the person''s first grant, across every application and the pilot.' WHERE "key" = 'status_ceiling_years';
