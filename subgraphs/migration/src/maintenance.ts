import type { Logger } from '@nomad/kit';
import type { App } from './app.ts';
import type { MigrationDb } from './db/index.ts';
import { cancelLapsed } from './modules/review/service.ts';
import { recordExpiries } from './modules/status/service.ts';
import { alertMissingHolidays, missingHolidayYearsNow } from './modules/rules/service.ts';
import { announceRuleChanges } from './events.ts';

export interface MaintenanceResult {
  cancelled: number;
  expired: number;
  /** Whether rule values other agencies apply had changed and were announced (`RulesChanged`). */
  announced: boolean;
}

/**
 * Time-driven transitions: returned applications whose correction window closed are
 * cancelled; statuses whose last period ended get their expiry recorded and StatusExpired
 * published; rule values that changed since their last announcement are announced
 * (`RulesChanged`). Safe to run on several replicas at once (guarded updates, unique expiry
 * index, the announcer's lock).
 */
export async function runMaintenance(db: MigrationDb, app: App): Promise<MaintenanceResult> {
  const cancelled = await cancelLapsed(db, app);
  const expired = await recordExpiries(db, app);
  const announced = await announceRuleChanges(db);
  return { cancelled, expired, announced };
}

/**
 * Runs maintenance now and then every `intervalMs` until stopped; each run also alerts the
 * operator (`HOLIDAYS_YEAR_MISSING`) while this year's or next year's holidays are not loaded.
 * @default intervalMs 15 minutes
 */
export function startMaintenance(db: MigrationDb, app: App, logger: Logger, intervalMs = 15 * 60_000): { stop(): Promise<void> } {
  const log = logger.child({ source: 'maintenance' });
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = runMaintenance(db, app)
      .then(async (r) => {
        if (r.cancelled || r.expired) log.info({ cancelled: r.cancelled, expired: r.expired }, 'maintenance applied time-driven transitions');
        if (r.announced) log.info({ event: 'RulesChanged' }, 'announced changed rule values to the other agencies');
        alertMissingHolidays(log, await missingHolidayYearsNow(db, app.clock), 'maintenance');
      })
      .catch((err: unknown) => log.error({ err }, 'maintenance failed; will retry'));
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
