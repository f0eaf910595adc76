import { and, eq, gt, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { SecurityDb } from '../../db/index.ts';
import { announcedRules, rules } from '../../db/schema.ts';

/**
 * GKNB's own rule values and, of those other agencies announced, the latest announcement of
 * each (one statement).
 */
export async function getRuleValues(db: SecurityDb): Promise<{ key: string; value: unknown }[]> {
  const later = alias(announcedRules, 'later');
  return db
    .select({ key: rules.key, value: rules.value })
    .from(rules)
    .unionAll(
      db
        .select({ key: announcedRules.key, value: announcedRules.value })
        .from(announcedRules)
        .where(notExists(db.select({ one: sql`1` }).from(later).where(and(eq(later.key, announcedRules.key), gt(later.announcedAt, announcedRules.announcedAt))))),
    );
}

/**
 * Records an announced rule value in the history (a repeat of the same announcement changes
 * nothing). Returns false when a later announcement is already recorded: this one is kept, to
 * judge the events that followed it, but the later value stays the one applied.
 */
export async function recordAnnouncedRule(
  db: SecurityDb,
  params: { key: string; value: unknown; producer: string; eventId: string; announcedAt: string },
): Promise<boolean> {
  await db
    .insert(announcedRules)
    .values({ key: params.key, value: params.value, producer: params.producer, eventId: params.eventId, announcedAt: params.announcedAt })
    .onConflictDoNothing({ target: [announcedRules.key, announcedRules.announcedAt] });
  const [later] = await db
    .select({ key: announcedRules.key })
    .from(announcedRules)
    .where(and(eq(announcedRules.key, params.key), gt(announcedRules.announcedAt, params.announcedAt)))
    .limit(1);
  return later === undefined;
}

/**
 * The value of `key` announced at exactly `announcedAt` (a `RulesChanged`'s `occurredAt`), or
 * undefined if GKNB has not received that announcement (one statement).
 */
export async function getAnnouncedValueAt(db: SecurityDb, params: { key: string; announcedAt: string }): Promise<unknown> {
  const [row] = await db
    .select({ value: announcedRules.value })
    .from(announcedRules)
    .where(and(eq(announcedRules.key, params.key), sql`${announcedRules.announcedAt} = ${params.announcedAt}::timestamptz`));
  return row?.value;
}
