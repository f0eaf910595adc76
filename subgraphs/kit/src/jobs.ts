import type { SubgraphServer } from './http/server.ts';

/** Something running beside the server (a job runner, maintenance): stopped before the server. */
export interface BackgroundJob {
  stop(): Promise<void>;
}

/** The server plus the agency's jobs: the jobs stop first (their work in flight ends while the database is open). */
function withJobs(server: SubgraphServer, jobs: BackgroundJob[]): SubgraphServer {
  if (jobs.length === 0) return server;
  return {
    ...server,
    async stop() {
      for (const job of jobs) await job.stop();
      await server.stop();
    },
  };
}

/**
 * Starts the server beside the jobs already running; the server it answers stops them first.
 * A server that fails to start stops them, each in turn, before its error goes on: the start's
 * clean-up (`runSubgraph`) knows only the server it got, and would close the database under
 * jobs still at work.
 */
export async function startBesideJobs(jobs: BackgroundJob[], startServer: () => Promise<SubgraphServer>): Promise<SubgraphServer> {
  let server: SubgraphServer;
  try {
    server = await startServer();
  } catch (err) {
    // The start error is the one to report: a job that also fails to stop must not hide it.
    for (const job of jobs) await job.stop().catch(() => undefined);
    throw err;
  }
  return withJobs(server, jobs);
}
