import { pino } from 'pino';
import { startEmbeddedPostgres } from '../embedded.ts';

// A service stand-in: see README.md.
const dir = process.argv[2];
if (!dir) throw new Error('usage: hold-cluster.ts <cluster folder>');
const server = await startEmbeddedPostgres(dir, pino({ level: 'silent' }));
process.on('SIGINT', () => {
  void server.stop().then(() => process.exit(0));
});
process.stdout.write(`${JSON.stringify({ pid: process.pid, port: server.port, postmaster: server.pid, watchdog: server.watchdogPid })}\n`);
// Hold the cluster until a signal: the server's handles are unref'd, so keep the loop alive.
setInterval(() => undefined, 60_000);
