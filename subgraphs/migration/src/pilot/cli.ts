import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT_INTERRUPTED, openCliDatabase, parseCommandLine, processEnv, runCli, type Cli } from '@nomad/kit';
import { systemClock } from '../clock.ts';
import { schema } from '../db/index.ts';
import { RulesError } from '../modules/rules/service.ts';
import { importPilotHolders, PilotFileError, PilotImportError } from './import.ts';
import { exitCodeOf, formatReport } from './report.ts';

const USAGE = `Usage: npm run import:pilot -w @nomad/migration -- <file.csv> [--dry-run] [--json] [--actor <id>]

Imports holders of the 2022-2024 pilot status into the migration database: for each valid
row a nomad, a PILOT_2022_2024 status period and its GRANTED event, marked with the pilot
as their source. One transaction per row; rows already imported are skipped, so a file can
be run again safely.

Columns (header row, any order, any case): surname, given_names, date_of_birth, sex,
citizenship, passport_country, passport_number, passport_expires_on, email, pin (optional:
ZHAAK assigns one), status_valid_from, status_valid_until, activity_code (optional).

Options:
  --dry-run      check every row in a transaction that is rolled back: nothing is written
                 and ZHAAK is not asked for PINs
  --json         print the report as JSON (stdout) instead of text
  --actor <id>   recorded as grantedBy and event actor (default: pilot-import)
  -h, --help     show this text

Database: MIGRATION_DATABASE_URL or DATABASE_URL, else the embedded cluster of npm start
(DATA_DIR/migration; stop the service first). Migrations are applied as at start-up.

Exit status: 0 the file was processed (even with skipped rows), 1 a file, argument or
configuration error (nothing imported), 2 every row was skipped, 130 interrupted (Ctrl-C:
rows before the current one stay imported).
`;

const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));
const DEFAULT_ACTOR = 'pilot-import';

async function main(cli: Cli): Promise<number> {
  const { fail } = cli;
  const args = parseCommandLine(
    cli,
    USAGE,
    {
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      actor: { type: 'string', default: DEFAULT_ACTOR },
    },
    { allowPositionals: true },
  );
  if (typeof args === 'number') return args;
  const [file, ...extra] = args.positionals;
  if (!file || extra.length > 0) return fail(`expected exactly one CSV file, got ${args.positionals.length}.\n\n${USAGE}`);
  const actor = args.values.actor.trim();
  if (!actor) return fail('--actor must not be empty.');

  const source = processEnv();
  // `npm run -w` runs in the package folder; INIT_CWD is where the operator typed the command.
  const filePath = path.resolve(source.INIT_CWD ?? process.cwd(), file);
  let csvText: string;
  try {
    csvText = await readFile(filePath, 'utf8');
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    return fail(`cannot read ${filePath}${typeof code === 'string' ? ` (${code})` : ''}.`);
  }

  // Logs go to stderr so that --json output stays parseable.
  const opened = await openCliDatabase(cli, { agency: 'migration', schema, migrationsFolder: MIGRATIONS_FOLDER, source: 'import:pilot' });
  if (typeof opened === 'number') return opened;
  const { database, logger } = opened;

  // Ctrl-C stops after the row in flight (a row takes milliseconds); a second one exits at
  // once (runCli), and the row in flight rolls back when its connection drops.
  try {
    const report = await importPilotHolders(database.db, { csvText, clock: systemClock, actor, dryRun: args.values['dry-run'], logger, signal: cli.signal });
    if (report.total === 0) return fail(`${file} has a header but no data rows.`);
    process.stdout.write(args.values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, file));
    return exitCodeOf(report);
  } catch (err) {
    if (err instanceof PilotImportError && cli.signal.aborted) return fail(err.message, EXIT_INTERRUPTED);
    // Database errors of rows arrive as PilotImportError, whose message holds no row data.
    if (err instanceof PilotFileError || err instanceof PilotImportError || err instanceof RulesError) return fail(err.message);
    throw err;
  }
}

await runCli(main, { name: 'import:pilot', graceful: 'stopping after the current row' });
