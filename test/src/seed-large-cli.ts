import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { bishkekDate, EnvError, processEnv, runCli, type Cli } from '@nomad/kit';
import { ProgramNotEmptyError, seedLargeProgram } from './program.ts';

const USAGE = `Usage: npm run seed:large -- [--nomads <n>] [--years <n>] [--today YYYY-MM-DD] [--seed <n>] [--replace]

Writes a program of national scale into every agency's database, in bulk (COPY): <n> nomads
over <years> years, their applications in every state, status periods, monitoring cases,
quarterly activity reports, evaluations, IE registrations and re-registrations, tax
declarations and payments, screenings and exit watches, the same people and facts in every
agency. Deterministic: the same options give the same program.

Options:
  --nomads <n>   people in the program, 1-2000000 (default 100000)
  --years <n>    years the program has run, 1-30 (default 10)
  --today <day>  the Bishkek day the program is built around (default today)
  --seed <n>     the world's random seed (default the sample's, 241)
  --replace      empty the agencies' programs first (rules, events and access ledgers stay);
                 without it a non-empty program is refused and nothing is written
  -h, --help     show this text

Databases: as npm start and each service (<AGENCY>_DATABASE_URL, <AGENCY>_OWNER_DATABASE_URL,
DATABASE_URL), else the embedded clusters in DATA_DIR (stop npm start first). Migrations are
applied as at start-up; npm start then finds the program and seeds nothing.

Exit status: 0 written, 1 an argument or configuration error, 2 the program is not empty,
130 interrupted (Ctrl-C).
`;

function wholeNumber(value: string | undefined, name: string, min: number, max: number, fallback: number): number | string {
  if (value === undefined) return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : `${name} must be a whole number from ${min} to ${max}.`;
}

async function main(cli: Cli): Promise<number> {
  const { argv, fail } = cli;
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        nomads: { type: 'string' },
        years: { type: 'string' },
        today: { type: 'string' },
        seed: { type: 'string' },
        replace: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    return fail(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
  }
  if (args.values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const nomads = wholeNumber(args.values.nomads, '--nomads', 1, 2_000_000, 100_000);
  if (typeof nomads === 'string') return fail(nomads);
  const years = wholeNumber(args.values.years, '--years', 1, 30, 10);
  if (typeof years === 'string') return fail(years);
  const seed = wholeNumber(args.values.seed, '--seed', 0, 2 ** 31, 241);
  if (typeof seed === 'string') return fail(seed);
  const today = args.values.today ?? bishkekDate(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) return fail('--today must be a day, YYYY-MM-DD.');

  const source = processEnv();
  // Logs (migrations, embedded clusters) go to stderr, quiet unless LOG_LEVEL asks.
  const logger = pino({ name: 'seed-large', level: source.LOG_LEVEL ?? 'warn' }, pino.destination(2));
  const started = Date.now();
  process.stdout.write(`seed:large: ${nomads} nomads over ${years} years up to ${today} (seed ${seed})${args.values.replace ? ', replacing the program' : ''}\n`);
  try {
    const results = await seedLargeProgram({
      today,
      nomads,
      years,
      seed,
      replace: args.values.replace,
      env: source,
      logger,
      progress: (line) => process.stdout.write(`  ${line}\n`),
      // Ctrl-C closes every database opened (the transaction in flight rolls back, an embedded cluster stops).
      opened: (database) => cli.onExit(() => database.close().catch(() => undefined)),
    });
    const rows = results.reduce((n, r) => n + Object.values(r.rows).reduce((a, b) => a + b, 0), 0);
    process.stdout.write(`seed:large: ${rows} rows in ${((Date.now() - started) / 1000).toFixed(1)} s (${results.map((r) => `${r.agency} ${r.seconds.toFixed(1)} s`).join(', ')})\n`);
    return 0;
  } catch (err) {
    if (err instanceof ProgramNotEmptyError) return fail(err.message, 2);
    if (err instanceof EnvError) return fail(err.message);
    return fail(err instanceof Error ? err.message : String(err));
  }
}

// Ctrl-C exits at once (130): what was written stays; run again with --replace.
await runCli(main, { name: 'seed:large' });
