import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A process as recorded on disk: its PID and, where the OS tells it (Linux), its start time,
 * so that a PID the kernel has since given to another process does not pass for it.
 */
export interface ProcessIdentity {
  pid: number;
  /** Field 22 of `/proc/<pid>/stat` (clock ticks since boot); null where there is no /proc. */
  startTime: string | null;
}

/** Field 22 of `/proc/<pid>/stat`, or null when the process is gone or there is no /proc. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces: count after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

export function identify(pid: number): ProcessIdentity {
  return { pid, startTime: processStartTime(pid) };
}

/** Whether a process with this PID exists (a process of another user counts: EPERM). */
export function isPidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the recorded process still runs: same PID and, where known, same start time. */
export function isAlive(identity: ProcessIdentity): boolean {
  if (!isPidAlive(identity.pid)) return false;
  if (identity.startTime === null) return true;
  const now = processStartTime(identity.pid);
  // No /proc answer for a PID that exists: nothing to compare, trust the PID.
  return now === null || now === identity.startTime;
}

/** The executable name of a process (Linux `/proc/<pid>/comm`), or null when unknown. */
export function processName(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return null;
  }
}

/**
 * Resolves true once the process is gone, false when it is still there after `timeoutMs`.
 * A poll: a process that is not our child offers nothing to wait on.
 */
export async function waitUntilGone(identity: ProcessIdentity, timeoutMs: number, intervalMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(identity)) {
    if (Date.now() >= deadline) return false;
    await sleep(intervalMs);
  }
  return true;
}
