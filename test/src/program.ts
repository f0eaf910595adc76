import { performance } from 'node:perf_hooks';
import {
  AGENCY_DEFAULT_PORTS,
  analyzeProgram,
  clearProgram,
  inReservedTransaction,
  openDatabase,
  parseEnv,
  programRows,
  subgraphEnvSchema,
  type Database,
  type EnvSource,
  type Logger,
  type ProgramSeeder,
  type RowCounts,
} from '@nomad/kit';
import { laborProgramSeeder } from '@nomad/labor';
import { migrationProgramSeeder } from '@nomad/migration';
import { securityProgramSeeder } from '@nomad/security';
import { taxProgramSeeder } from '@nomad/tax';

/** Every agency's bulk writer, in the order the program is written. */
export const PROGRAM_SEEDERS: readonly ProgramSeeder[] = [migrationProgramSeeder, laborProgramSeeder, taxProgramSeeder, securityProgramSeeder];

/** Nomads drawn and written per chunk. Part of the world's identity: ids of labor's evaluations follow it. */
export const PROGRAM_CHUNK = 5000;

export interface LargeProgramOptions {
  today: string;
  nomads: number;
  /** @default 10 */
  years?: number;
  seed?: number;
  /** Empty the agencies' programs first instead of refusing a non-empty one. */
  replace?: boolean;
  /** Where each agency's database is: the same variables as `npm start` and the services. */
  env: EnvSource;
  logger: Logger;
  /** Progress lines (`migration: 25000/100000 nomads, 12.3 s`). @default none */
  progress?: (line: string) => void;
  /**
   * Called with each agency's database as it opens, e.g. for a command line tool to close it
   * (stopping its embedded cluster) when interrupted; this function closes them when it ends.
   */
  opened?: (database: Database) => void;
}

export interface AgencyResult {
  agency: string;
  rows: RowCounts;
  seconds: number;
}

/** Thrown when a program is already there and `replace` was not asked for: nothing was written. */
export class ProgramNotEmptyError extends Error {
  constructor(readonly existing: Record<string, RowCounts>) {
    const where = Object.entries(existing)
      .map(([agency, rows]) => `${agency} (${Object.entries(rows).filter(([, n]) => n > 0).map(([t, n]) => `${t} ${n}`).join(', ')})`)
      .join('; ');
    super(`the program is not empty: ${where}. Run with --replace to empty it first.`);
  }
}

/**
 * Opens an agency's database as its service would (`<AGENCY>_DATABASE_URL`, `<AGENCY>_OWNER_DATABASE_URL`,
 * `DATABASE_URL`, else the embedded cluster in DATA_DIR), migrated, without a statement timeout
 * (a COPY of a million rows takes longer than a request may).
 */
export async function openAgency(seeder: ProgramSeeder, env: EnvSource, logger: Logger): Promise<Database> {
  const e = parseEnv(subgraphEnvSchema(seeder.agency, AGENCY_DEFAULT_PORTS[seeder.agency as keyof typeof AGENCY_DEFAULT_PORTS]), env);
  return openDatabase({
    agency: seeder.agency,
    url: e.databaseUrl,
    migrationUrl: e.ownerDatabaseUrl,
    migrationsFolder: seeder.migrationsFolder,
    warnWhenOwner: false,
    dataDir: e.dataDir,
    schema: {},
    logger,
    maxConnections: 2,
    statementTimeoutMs: 0,
  });
}

/**
 * Writes the large program (issue 16) into every agency's database, one agency after the
 * other, each in one transaction, then ANALYZEs its tables. Refuses (ProgramNotEmptyError,
 * before writing anything) when any agency has program rows, unless `replace`.
 */
export async function seedLargeProgram(options: LargeProgramOptions): Promise<AgencyResult[]> {
  const databases = new Map<ProgramSeeder, Database>();
  const progress = options.progress ?? (() => undefined);
  try {
    for (const seeder of PROGRAM_SEEDERS) {
      const database = await openAgency(seeder, options.env, options.logger);
      databases.set(seeder, database);
      options.opened?.(database);
    }
    if (!options.replace) {
      const existing: Record<string, RowCounts> = {};
      for (const [seeder, database] of databases) {
        const rows = await programRows(database.client, seeder);
        if (Object.values(rows).some((n) => n > 0)) existing[seeder.agency] = rows;
      }
      if (Object.keys(existing).length > 0) throw new ProgramNotEmptyError(existing);
    }
    const results: AgencyResult[] = [];
    for (const [seeder, database] of databases) {
      const started = performance.now();
      const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
      const rows = await inReservedTransaction(database.client, async (conn) => {
        if (options.replace) await clearProgram(conn, seeder);
        return seeder.write(conn, {
          today: options.today,
          nomads: options.nomads,
          years: options.years ?? 10,
          ...(options.seed === undefined ? {} : { seed: options.seed }),
          chunkSize: PROGRAM_CHUNK,
          onChunk: (done) => progress(`${seeder.agency}: ${done}/${options.nomads} nomads, ${seconds()} s`),
        }, database.client);
      });
      // Fresh statistics, so that the planner sees the program's real sizes at once.
      await analyzeProgram(database.client, seeder);
      const result = { agency: seeder.agency, rows, seconds: (performance.now() - started) / 1000 };
      progress(`${seeder.agency}: done in ${result.seconds.toFixed(1)} s (${Object.entries(rows).map(([t, n]) => `${t} ${n}`).join(', ')})`);
      results.push(result);
    }
    return results;
  } finally {
    for (const database of databases.values()) await database.close().catch(() => undefined);
  }
}

