/**
 * A command line tool for cli.test.ts: `node --import tsx cli-child.ts <mode>`. It prints
 * `ready` once its signal handlers are in place, then behaves as `mode` says.
 */
import { CliError, EXIT_INTERRUPTED, runCli } from '../cli.ts';

const mode = process.argv[2] ?? 'ok';

await runCli(
  async (cli) => {
    cli.onExit(() => new Promise<void>((resolve) => process.stdout.write('cleaned up\n', () => resolve())));
    process.stdout.write('ready\n');
    switch (mode) {
      case 'ok':
        return 0;
      case 'code':
        return 2;
      case 'user-error':
        throw new CliError('--batch-size must be a whole number.');
      case 'crash':
        throw new TypeError('row 3 broke');
      case 'graceful':
        // A unit of work per tick until the first signal; then it finishes and says so.
        await new Promise<void>((resolve) => {
          const work = setInterval(() => {}, 50);
          cli.signal.addEventListener('abort', () => {
            clearInterval(work);
            resolve();
          });
        });
        process.stdout.write('stopped after the current unit\n');
        return EXIT_INTERRUPTED;
      default:
        // 'immediate' and 'stuck': never finishes on its own.
        await new Promise<void>(() => setInterval(() => {}, 1000));
        return 0;
    }
  },
  { name: 'fixture', argv: process.argv.slice(3), ...(mode === 'graceful' || mode === 'stuck' ? { graceful: 'stopping after the current unit' } : {}) },
);
