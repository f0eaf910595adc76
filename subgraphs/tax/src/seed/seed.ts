import { count } from 'drizzle-orm';
import type { Logger } from '@nomad/kit';
import { sampleWorld } from '@nomad/sample';
import type { TaxDb } from '../db/index.ts';
import { campaignItems, campaigns, declarations, payments, registerEntries, registrations } from '../db/schema.ts';
import { taxWorld } from './world.ts';

export { SEED_REGIME_RATES, taxWorld, type TaxSeedCounters, type TaxWorld } from './world.ts';

export interface TaxSeedOptions {
  /** Bishkek "today" of the sample world (`@nomad/sample`). */
  today: string;
  /** Must match migration's seed. @default 400 */
  nomads?: number;
  /** Must match migration's seed. @default migration's default */
  seed?: number;
}

/**
 * Fills an empty tax database with the tax part of the sample world (the same `today`
 * and size as migration's seed, so PINs and nomad ids match). Does nothing when registrations
 * exist, so a second `npm start` keeps the data.
 */
export async function seedTax(db: TaxDb, logger: Logger, options: TaxSeedOptions): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(registrations);
  if ((existing?.n ?? 0) > 0) return false;
  const world = sampleWorld({ today: options.today, ...(options.nomads !== undefined ? { nomads: options.nomads } : {}), ...(options.seed !== undefined ? { seed: options.seed } : {}) });
  const { registrationRows, entryRows, declarationRows, paymentRows, campaignRows, campaignItemRows } = taxWorld(world, options.today);
  await db.transaction(async (tx) => {
    for (let i = 0; i < registrationRows.length; i += 500) await tx.insert(registrations).values(registrationRows.slice(i, i + 500));
    if (campaignRows.length > 0) await tx.insert(campaigns).values(campaignRows);
    for (let i = 0; i < campaignItemRows.length; i += 1000) await tx.insert(campaignItems).values(campaignItemRows.slice(i, i + 1000));
    for (let i = 0; i < entryRows.length; i += 1000) await tx.insert(registerEntries).values(entryRows.slice(i, i + 1000));
    for (let i = 0; i < declarationRows.length; i += 1000) await tx.insert(declarations).values(declarationRows.slice(i, i + 1000));
    for (let i = 0; i < paymentRows.length; i += 1000) await tx.insert(payments).values(paymentRows.slice(i, i + 1000));
  });
  logger.info({ registrations: registrationRows.length, declarations: declarationRows.length, payments: paymentRows.length, campaignItems: campaignItemRows.length }, 'seeded sample tax data');
  return true;
}
