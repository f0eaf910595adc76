import { describeHandlerError, isPgError, PG_UNIQUE_VIOLATION, recordServiceProcessing, toConnection, toPage, userError, type CountedConnection, type PageArgs, type UserError } from '@nomad/kit';
import { assertTaxOfficer, isTaxOfficer } from '../../access.ts';
import type { App } from '../../app.ts';
import type { Clock } from '../../clock.ts';
import type { Context } from '../../context.ts';
import type { TaxDb } from '../../db/index.ts';
import { accessTables, type CampaignFailureCode, type CampaignItemRow, type CampaignRow, type RegimeRow } from '../../db/schema.ts';
import { ACCESS_POLICY } from '../../personal-fields.ts';
import { getRegimes, getRegistrationsByIds } from '../registrations/queries.ts';
import { reregister } from '../registrations/service.ts';
import { claimBatch, completeIfDone, countCampaigns, createCampaign, getProgressByCampaignIds, getRunningCampaign, listCampaigns, listFailures, markItem, type ProgressRow } from './queries.ts';

/** Items per batch transaction when the caller names none. @default 50 */
export const DEFAULT_BATCH_SIZE = 50;
export const MAX_BATCH_SIZE = 1000;
/** Recorded as the actor of a campaign's register entries. */
export const CAMPAIGN_ACTOR = 'campaign';

export interface CampaignProgress {
  total: number;
  done: number;
  pending: number;
  failed: number;
}

export function progressOf(campaign: CampaignRow, rows: readonly ProgressRow[]): CampaignProgress {
  const of = (state: ProgressRow['state']) => rows.find((r) => r.campaignId === campaign.id && r.state === state)?.n ?? 0;
  return { total: campaign.total, done: of('DONE'), pending: of('PENDING'), failed: of('FAILED') };
}

export async function getProgress(db: TaxDb, campaign: CampaignRow): Promise<CampaignProgress> {
  return progressOf(campaign, await getProgressByCampaignIds(db, { campaignIds: [campaign.id] }));
}

/**
 * Starts a campaign over every IE pending re-registration, or returns the one already running
 * (`resumed`): there is one campaign at a time, and resuming is how an interrupted one ends.
 */
export async function startOrResumeCampaign(
  db: TaxDb,
  params: { batchSize: number; startedBy: string; now: Date },
): Promise<{ campaign: CampaignRow; resumed: boolean }> {
  const running = await getRunningCampaign(db);
  if (running) return { campaign: running, resumed: true };
  try {
    const campaign = await db.transaction((tx) => createCampaign(tx, { batchSize: params.batchSize, startedBy: params.startedBy, startedAt: params.now.toISOString() }));
    return { campaign, resumed: false };
  } catch (err) {
    // Another officer (or the CLI) started one at the same moment: join it.
    if (!isPgError(err, PG_UNIQUE_VIOLATION, 'campaigns_one_running')) throw err;
    const other = await getRunningCampaign(db);
    if (!other) throw err;
    return { campaign: other, resumed: true };
  }
}

/** Why one item could not be re-registered: a code and a sentence, never personal data. */
class ItemFailure extends Error {
  constructor(
    readonly code: Exclude<CampaignFailureCode, 'ERROR'>,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export interface RunCampaignOptions {
  /** @default the campaign's own batch size */
  batchSize?: number;
  /** Stops between batches (a batch in flight commits first). */
  signal?: AbortSignal;
  /** Called after each committed batch with the campaign's progress. */
  onProgress?: (progress: CampaignProgress) => void;
  /**
   * Called after each item inside the batch transaction (tests inject a crash here: throwing
   * rolls the whole batch back, as a killed process would). @default none
   */
  afterItem?: (processedInThisRun: number) => void | Promise<void>;
  /** Awaited after each committed batch (the CLI's throttle). @default none */
  afterBatch?: () => Promise<void>;
}

/**
 * Works a campaign to its end: claims a batch of pending items (FOR UPDATE SKIP LOCKED), and
 * for each item re-registers the IE and marks the item done in a savepoint of the batch
 * transaction. The effect and its mark commit together or not at all, so a process killed at
 * any point leaves each item either done (with exactly one register entry) or pending; running
 * again finishes the rest. An item that cannot be re-registered is marked FAILED with its
 * reason and the campaign goes on. Any number of workers may run the same campaign at once.
 */
export async function runCampaign(db: TaxDb, clock: Clock, campaign: CampaignRow, options: RunCampaignOptions = {}): Promise<CampaignProgress> {
  const limit = options.batchSize ?? campaign.batchSize;
  let processed = 0;
  for (;;) {
    if (options.signal?.aborted) break;
    const claimed = await db.transaction(async (tx) => {
      const ids = await claimBatch(tx, { campaignId: campaign.id, limit });
      if (ids.length === 0) return 0;
      const rows = new Map((await getRegistrationsByIds(tx, { ids })).map((r) => [r.id, r]));
      // The campaign processes each holder's PIN: recorded, as a bulk process, with the batch it is part of.
      await recordServiceProcessing(tx, accessTables, ACCESS_POLICY, {
        service: 're-registration campaign',
        purpose: 'Re-registration of foreign individual entrepreneurs under decree No. 241',
        subjectIds: [...rows.values()].map((r) => r.nomadId),
        fields: ['TaxRegistration.pin'],
        bulk: true,
        correlationId: campaign.id,
      });
      const regimes = new Map<string, RegimeRow>((await getRegimes(tx)).map((r) => [r.code, r]));
      const today = clock.today();
      const at = clock.now().toISOString();
      for (const id of ids) {
        try {
          await tx.transaction(async (sp) => {
            const row = rows.get(id);
            if (!row) throw new ItemFailure('REGISTRATION_MISSING', 'The registration no longer exists.');
            if (row.state !== 'PENDING_REREGISTRATION') throw new ItemFailure('NOT_PENDING', `The registration is ${row.state}, no longer pending re-registration.`);
            const regime = regimes.get(row.regimeCode);
            if (!regime?.active) {
              throw new ItemFailure('REGIME_CLOSED', `The ${row.regimeCode} regime takes no new registrations; change the regime, then re-register the IE individually.`);
            }
            const updated = await reregister(sp, row, { today, actor: CAMPAIGN_ACTOR, campaignId: campaign.id });
            if (!updated) throw new ItemFailure('NOT_PENDING', 'The registration changed during the campaign.');
            await markItem(sp, { campaignId: campaign.id, registrationId: id, state: 'DONE', at });
          });
        } catch (err) {
          const failure = err instanceof ItemFailure ? { code: err.code, reason: err.message } : { code: 'ERROR' as const, reason: `ERROR: ${describeHandlerError(err)}` };
          await markItem(tx, { campaignId: campaign.id, registrationId: id, state: 'FAILED', failure, at });
        }
        processed += 1;
        await options.afterItem?.(processed);
      }
      return ids.length;
    });
    if (claimed === 0) break;
    options.onProgress?.(await getProgress(db, campaign));
    await options.afterBatch?.();
  }
  await completeIfDone(db, { campaignId: campaign.id, at: clock.now().toISOString() });
  return getProgress(db, campaign);
}

// ---------------------------------------------------------------------------------------------
// GraphQL-facing.
// ---------------------------------------------------------------------------------------------

export interface StartCampaignPayload {
  campaign: CampaignRow | null;
  resumed: boolean;
  userErrors: UserError[];
}

export async function startReregistrationCampaign(ctx: Context, app: App, input: { batchSize?: number | null } | null | undefined): Promise<StartCampaignPayload> {
  if (!isTaxOfficer(ctx.principal)) return { campaign: null, resumed: false, userErrors: [userError('FORBIDDEN', 'Only a tax officer may start a campaign.')] };
  const batchSize = input?.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
    return { campaign: null, resumed: false, userErrors: [userError('INVALID_BATCH_SIZE', `batchSize must be between 1 and ${MAX_BATCH_SIZE}.`, 'input.batchSize')] };
  }
  const { campaign, resumed } = await startOrResumeCampaign(ctx.db, { batchSize, startedBy: ctx.principal.sub, now: app.clock.now() });
  ctx.logger.info({ campaignId: campaign.id, total: campaign.total, resumed }, 'reregistration campaign started');
  app.campaigns.wake();
  return { campaign, resumed, userErrors: [] };
}

export async function getCampaign(ctx: Context, id: string): Promise<CampaignRow | null> {
  assertTaxOfficer(ctx.principal);
  return ctx.loaders.campaignById.load(id);
}

export async function listCampaignsFor(ctx: Context, args: PageArgs): Promise<CountedConnection<CampaignRow>> {
  assertTaxOfficer(ctx.principal);
  const page = toPage(args);
  return {
    ...toConnection(await listCampaigns(ctx.db, { page }), page, (c) => ({ key: c.startedAt, id: c.id })),
    totalCount: () => countCampaigns(ctx.db),
  };
}

export async function campaignFailures(ctx: Context, campaign: CampaignRow, args: PageArgs): Promise<CountedConnection<CampaignItemRow>> {
  assertTaxOfficer(ctx.principal);
  const page = toPage(args);
  return {
    ...toConnection(await listFailures(ctx.db, { campaignId: campaign.id, page }), page, (i) => ({ key: '', id: i.registrationId })),
    // The FAILED items, from the per-state counts the progress loader reads for every campaign at once.
    totalCount: async () =>
      (await ctx.loaders.progressByCampaign.load(campaign.id)).filter((r) => r.state === 'FAILED').reduce((sum, r) => sum + r.n, 0),
  };
}
