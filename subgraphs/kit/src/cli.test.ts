import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT_INTERRUPTED } from './cli.ts';

const CHILD = fileURLToPath(new URL('./__fixtures__/cli-child.ts', import.meta.url));

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the fixture tool; `signals` are sent, in order, once it has printed `ready`. */
function run(mode: string, signals: NodeJS.Signals[] = []): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const before = stdout;
      stdout += chunk.toString();
      if (!before.includes('ready') && stdout.includes('ready')) {
        // One signal at a time, with a pause: the second must arrive after the first was handled.
        signals.forEach((signal, i) => setTimeout(() => child.kill(signal), 100 + i * 300));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      // 'exit' may come before the pipes are read to the end.
      setTimeout(() => resolve({ code, signal, stdout, stderr }), 50);
    });
  });
}

describe('runCli', () => {
  it('exits with what main returns, after its clean-ups', async () => {
    expect(await run('ok')).toMatchObject({ code: 0, stdout: 'ready\ncleaned up\n', stderr: '' });
    expect(await run('code')).toMatchObject({ code: 2, stdout: 'ready\ncleaned up\n', stderr: '' });
  });

  it("prints a user's error alone, without a stack, and exits 1", async () => {
    const result = await run('user-error');
    expect(result).toMatchObject({ code: 1, stderr: 'fixture: --batch-size must be a whole number.\n' });
    expect(result.stdout).toContain('cleaned up');
  });

  it('prints an unexpected error by name and message, never its stack, and exits 1', async () => {
    const result = await run('crash');
    expect(result).toMatchObject({ code: 1, stderr: 'fixture: unexpected error: TypeError: row 3 broke\n' });
    expect(result.stderr).not.toMatch(/\bat /);
  });

  it('SIGINT: a graceful tool finishes its unit of work and exits 130', async () => {
    const result = await run('graceful', ['SIGINT']);
    expect(result).toMatchObject({ code: EXIT_INTERRUPTED, signal: null, stderr: 'fixture: SIGINT: stopping after the current unit.\n' });
    expect(result.stdout).toBe('ready\nstopped after the current unit\ncleaned up\n');
  });

  it('SIGTERM is handled the same way', async () => {
    const result = await run('graceful', ['SIGTERM']);
    expect(result).toMatchObject({ code: EXIT_INTERRUPTED, stderr: 'fixture: SIGTERM: stopping after the current unit.\n' });
  });

  it('a second signal exits at once, clean-ups run, 130', async () => {
    const result = await run('stuck', ['SIGINT', 'SIGINT']);
    expect(result).toMatchObject({ code: EXIT_INTERRUPTED, signal: null });
    expect(result.stderr).toBe('fixture: SIGINT: stopping after the current unit.\nfixture: SIGINT: interrupted.\n');
    expect(result.stdout).toBe('ready\ncleaned up\n');
  });

  it('without a graceful stop, the first signal exits at once, clean-ups run, 130', async () => {
    const result = await run('immediate', ['SIGINT']);
    expect(result).toMatchObject({ code: EXIT_INTERRUPTED, signal: null, stderr: 'fixture: SIGINT: interrupted.\n', stdout: 'ready\ncleaned up\n' });
  });
});
