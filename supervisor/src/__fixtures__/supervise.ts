import { pino } from 'pino';
import { processEnv } from '@nomad/contract';
import { startSupervisor } from '../supervisor.ts';
import { FAKE_SERVICES, FAKE_SERVICE, launchFake } from './fakes.ts';

// A supervisor process for supervisor.test.ts to kill: prints each spawn as a JSON line.
const supervisor = startSupervisor({
  services: FAKE_SERVICES,
  env: processEnv(),
  logger: pino({ level: 'silent' }),
  restart: { baseMs: 100, maxMs: 400, stableMs: 60_000 },
  stopTimeoutMs: 5_000,
  launch: (spec) => launchFake(spec),
  cwd: FAKE_SERVICE.root,
});
// The first spawns happen inside startSupervisor: read their PIDs, then listen for restarts.
const print = (name: string, pid: number | undefined) => process.stdout.write(`${JSON.stringify({ name, pid })}\n`);
for (const { name } of FAKE_SERVICES) print(name, supervisor.pid(name));
supervisor.on('spawn', print);
