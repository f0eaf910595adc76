import { z } from 'zod';
import { parseEnv, processEnv, type EnvSource } from '@nomad/contract';

const positiveInt = z.coerce.number().int().positive();

const supervisorEnvSchema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Wait before the first restart of a service that exited; doubles per failure. @default 1000 */
  SUPERVISOR_RESTART_BASE_MS: positiveInt.default(1_000),
  /** Longest wait between restarts: with a start of a few seconds, a service is back within 30 s however often it crashed. @default 20000 // 20 seconds */
  SUPERVISOR_RESTART_MAX_MS: positiveInt.default(20_000),
  /** A service up this long counts as healthy again: its next failure waits the base delay. @default 60000 */
  SUPERVISOR_STABLE_MS: positiveInt.default(60_000),
  /** How long a service gets to stop after SIGTERM before SIGKILL (its watchdog then stops its cluster). @default 15000 */
  SUPERVISOR_STOP_TIMEOUT_MS: positiveInt.default(15_000),
});

export type SupervisorEnv = z.infer<typeof supervisorEnvSchema>;

/** @throws EnvError listing every invalid variable */
export function loadSupervisorEnv(source: EnvSource = processEnv()): SupervisorEnv {
  return parseEnv(supervisorEnvSchema, source);
}
