import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';

/**
 * Stops a PostgreSQL cluster when the service that started it dies, however it dies.
 *
 * The watchdog is a tiny shell (about 1 MB) blocked in `read` on a pipe whose only writing
 * end this process holds. The kernel closes that end when this process ends, SIGKILL and
 * out-of-memory kills included; `read` then sees end-of-file and the shell sends the
 * postmaster SIGINT, PostgreSQL's "fast shutdown" (roll back open transactions, checkpoint,
 * remove postmaster.pid). Nothing polls and nothing runs inside the cluster.
 *
 * It runs in its own session, so a Ctrl-C in the terminal does not kill it before it has done
 * its job, and, when we are root, as the cluster's owner, so that it can signal nothing but
 * PostgreSQL processes.
 */
const SCRIPT = 'read -r _ignored; kill -INT "$1" 2>/dev/null';

export interface Watchdog {
  pid: number;
  /** Stops the watchdog without touching the cluster: before a clean stop. */
  disarm(): void;
}

export function armWatchdog(postmasterPid: number, runAs: { uid: number; gid: number } | null): Watchdog {
  const child = spawn('/bin/sh', ['-c', SCRIPT, 'nomad-postgres-watchdog', String(postmasterPid)], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true,
    ...(runAs ?? {}),
  });
  // Neither the child nor the pipe may keep this process alive: the pipe is held, not used.
  child.unref();
  (child.stdin as unknown as Socket).unref();
  child.on('error', () => undefined);
  return {
    pid: child.pid ?? 0,
    disarm() {
      child.kill('SIGKILL');
      child.stdin?.destroy();
    },
  };
}
