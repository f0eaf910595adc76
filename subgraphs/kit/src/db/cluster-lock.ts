import { randomBytes } from 'node:crypto';
import { link, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { identify, isAlive, type ProcessIdentity } from './processes.ts';

/** Refused: the data folder belongs to a live service, or cannot be claimed now. */
export class ClusterInUseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClusterInUseError';
  }
}

export interface ClusterLock {
  path: string;
  /**
   * The service that held the folder before us and is gone (crashed, killed): its cluster
   * may still be running, orphaned. Null when the folder had no owner on record.
   */
  previousOwner: ProcessIdentity | null;
  /** Removes the lock if it is still ours. */
  release(): Promise<void>;
}

/** `<cluster folder>.lock`: beside the cluster, not in it (the folder belongs to the postgres user). */
export function lockPathOf(databaseDir: string): string {
  return `${databaseDir}.lock`;
}

function parseOwner(text: string): ProcessIdentity | null {
  try {
    const value = JSON.parse(text) as Partial<ProcessIdentity>;
    if (typeof value.pid === 'number' && (typeof value.startTime === 'string' || value.startTime === null)) {
      return { pid: value.pid, startTime: value.startTime };
    }
  } catch {
    // unreadable: written by no version of this code
  }
  return null;
}

async function readOwner(path: string): Promise<ProcessIdentity | null | 'missing'> {
  try {
    return parseOwner(await readFile(path, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw err;
  }
}

const sameOwner = (a: ProcessIdentity | null, b: ProcessIdentity | null) =>
  a === b || (a !== null && b !== null && a.pid === b.pid && a.startTime === b.startTime);

function inUse(databaseDir: string, owner: ProcessIdentity): ClusterInUseError {
  return new ClusterInUseError(
    `The embedded PostgreSQL in ${databaseDir} belongs to process ${owner.pid}, which is still running: ` +
      'two services cannot share one data folder. Stop that process, or give this one another DATA_DIR.',
  );
}

/**
 * Claims the cluster folder for this process: a lock file beside it naming our PID and start
 * time. The file is complete before it appears (written aside, then hard-linked, which fails
 * if a lock exists), so a reader never sees half of one.
 *
 * A lock naming a live process is refused. A lock naming a dead one is moved aside (a rename
 * is atomic: of two services racing for the same stale lock, one moves it and the other finds
 * nothing or a fresh lock, which it puts back and refuses).
 */
export async function acquireClusterLock(databaseDir: string): Promise<ClusterLock> {
  const path = lockPathOf(databaseDir);
  const me = identify(process.pid);
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(draft, JSON.stringify(me), { mode: 0o644 });
  let previousOwner: ProcessIdentity | null = null;
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await link(draft, path);
        return { path, previousOwner, release: () => releaseLock(path, me) };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const current = await readOwner(path);
      if (current === 'missing') continue;
      if (current && isAlive(current)) throw inUse(databaseDir, current);
      const aside = `${path}.stale.${process.pid}`;
      try {
        await rename(path, aside);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw err;
      }
      const moved = await readOwner(aside);
      if (moved === 'missing' || !sameOwner(moved, current)) {
        // Another service claimed the folder between our read and our rename: give it back.
        await link(aside, path).catch(() => undefined);
        await unlink(aside).catch(() => undefined);
        throw new ClusterInUseError(`Another service is starting on ${databaseDir} at this moment.`);
      }
      await unlink(aside);
      previousOwner = current;
    }
    throw new ClusterInUseError(`Could not claim ${databaseDir}: its lock ${path} keeps changing.`);
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}

async function releaseLock(path: string, me: ProcessIdentity): Promise<void> {
  const current = await readOwner(path).catch(() => null);
  if (current !== 'missing' && sameOwner(current, me)) await unlink(path).catch(() => undefined);
}
