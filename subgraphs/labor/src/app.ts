import type { Clock } from './clock.ts';

/** Process-wide dependencies of the services (never per-user state). */
export interface App {
  clock: Clock;
}
