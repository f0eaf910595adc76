import { desc, eq, sql } from 'drizzle-orm';
import type { MigrationDb } from '../../db/index.ts';
import { outbox } from '../../db/schema.ts';
import { publish } from '../../events.ts';
import { loadRules } from './service.ts';

/**
 * The aggregate of migration's rule announcements: one stream, so that labor receives them in
 * the order they were made.
 */
export const RULES_AGGREGATE_ID = 'migration-rules';

type Activity = { code: string; title: string };

const sameActivities = (a: readonly Activity[], b: readonly Activity[]) =>
  a.length === b.length && a.every((x, i) => x.code === b[i]?.code && x.title === b[i]?.title);

/**
 * Announces the rule values other agencies apply (`RulesChanged`: the eligible activities) when
 * they differ from the last announcement, in one transaction with the check; two replicas
 * running it at once announce once. Returns whether it announced. Run at start-up and by each
 * maintenance pass, so that an UPDATE of `migration.rule_values` reaches labor within one pass.
 */
export async function announceRuleChanges(db: MigrationDb): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('nomad-rules-announce:migration', 0))`);
    const rules = await loadRules(tx);
    const [last] = await tx
      .select({ payload: outbox.payload })
      .from(outbox)
      .where(eq(outbox.type, 'RulesChanged'))
      .orderBy(desc(outbox.seq))
      .limit(1);
    const announced = (last?.payload as { eligibleActivities?: Activity[] } | undefined)?.eligibleActivities;
    if (announced && sameActivities(announced, rules.eligible_activities)) return false;
    await publish(tx, 'RulesChanged', RULES_AGGREGATE_ID, { eligibleActivities: rules.eligible_activities, changedAt: new Date().toISOString() });
    return true;
  });
}
