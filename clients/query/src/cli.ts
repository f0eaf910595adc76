// `npm run query -- file.graphql [options]`: the analysts' query runner (docs/analysts.md,
// "The query runner"). Exit codes: errors.ts.
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArguments, USAGE } from './args.ts';
import { readEnv, type RunnerEnv } from './env.ts';
import { EXIT, RunnerError, type ExitCode } from './errors.ts';
import { runQuery, type RunDeps } from './run.ts';

/** Parses `argv`, runs the export, prints what stopped it; returns the exit code. */
export async function runCli(argv: string[], env: RunnerEnv, cwd: string, deps: RunDeps): Promise<ExitCode> {
  try {
    const parsed = parseArguments(argv, env, cwd);
    if (parsed.help) {
      deps.stderr.write(USAGE);
      return EXIT.OK;
    }
    return await runQuery(parsed.options, deps);
  } catch (error) {
    if (error instanceof RunnerError) {
      deps.stderr.write(`query: ${error.message}\n`);
      return error.exitCode;
    }
    // Unexpected: its message only (a stack names files, not data; but the message is enough).
    deps.stderr.write(`query: failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.FAILED;
  }
}

async function main(): Promise<void> {
  const stop = { requested: false };
  process.on('SIGINT', () => {
    if (stop.requested) {
      // A second Ctrl-C: stop now. The progress file still names the last committed page, and
      // a resume truncates whatever was written after it.
      process.stderr.write('\nquery: stopped; re-run the same command to continue from the last committed page.\n');
      process.exit(EXIT.INTERRUPTED);
    }
    stop.requested = true;
    process.stderr.write('\nquery: stopping after this page (Ctrl-C again to stop now)…\n');
  });
  process.exitCode = await runCli(process.argv.slice(2), readEnv(), process.cwd(), {
    fetch: (url, init) => fetch(url, init),
    stdout: process.stdout,
    stderr: process.stderr,
    now: () => Date.now(),
    sleep: (ms) => sleep(ms),
    stop,
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
