import { fileURLToPath } from 'node:url';
import { copyRows, type ProgramSeeder } from '@nomad/kit';
import { programWorld } from '@nomad/sample';
import { campaignItems, campaigns, declarations, payments, registerEntries, registrations } from '../db/schema.ts';
import { taxWorld, type TaxSeedCounters } from './seed.ts';

/**
 * Tax's part of the large program (`npm run seed:large`): `taxWorld` (registrations following
 * each holder's status, re-registrations, quarterly declarations and payments) over the world
 * drawn in chunks, written with COPY.
 */
export const taxProgramSeeder: ProgramSeeder = {
  agency: 'tax',
  migrationsFolder: fileURLToPath(new URL('../../drizzle', import.meta.url)),
  tables: [registrations, campaigns, campaignItems, registerEntries, declarations, payments],
  async write(conn, options) {
    const counts = { registrations: 0, campaigns: 0, campaign_items: 0, register_entries: 0, declarations: 0, payments: 0 };
    const counters: TaxSeedCounters = { registrations: 0, declarations: 0 };
    let campaignId: string | undefined;
    for (const world of programWorld(options)) {
      const rows = taxWorld(world, options.today, counters);
      counts.registrations += await copyRows(conn, registrations, rows.registrationRows);
      // Every chunk draws the same one campaign: written once, its total counted at the end.
      const campaign = rows.campaignRows[0];
      if (!campaignId && campaign) {
        campaignId = campaign.id;
        counts.campaigns = await copyRows(conn, campaigns, [campaign]);
      }
      counts.campaign_items += await copyRows(conn, campaignItems, rows.campaignItemRows);
      counts.register_entries += await copyRows(conn, registerEntries, rows.entryRows);
      counts.declarations += await copyRows(conn, declarations, rows.declarationRows);
      counts.payments += await copyRows(conn, payments, rows.paymentRows);
    }
    if (campaignId) await conn`update tax.campaigns set total = ${counts.campaign_items} where id = ${campaignId}`;
    return counts;
  },
};
