import { isDeepStrictEqual } from 'node:util';
import { sql } from 'drizzle-orm';
import type { EventPayload, EventType } from '@nomad/kit';
import type { MigrationDb } from '../../db/index.ts';
import { getAnnouncedRules, recordAnnouncedRules } from './queries.ts';
import { loadRules, type Rules } from './service.ts';

/**
 * The aggregate of migration's rule announcements: one stream, so that the other agencies
 * receive them in the order they were made.
 */
export const RULES_AGGREGATE_ID = 'migration-rules';

/** The rule values other agencies apply: labor the activity list, GKNB the exit days after a revocation. */
const ANNOUNCED_KEYS = ['eligible_activities', 'exit_days_after_revocation'] as const satisfies readonly (keyof Rules)[];

/** Writes one migration event in the caller's transaction (events.ts passes its outbox publisher). */
export type RulesPublisher = <T extends EventType>(tx: MigrationDb, type: T, aggregateId: string, payload: EventPayload<T>) => Promise<string>;

/**
 * Announces the rule values other agencies apply (`RulesChanged`) when one differs from what
 * was last announced, as `migration.announced_rules` records it (not the outbox, which is
 * pruned: a pruned announcement is not made again), in one transaction with the check; two
 * replicas running it at once announce once. Returns whether it announced. Run at start-up, by
 * each maintenance pass (so that an UPDATE of `migration.rule_values` reaches the others within
 * one pass) and before a revocation is published (events.ts `publish`), so that the exit days
 * it was computed with are announced before it. `announceRuleChanges` (events.ts) is this with
 * migration's outbox.
 */
export async function announceRuleChangesWith(db: MigrationDb, publish: RulesPublisher): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('nomad-rules-announce:migration', 0))`);
    const rules = await loadRules(tx);
    const announced = new Map((await getAnnouncedRules(tx)).map((r) => [r.key, r.value]));
    const values = ANNOUNCED_KEYS.map((key) => ({ key, value: rules[key] }));
    if (values.every((v) => announced.has(v.key) && isDeepStrictEqual(announced.get(v.key), v.value))) return false;
    const eventId = await publish(tx, 'RulesChanged', RULES_AGGREGATE_ID, {
      eligibleActivities: rules.eligible_activities,
      exitDaysAfterRevocation: rules.exit_days_after_revocation,
      changedAt: new Date().toISOString(),
    });
    await recordAnnouncedRules(tx, { eventId, values });
    return true;
  });
}
