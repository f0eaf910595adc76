// What every agency's command line tool does before its own work: read its arguments (with
// `-h/--help`), read the agency's configuration, and open the agency's database as the service
// does (migrated by the owner role, served by the runtime role), closed when the tool exits.
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { pino, type Logger } from 'pino';
import { AGENCY_DEFAULT_PORTS, type AgencyName } from './agencies.ts';
import { subgraphEnvSchema } from './subgraph-env.ts';
import type { Cli } from './cli.ts';
import { openDatabase, type Database } from './db/database.ts';
import { EnvError, parseEnv, processEnv } from './env.ts';

const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;
type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * The tool's arguments by `node:util`'s `parseArgs`, `--help`/`-h` added; or the exit status
 * when there is nothing to run: 0 after printing `usage` for `--help`, `cli.fail`'s (the parse
 * error, then the usage) for a bad argument.
 */
export function parseCommandLine<const O extends Options>(cli: Pick<Cli, 'argv' | 'fail'>, usage: string, options: O, config: { allowPositionals?: boolean } = {}) {
  let parsed;
  try {
    parsed = parseArgs({ args: cli.argv, options: { ...options, ...HELP }, allowPositionals: config.allowPositionals ?? false, strict: true });
  } catch (err) {
    return cli.fail(`${err instanceof Error ? err.message : String(err)}\n\n${usage}`);
  }
  if ((parsed.values as { help?: boolean }).help === true) {
    process.stdout.write(usage);
    return 0;
  }
  return parsed;
}

/** An agency's database opened for a command line tool, and the tool's logger. */
export interface CliDatabase<TSchema extends Record<string, unknown>> {
  database: Database<TSchema>;
  /** On stderr (stdout stays the tool's output), quiet (`warn`) unless LOG_LEVEL asks. */
  logger: Logger;
}

/**
 * Opens the agency's database as its service does (`<AGENCY>_DATABASE_URL`/`DATABASE_URL`,
 * else the embedded cluster in DATA_DIR; migrations applied by the owner role) and closes it
 * when the tool exits (`cli.onExit`). A configuration error or a database that cannot be
 * opened is `cli.fail`'s exit status, with where it looked.
 */
export async function openCliDatabase<TSchema extends Record<string, unknown>>(
  cli: Pick<Cli, 'fail' | 'onExit'>,
  options: { agency: AgencyName; schema: TSchema; migrationsFolder: string; source: string },
): Promise<CliDatabase<TSchema> | number> {
  const { agency } = options;
  const source = processEnv();
  let env;
  try {
    env = parseEnv(subgraphEnvSchema(agency, AGENCY_DEFAULT_PORTS[agency]), source);
  } catch (err) {
    if (err instanceof EnvError) return cli.fail(err.message);
    throw err;
  }
  const logger = pino({ name: agency, level: source.LOG_LEVEL ? env.logLevel : 'warn', base: { service: agency, source: options.source } }, pino.destination(2));
  let database: Database<TSchema>;
  try {
    database = await openDatabase({ agency, url: env.databaseUrl, migrationUrl: env.ownerDatabaseUrl, migrationsFolder: options.migrationsFolder, warnWhenOwner: false, dataDir: env.dataDir, schema: options.schema, logger });
  } catch (err) {
    const variable = `${agency.toUpperCase()}_DATABASE_URL/DATABASE_URL`;
    const where = env.databaseUrl ? variable : `the embedded cluster in ${path.join(env.dataDir, agency)} (stop npm start first)`;
    return cli.fail(`cannot open the ${agency} database at ${where}: ${err instanceof Error ? err.message : String(err)}`);
  }
  cli.onExit(() => database.close());
  return { database, logger };
}
