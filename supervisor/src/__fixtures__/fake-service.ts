import { appendFileSync } from 'node:fs';
import { processEnv } from '@nomad/contract';

// A service stand-in for supervisor.test.ts: argv[2] is its name. It notes in FAKE_LOG that it
// is up (its SIGTERM handler in place) and each SIGTERM, on which it exits, unless FAKE_IGNORE_TERM names it (a service that hangs on stop).
const name = process.argv[2] ?? 'fake';
const env = processEnv();
const log = env.FAKE_LOG;
const stubborn = (env.FAKE_IGNORE_TERM ?? '').split(',').includes(name);
process.on('SIGTERM', () => {
  if (log) appendFileSync(log, `${name} SIGTERM\n`);
  if (!stubborn) process.exit(0);
});
if (log) appendFileSync(log, `${name} up\n`);
setInterval(() => undefined, 60_000);
