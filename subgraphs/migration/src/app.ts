import type { Clock } from './clock.ts';
import type { Zhaak } from './zhaak.ts';

/** Process-wide dependencies of the services (never per-user state). */
export interface App {
  clock: Clock;
  /** Assigns PINs on first approval. */
  zhaak: Zhaak;
}
