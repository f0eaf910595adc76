import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/postgres-js';
import { copyRows, type ProgramSeeder } from '@nomad/kit';
import { programWorld } from '@nomad/sample';
import { schema } from '../db/index.ts';
import { exitWatches, measureEvidence, screenings, technicalMeasures } from '../db/schema.ts';
import { loadRules } from '../modules/rules/service.ts';
import { sampleMeasureRows, securitySample, type SecuritySeedCounters } from './seed.ts';

/**
 * GKNB's part of the large program (`npm run seed:large`): `securitySample` (a screening per
 * application with migration's outcome, exit watches for revocations and expiries) over the
 * world drawn in chunks, written with COPY, and the measures register. No family members:
 * the large program has none.
 */
export const securityProgramSeeder: ProgramSeeder = {
  agency: 'security',
  migrationsFolder: fileURLToPath(new URL('../../drizzle', import.meta.url)),
  tables: [screenings, exitWatches, technicalMeasures, measureEvidence],
  async write(conn, options, pool) {
    const rules = await loadRules(drizzle(pool, { schema }));
    const { measures, evidence } = sampleMeasureRows();
    const counts = { technical_measures: await copyRows(conn, technicalMeasures, measures), measure_evidence: await copyRows(conn, measureEvidence, evidence), screenings: 0, exit_watches: 0 };
    const counters: SecuritySeedCounters = { screenings: 0, watches: 0, flagged: 0 };
    for (const world of programWorld(options)) {
      const rows = securitySample(world, rules, options.today, counters);
      // Reasons only on FLAGGED ones: the others' empty list (the column's SQL default) given outright.
      counts.screenings += await copyRows(conn, screenings, rows.screeningRows.map((r) => ({ reasons: [], ...r })));
      counts.exit_watches += await copyRows(conn, exitWatches, rows.watchRows);
    }
    return counts;
  },
};
