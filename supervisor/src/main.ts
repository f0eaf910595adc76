import { pino } from 'pino';
import { EnvError, processEnv } from '@nomad/contract';
import { loadSupervisorEnv, type SupervisorEnv } from './env.ts';
import { LAUNCH_MODE, missingBuilds, SERVICES } from './services.ts';
import { startSupervisor } from './supervisor.ts';

/**
 * `npm start`: the whole graph under one small supervisor process, from the TypeScript sources.
 * `npm run start:prod` (after `npm run build`): the same from the build, on plain node.
 */
let env: SupervisorEnv;
try {
  env = loadSupervisorEnv();
} catch (err) {
  if (!(err instanceof EnvError)) throw err;
  process.stderr.write(`supervisor: ${err.message}\n`);
  process.exit(1);
}
if (LAUNCH_MODE === 'dist') {
  const missing = missingBuilds(SERVICES);
  if (missing.length > 0) {
    process.stderr.write(`supervisor: no build of ${missing.join(', ')}: run npm run build first\n`);
    process.exit(1);
  }
}
const logger = pino({ name: 'supervisor', level: env.LOG_LEVEL, base: { service: 'supervisor' } });
logger.info({ mode: LAUNCH_MODE }, 'starting every service');
const supervisor = startSupervisor({
  services: SERVICES,
  env: processEnv(),
  logger,
  restart: { baseMs: env.SUPERVISOR_RESTART_BASE_MS, maxMs: env.SUPERVISOR_RESTART_MAX_MS, stableMs: env.SUPERVISOR_STABLE_MS },
  stopTimeoutMs: env.SUPERVISOR_STOP_TIMEOUT_MS,
});

const shutdown = (signal: NodeJS.Signals) => {
  logger.info({ signal }, 'stopping every service');
  supervisor.stop().then(
    () => process.exit(0),
    (err: unknown) => {
      logger.error({ err }, 'stop failed');
      process.exit(1);
    },
  );
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, shutdown);
