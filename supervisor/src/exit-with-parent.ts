/**
 * Loaded first into every supervised service (`--import`). The supervisor gives each service
 * an IPC channel and nothing else uses it: the channel closes when the supervisor ends, by
 * any means (SIGKILL included), and the service then stops itself as on SIGTERM (relay,
 * server, database and its embedded cluster, in order) instead of living on as an orphan
 * that holds its port and data folder.
 */
if (process.channel) {
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  // The channel must not keep a service alive that has finished.
  process.channel.unref();
}

export {};
