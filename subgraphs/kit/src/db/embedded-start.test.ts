import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import type * as FsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { pino } from 'pino';
import { startEmbeddedPostgres } from './embedded.ts';
import { identify, waitUntilGone } from './processes.ts';

/** While set, the kit reads every postmaster.pid as empty: a cluster that "wrote no postmaster.pid". */
const hide = vi.hoisted(() => ({ postmasterPid: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  const readFile = ((file: Parameters<typeof actual.readFile>[0], ...rest: [never]) =>
    hide.postmasterPid && typeof file === 'string' && file.endsWith('postmaster.pid') ? Promise.resolve('') : actual.readFile(file, ...rest)) as typeof actual.readFile;
  return { ...actual, readFile };
});

describe('startEmbeddedPostgres when a step after the cluster started fails', () => {
  let dataDir = '';
  afterAll(async () => {
    // A cluster left running by the code under test is stopped here, so that the run leaves none behind.
    const pidFile = path.join(dataDir, 'delta', 'postmaster.pid');
    if (dataDir && existsSync(pidFile)) {
      const postmaster = identify(Number(readFileSync(pidFile, 'utf8').split('\n')[0]));
      process.kill(postmaster.pid, 'SIGINT');
      await waitUntilGone(postmaster, 60_000);
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('stops the cluster before the error goes on', { timeout: 120_000 }, async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'nomad-embedded-start-'));
    // mkdtemp makes the folder 0700; as root, the postgres OS user must be able to enter it.
    await chmod(dataDir, 0o755);
    hide.postmasterPid = true;
    await expect(startEmbeddedPostgres(path.join(dataDir, 'delta'), pino({ level: 'silent' }))).rejects.toThrow('wrote no postmaster.pid');
    // The real file: a running postmaster keeps it, its shutdown removes it.
    expect(existsSync(path.join(dataDir, 'delta', 'postmaster.pid'))).toBe(false);
  });
});
