import type { Logger } from '@nomad/kit';
import type { CampaignWaker } from '../../app.ts';
import type { Clock } from '../../clock.ts';
import type { TaxDb } from '../../db/index.ts';
import { getRunningCampaign } from './queries.ts';
import { runCampaign } from './service.ts';

export interface CampaignRunner extends CampaignWaker {
  /** Resolves when the pass in flight (and any pass it was asked for meanwhile) is over. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Works the running campaign in the background: at start-up (so a campaign interrupted by a
 * stop or a crash is finished after the restart), whenever a campaign starts (`wake`), and
 * every `intervalMs`. Replicas cooperate: each claims its own batches.
 * @param intervalMs @default 60_000 // 1 minute
 */
export function startCampaignRunner(db: TaxDb, clock: Clock, logger: Logger, intervalMs = 60_000): CampaignRunner {
  const log = logger.child({ source: 'campaign' });
  const controller = new AbortController();
  let running: Promise<void> | null = null;
  let again = false;

  const pass = async () => {
    const campaign = await getRunningCampaign(db);
    if (!campaign) return;
    log.info({ campaignId: campaign.id, total: campaign.total }, 'working reregistration campaign');
    const progress = await runCampaign(db, clock, campaign, { signal: controller.signal });
    log.info({ campaignId: campaign.id, ...progress }, 'reregistration campaign pass finished');
  };

  const wake = () => {
    if (controller.signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await pass().catch((err: unknown) => log.error({ err }, 'campaign pass failed; will retry'));
      } while (again && !controller.signal.aborted);
    })().finally(() => {
      running = null;
    });
  };

  wake();
  const timer = setInterval(wake, intervalMs);
  timer.unref();
  return {
    wake,
    async idle() {
      while (running) await running;
    },
    async stop() {
      clearInterval(timer);
      controller.abort();
      while (running) await running;
    },
  };
}
