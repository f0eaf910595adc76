import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/postgres-js';
import { copyRows, type ProgramSeeder } from '@nomad/kit';
import { programWorld } from '@nomad/sample';
import { addDays } from '../clock.ts';
import { schema } from '../db/index.ts';
import { applicationDocuments, applications, nomads, statusEvents, statusPeriods, zhaakSerials } from '../db/schema.ts';
import { loadHolidays, loadRules } from '../modules/rules/service.ts';

/**
 * Migration's part of the large program (`npm run seed:large`): the sample world's people,
 * applications, documents and status histories, drawn in chunks with the rule table and the
 * holidays as `seedMigration` draws them, written with COPY; ZHAAK's serials and the number
 * sequence continue after them. No family members: the large program has none.
 */
export const migrationProgramSeeder: ProgramSeeder = {
  agency: 'migration',
  migrationsFolder: fileURLToPath(new URL('../../drizzle', import.meta.url)),
  tables: [nomads, applications, applicationDocuments, statusPeriods, statusEvents, zhaakSerials],
  async write(conn, options, pool) {
    const db = drizzle(pool, { schema });
    const rules = await loadRules(db);
    const holidays = await loadHolidays(db, addDays(options.today, -Math.ceil(options.years * 366) - 60));
    const counts = { nomads: 0, applications: 0, application_documents: 0, status_periods: 0, status_events: 0, zhaak_serials: 0 };
    let lastNumber = 0;
    for (const world of programWorld(options, { rules, holidays: holidays.days })) {
      counts.nomads += await copyRows(conn, nomads, world.nomadRows);
      counts.applications += await copyRows(conn, applications, world.applicationRows);
      counts.application_documents += await copyRows(conn, applicationDocuments, world.documentRows);
      counts.status_periods += await copyRows(conn, statusPeriods, world.periodRows);
      counts.status_events += await copyRows(conn, statusEvents, world.eventRows);
      // The last chunk carries every birth date's last serial.
      counts.zhaak_serials += await copyRows(conn, zhaakSerials, world.serials);
      lastNumber = world.lastNumber;
    }
    // Portal submissions continue after the seeded numbers.
    if (lastNumber > 0) await conn`select setval('migration.application_number_seq', ${lastNumber})`;
    return counts;
  },
};
