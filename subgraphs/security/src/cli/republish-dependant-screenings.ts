import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { EnvError, openDatabase, parseEnv, processEnv, subgraphEnvSchema, type Database } from '@nomad/kit';
import { schema, type SecuritySchema } from '../db/index.ts';
import { DEFAULT_REPUBLISH_BATCH, MAX_REPUBLISH_BATCH, republishDependantConclusions } from '../modules/screenings/republish.ts';

const USAGE = `Usage: npm run republish:dependant-screenings -w @nomad/security -- [--batch-size <n>]

Publishes DependantScreeningConcluded again for every concluded screening of a family member
(outcome and time as concluded), through the outbox, one transaction per batch; the running
service's relay delivers them to migration. For adults whose screening GKNB concluded before the
event existed (migration's drizzle 0016 backfilled them PENDING). Every run publishes them all
again: migration ignores a conclusion it already records, so running it twice is safe.

Options:
  --batch-size <n>   screenings per transaction, 1-${MAX_REPUBLISH_BATCH} (default ${DEFAULT_REPUBLISH_BATCH})
  -h, --help         show this text

Database: SECURITY_DATABASE_URL or DATABASE_URL, else the embedded cluster of npm start
(DATA_DIR/security; stop the service first). Migrations are applied as at start-up.

Exit status: 0 done (prints how many were published), 1 an argument, configuration or database error.
`;

const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

function fail(message: string): 1 {
  process.stderr.write(`republish: ${message}\n`);
  return 1;
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: { 'batch-size': { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } });
  } catch (err) {
    return fail(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
  }
  if (args.values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const raw = args.values['batch-size'];
  const batchSize = raw === undefined ? DEFAULT_REPUBLISH_BATCH : Number(raw);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_REPUBLISH_BATCH) return fail(`--batch-size must be a whole number from 1 to ${MAX_REPUBLISH_BATCH}.`);

  const source = processEnv();
  let env;
  try {
    env = parseEnv(subgraphEnvSchema('security', 4004), source);
  } catch (err) {
    if (err instanceof EnvError) return fail(err.message);
    throw err;
  }
  const logger = pino({ name: 'security', level: source.LOG_LEVEL ? env.logLevel : 'warn', base: { service: 'security', source: 'republish' } }, pino.destination(2));
  let database: Database<SecuritySchema>;
  try {
    database = await openDatabase({ agency: 'security', url: env.databaseUrl, migrationUrl: env.ownerDatabaseUrl, migrationsFolder: MIGRATIONS_FOLDER, warnWhenOwner: false, dataDir: env.dataDir, schema, logger });
  } catch (err) {
    const where = env.databaseUrl ? 'SECURITY_DATABASE_URL/DATABASE_URL' : `the embedded cluster in ${path.join(env.dataDir, 'security')} (stop npm start first)`;
    return fail(`cannot open the security database at ${where}: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    const published = await republishDependantConclusions(database.db, { batchSize, onBatch: (n) => process.stderr.write(`  ${n} published\n`) });
    process.stdout.write(`republished DependantScreeningConcluded for ${published} concluded family member screening(s).\n`);
    return 0;
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  } finally {
    await database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
