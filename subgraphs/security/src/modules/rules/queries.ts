import type { SecurityDb } from '../../db/index.ts';
import { rules } from '../../db/schema.ts';

export async function getRuleValues(db: SecurityDb): Promise<{ key: string; value: unknown }[]> {
  return db.select({ key: rules.key, value: rules.value }).from(rules);
}
