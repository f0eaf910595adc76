import type { Clock } from './clock.ts';

/** Wakes the campaign runner when a campaign starts (the runner also polls on its own). */
export interface CampaignWaker {
  wake(): void;
}

/** Process-wide dependencies of the services (never per-user state). */
export interface App {
  clock: Clock;
  campaigns: CampaignWaker;
}
