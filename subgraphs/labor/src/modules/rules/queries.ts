import { sql } from 'drizzle-orm';
import type { LaborDb } from '../../db/index.ts';
import { announcedRules, ruleValues } from '../../db/schema.ts';

/** Labor's own rule values and those other agencies announced (one statement). */
export async function getRuleValues(db: LaborDb): Promise<{ key: string; value: unknown }[]> {
  return db
    .select({ key: ruleValues.key, value: ruleValues.value })
    .from(ruleValues)
    .unionAll(db.select({ key: announcedRules.key, value: announcedRules.value }).from(announcedRules));
}

/**
 * Records an announced rule value unless a later announcement is already applied. Returns
 * false when this one is older (then nothing changes).
 */
export async function recordAnnouncedRule(
  db: LaborDb,
  params: { key: string; value: unknown; producer: string; eventId: string; announcedAt: string },
): Promise<boolean> {
  const rows = await db
    .insert(announcedRules)
    .values({ key: params.key, value: params.value, producer: params.producer, eventId: params.eventId, announcedAt: params.announcedAt })
    .onConflictDoUpdate({
      target: announcedRules.key,
      set: { value: params.value, producer: params.producer, eventId: params.eventId, announcedAt: params.announcedAt, receivedAt: sql`now()` },
      setWhere: sql`${announcedRules.announcedAt} <= ${params.announcedAt}::timestamptz`,
    })
    .returning({ key: announcedRules.key });
  return rows.length > 0;
}
