import { fileURLToPath } from 'node:url';
import { EXIT_INTERRUPTED, openCliDatabase, parseCommandLine, runCli, type Cli } from '@nomad/kit';
import { systemClock } from '../clock.ts';
import { schema } from '../db/index.ts';
import { DEFAULT_BATCH_SIZE, getProgress, MAX_BATCH_SIZE, runCampaign, startOrResumeCampaign } from '../modules/campaign/service.ts';
import { listFailures } from '../modules/campaign/queries.ts';
import { progressWriter } from './progress.ts';

const USAGE = `Usage: npm run campaign -w @nomad/tax -- [--batch-size <n>] [--throttle-ms <n>]

Re-registers every foreign IE pending re-registration, in batches, with a progress bar on
stderr (plain lines when stderr is not a terminal). If a campaign is already running (started
from the API, or interrupted), it is resumed instead: each IE is re-registered exactly once
whatever stopped the previous run. The tax subgraph, when running, works the same campaign
alongside; both claim their own batches.

Options:
  --batch-size <n>   IEs per batch transaction, 1-${MAX_BATCH_SIZE} (default ${DEFAULT_BATCH_SIZE}; a resumed campaign keeps its own)
  --throttle-ms <n>  pause between batches, to spare a busy database (default 0)
  -h, --help         show this text

Database: TAX_DATABASE_URL or DATABASE_URL, else the embedded cluster of npm start
(DATA_DIR/tax; stop the service first). Migrations are applied as at start-up.

Exit status: 0 every IE re-registered, 2 the campaign ended with failed items (listed),
1 an argument or configuration error, 130 interrupted (Ctrl-C: run again to finish).
`;

const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

function positiveInt(value: string | undefined, name: string, max: number): number | string {
  if (value === undefined) return NaN;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= max ? n : `${name} must be a whole number from 0 to ${max}.`;
}

async function main(cli: Cli): Promise<number> {
  const { fail } = cli;
  const args = parseCommandLine(cli, USAGE, {
    'batch-size': { type: 'string' },
    'throttle-ms': { type: 'string', default: '0' },
  });
  if (typeof args === 'number') return args;
  const batch = args.values['batch-size'] === undefined ? DEFAULT_BATCH_SIZE : positiveInt(args.values['batch-size'], '--batch-size', MAX_BATCH_SIZE);
  if (typeof batch === 'string') return fail(batch);
  if (batch < 1) return fail('--batch-size must be at least 1.');
  const throttleMs = positiveInt(args.values['throttle-ms'], '--throttle-ms', 60_000);
  if (typeof throttleMs === 'string') return fail(throttleMs);

  // Logs go to stderr with the bar.
  const opened = await openCliDatabase(cli, { agency: 'tax', schema, migrationsFolder: MIGRATIONS_FOLDER, source: 'campaign' });
  if (typeof opened === 'number') return opened;
  const { database } = opened;
  // Ctrl-C stops after the batch in flight commits; a second one exits at once (runCli): the
  // batch in flight then rolls back with its connection, and its items stay pending for the next run.
  const bar = progressWriter(process.stderr);
  try {
    const { campaign, resumed } = await startOrResumeCampaign(database.db, { batchSize: batch, startedBy: 'cli', now: systemClock.now() });
    process.stderr.write(`campaign ${campaign.id} ${resumed ? 'resumed' : 'started'}: ${campaign.total} IEs\n`);
    bar.update(await getProgress(database.db, campaign));
    const progress = await runCampaign(database.db, systemClock, campaign, {
      signal: cli.signal,
      onProgress: (p) => bar.update(p),
      ...(throttleMs > 0 ? { afterBatch: () => new Promise<void>((resolve) => setTimeout(resolve, throttleMs)) } : {}),
    });
    bar.finish();
    if (cli.signal.aborted && progress.pending > 0) {
      process.stdout.write(`interrupted: ${progress.done} done, ${progress.failed} failed, ${progress.pending} pending; run again to finish.\n`);
      return EXIT_INTERRUPTED;
    }
    process.stdout.write(`campaign ${campaign.id}: ${progress.done} re-registered, ${progress.failed} failed, ${progress.pending} pending (of ${progress.total}).\n`);
    if (progress.failed > 0) {
      const failures = await listFailures(database.db, { campaignId: campaign.id, page: { limit: 50, after: null } });
      // Registration ids and reasons only: a PIN does not belong in a terminal's scrollback.
      for (const f of failures.slice(0, 50)) process.stdout.write(`  failed ${f.registrationId}: ${f.failureReason ?? 'unknown'}\n`);
      if (progress.failed > 50) process.stdout.write(`  … and ${progress.failed - 50} more (query reregistrationCampaign { failures }).\n`);
      return 2;
    }
    return 0;
  } catch (err) {
    bar.finish();
    return fail(err instanceof Error ? err.message : String(err));
  }
}

await runCli(main, { name: 'campaign', graceful: 'stopping after the current batch' });
