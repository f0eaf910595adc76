import { eq, sql } from 'drizzle-orm';
import { parsePgTimestamp } from '@nomad/kit';
import type { SecurityDb } from '../../db/index.ts';
import { announcedRules, rules } from '../../db/schema.ts';

/** GKNB's own rule values and those other agencies announced (one statement). */
export async function getRuleValues(db: SecurityDb): Promise<{ key: string; value: unknown }[]> {
  return db
    .select({ key: rules.key, value: rules.value })
    .from(rules)
    .unionAll(db.select({ key: announcedRules.key, value: announcedRules.value }).from(announcedRules));
}

/**
 * Records an announced rule value unless a later announcement is already applied. Returns
 * false when this one is older (then nothing changes).
 */
export async function recordAnnouncedRule(
  db: SecurityDb,
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

/** When the applied value of `key` was announced (its `RulesChanged`'s `occurredAt`), or null if none is recorded (one statement). */
export async function getAnnouncedAt(db: SecurityDb, params: { key: string }): Promise<Date | null> {
  const [row] = await db.select({ at: announcedRules.announcedAt }).from(announcedRules).where(eq(announcedRules.key, params.key));
  return row ? parsePgTimestamp(row.at) : null;
}
