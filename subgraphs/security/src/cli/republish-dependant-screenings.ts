import { fileURLToPath } from 'node:url';
import { openCliDatabase, parseCommandLine, runCli, type Cli } from '@nomad/kit';
import { schema } from '../db/index.ts';
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

async function main(cli: Cli): Promise<number> {
  const { fail } = cli;
  const args = parseCommandLine(cli, USAGE, { 'batch-size': { type: 'string' } });
  if (typeof args === 'number') return args;
  const raw = args.values['batch-size'];
  const batchSize = raw === undefined ? DEFAULT_REPUBLISH_BATCH : Number(raw);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_REPUBLISH_BATCH) return fail(`--batch-size must be a whole number from 1 to ${MAX_REPUBLISH_BATCH}.`);

  const opened = await openCliDatabase(cli, { agency: 'security', schema, migrationsFolder: MIGRATIONS_FOLDER, source: 'republish' });
  if (typeof opened === 'number') return opened;
  try {
    const published = await republishDependantConclusions(opened.database.db, { batchSize, onBatch: (n) => process.stderr.write(`  ${n} published\n`) });
    process.stdout.write(`republished DependantScreeningConcluded for ${published} concluded family member screening(s).\n`);
    return 0;
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  }
}

await runCli(main, { name: 'republish' });
