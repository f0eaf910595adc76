-- GKNB screens every spouse, whatever the age (docs/domain.md, "Family members"). A spouse under
-- 18 on the day added was neither awaiting GKNB's outcome (null since 0016) nor screened by GKNB
-- (DependantAdded said `adult: false`). Each such spouse not refused now awaits the outcome
-- (PENDING), and is announced to GKNB once more with `adult: true` (a DependantAdded in the
-- outbox, as publish writes it, for the subscriber security), which opens the screening.
WITH "spouses" AS (
  UPDATE "migration"."dependants" SET "screening_outcome" = 'PENDING'
  WHERE "relation" = 'SPOUSE' AND "screening_outcome" IS NULL AND "state" <> 'REFUSED'
  RETURNING "id", "principal_id", "citizenship", "added_at"
), "announced" AS (
  INSERT INTO "migration"."outbox" ("id", "type", "aggregate_id", "payload", "producer")
  SELECT gen_random_uuid(), 'DependantAdded', s."id"::text,
    jsonb_build_object(
      'dependantId', s."id", 'principalId', s."principal_id", 'relation', 'SPOUSE', 'citizenship', s."citizenship", 'adult', true,
      'addedAt', to_char(s."added_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    ),
    'migration'
  FROM "spouses" s
  RETURNING "id", "aggregate_id", "seq"
)
INSERT INTO "migration"."outbox_deliveries" ("event_id", "subscriber", "aggregate_id", "seq")
  SELECT a."id", 'security', a."aggregate_id", a."seq" FROM "announced" a;
