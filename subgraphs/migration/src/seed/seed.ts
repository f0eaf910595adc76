import { count, sql } from 'drizzle-orm';
import type { Logger } from '@nomad/kit';
import { sampleDependants, sampleWorld, type SampleOptions } from '@nomad/sample';
import { addDays } from '../clock.ts';
import type { MigrationDb } from '../db/index.ts';
import { applicationDocuments, applications, dependantDocuments, dependants, nomads, statusEvents, statusPeriods, zhaakSerials } from '../db/schema.ts';
import { loadHolidays, loadRules } from '../modules/rules/service.ts';

/**
 * Fills an empty migration database with realistic sample data: nomads across every
 * eligible citizenship and applications in every state, some of them overdue, and family
 * members of some holders (`sampleDependants`). Does nothing
 * when nomads already exist, so a second `npm start` keeps the data.
 */
export async function seedMigration(db: MigrationDb, logger: Logger, options: SampleOptions): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(nomads);
  if ((existing?.n ?? 0) > 0) return false;
  const rules = await loadRules(db);
  const holidays = await loadHolidays(db, addDays(options.today, -600));
  const world = sampleWorld({ ...options, rules, holidays: holidays.days });
  const { nomadRows, applicationRows, documentRows, periodRows, eventRows, lastNumber } = world;
  // Family members of some holders and of the demo applicant; their PINs follow the world's serials.
  const family = sampleDependants(world, options.today);
  const serials = family.serials;
  await db.transaction(async (tx) => {
    for (let i = 0; i < nomadRows.length; i += 500) await tx.insert(nomads).values(nomadRows.slice(i, i + 500));
    for (let i = 0; i < applicationRows.length; i += 500) await tx.insert(applications).values(applicationRows.slice(i, i + 500));
    for (let i = 0; i < documentRows.length; i += 1000) await tx.insert(applicationDocuments).values(documentRows.slice(i, i + 1000));
    for (let i = 0; i < periodRows.length; i += 1000) await tx.insert(statusPeriods).values(periodRows.slice(i, i + 1000));
    for (let i = 0; i < eventRows.length; i += 1000) await tx.insert(statusEvents).values(eventRows.slice(i, i + 1000));
    // Migration learns GKNB's screening id with its outcome: none on a screening still PENDING.
    const familyRows = family.dependants.map((d) => ({ ...d, screeningId: d.screeningConcludedAt ? d.screeningId : null }));
    if (familyRows.length > 0) await tx.insert(dependants).values(familyRows);
    if (family.documents.length > 0) await tx.insert(dependantDocuments).values(family.documents);
    // ZHAAK continues after the serials the sample used.
    for (let i = 0; i < serials.length; i += 1000) await tx.insert(zhaakSerials).values(serials.slice(i, i + 1000));
    // Portal submissions continue after the seeded numbers.
    await tx.execute(sql`select setval('migration.application_number_seq', ${lastNumber})`);
  });
  logger.info({ nomads: nomadRows.length, applications: applicationRows.length, statusPeriods: periodRows.length, dependants: family.dependants.length }, 'seeded sample data');
  return true;
}
