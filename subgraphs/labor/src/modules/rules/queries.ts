import type { LaborDb } from '../../db/index.ts';
import { ruleValues } from '../../db/schema.ts';

export async function getRuleValues(db: LaborDb): Promise<{ key: string; value: unknown }[]> {
  return db.select({ key: ruleValues.key, value: ruleValues.value }).from(ruleValues);
}
