import { gte } from 'drizzle-orm';
import type { MigrationDb } from '../../db/index.ts';
import { publicHolidays, ruleValues } from '../../db/schema.ts';

export async function getRuleValues(db: MigrationDb): Promise<{ key: string; value: unknown }[]> {
  return db.select({ key: ruleValues.key, value: ruleValues.value }).from(ruleValues);
}

export async function getHolidaysFrom(db: MigrationDb, params: { from: string }): Promise<string[]> {
  const rows = await db.select({ day: publicHolidays.day }).from(publicHolidays).where(gte(publicHolidays.day, params.from));
  return rows.map((r) => r.day);
}
