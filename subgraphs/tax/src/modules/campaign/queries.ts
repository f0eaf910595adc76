import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { afterCursor, assertCursor, type Page } from '@nomad/kit';
import type { TaxDb } from '../../db/index.ts';
import { campaignItems, campaigns, registrations, type CampaignFailureCode, type CampaignItemRow, type CampaignRow } from '../../db/schema.ts';

export async function getRunningCampaign(db: TaxDb): Promise<CampaignRow | null> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.state, 'RUNNING'));
  return row ?? null;
}

export async function getCampaignsByIds(db: TaxDb, params: { ids: readonly string[] }): Promise<CampaignRow[]> {
  if (params.ids.length === 0) return [];
  return db.select().from(campaigns).where(inArray(campaigns.id, [...params.ids]));
}

/** Newest first. */
export async function listCampaigns(db: TaxDb, params: { page: Page }): Promise<CampaignRow[]> {
  return db
    .select()
    .from(campaigns)
    .where(afterCursor(campaigns.startedAt, campaigns.id, params.page.after, 'desc'))
    .orderBy(desc(campaigns.startedAt), desc(campaigns.id))
    .limit(params.page.limit + 1);
}

/** How many campaigns `listCampaigns` would return on all pages. */
export async function countCampaigns(db: TaxDb): Promise<number> {
  const [row] = await db.select({ n: count() }).from(campaigns);
  return row?.n ?? 0;
}

/**
 * Creates a campaign over every IE pending re-registration now, one item each, and sets its
 * total: three statements in the caller's transaction. The partial unique index on RUNNING
 * makes a concurrent second start fail with a unique violation (the caller resumes instead).
 */
export async function createCampaign(tx: TaxDb, params: { batchSize: number; startedBy: string; startedAt: string }): Promise<CampaignRow> {
  const [campaign] = await tx
    .insert(campaigns)
    .values({ batchSize: params.batchSize, total: 0, startedBy: params.startedBy, startedAt: params.startedAt })
    .returning();
  if (!campaign) throw new Error('campaign insert returned nothing');
  const items = await tx.execute<{ n: number }>(sql`
    with added as (
      insert into ${campaignItems} (campaign_id, registration_id)
      select ${campaign.id}, ${registrations.id} from ${registrations}
      where ${registrations.state} = 'PENDING_REREGISTRATION'
      returning 1
    )
    select count(*)::int as n from added`);
  const total = Number(items[0]?.n ?? 0);
  const [updated] = await tx
    .update(campaigns)
    .set({ total, ...(total === 0 ? { state: 'COMPLETED' as const, finishedAt: params.startedAt } : {}) })
    .where(eq(campaigns.id, campaign.id))
    .returning();
  if (!updated) throw new Error('campaign update returned nothing');
  return updated;
}

/**
 * Claims up to `limit` pending items of a campaign for the caller's transaction. SKIP LOCKED:
 * items another worker (another replica, or the CLI) holds are passed over, never waited for
 * and never taken twice; a worker that dies releases its claim with its connection.
 */
export async function claimBatch(tx: TaxDb, params: { campaignId: string; limit: number }): Promise<string[]> {
  const rows = await tx
    .select({ registrationId: campaignItems.registrationId })
    .from(campaignItems)
    .where(and(eq(campaignItems.campaignId, params.campaignId), eq(campaignItems.state, 'PENDING')))
    .orderBy(asc(campaignItems.registrationId))
    .limit(params.limit)
    .for('update', { skipLocked: true });
  return rows.map((r) => r.registrationId);
}

export async function markItem(
  tx: TaxDb,
  params: { campaignId: string; registrationId: string; state: 'DONE' | 'FAILED'; failure?: { code: CampaignFailureCode; reason: string } | null; at: string },
): Promise<void> {
  await tx
    .update(campaignItems)
    .set({ state: params.state, failureReason: params.failure?.reason ?? null, failureCode: params.failure?.code ?? null, processedAt: params.at })
    .where(and(eq(campaignItems.campaignId, params.campaignId), eq(campaignItems.registrationId, params.registrationId)));
}

/** Marks the campaign COMPLETED once no item is pending; returns it when this call did. */
export async function completeIfDone(db: TaxDb, params: { campaignId: string; at: string }): Promise<CampaignRow | null> {
  const [row] = await db
    .update(campaigns)
    .set({ state: 'COMPLETED', finishedAt: params.at })
    .where(
      and(
        eq(campaigns.id, params.campaignId),
        eq(campaigns.state, 'RUNNING'),
        sql`not exists (select 1 from ${campaignItems} where ${campaignItems.campaignId} = ${params.campaignId} and ${campaignItems.state} = 'PENDING')`,
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * A campaign's public code: the Bishkek day it started, `YYYY-MM-DD`, with `-2`, `-3`… for a later
 * one started the same day (campaigns run one at a time and are never deleted, so a code never
 * changes). It says when an administrative batch over every IE pending re-registration ran:
 * nothing of a person. What analysts choose a campaign by (its id is refused them, as every id).
 */
export const CAMPAIGN_CODE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}(-[1-9][0-9]*)?$/;

/** Every campaign's `id` and `code`, as a derived table (`... as campaign_code`). */
export const campaignCodes = sql.raw(`(select c.id, to_char(c.day, 'YYYY-MM-DD') || case when c.n > 1 then '-' || c.n else '' end as code
  from (select id, (started_at at time zone 'Asia/Bishkek')::date as day,
    row_number() over (partition by (started_at at time zone 'Asia/Bishkek')::date order by started_at, id) as n from tax.campaigns) c)`);

/** The codes of these campaigns. */
export async function getCampaignCodes(db: TaxDb, params: { ids: readonly string[] }): Promise<{ id: string; code: string }[]> {
  if (params.ids.length === 0) return [];
  const rows = await db.execute<{ id: string; code: string }>(sql`select campaign_code.id, campaign_code.code from ${campaignCodes} as campaign_code where campaign_code.id in ${params.ids}`);
  return [...rows];
}

export interface ProgressRow {
  campaignId: string;
  state: CampaignItemRow['state'];
  n: number;
}

/** Item counts per campaign and state: one statement for any number of campaigns. */
export async function getProgressByCampaignIds(db: TaxDb, params: { campaignIds: readonly string[] }): Promise<ProgressRow[]> {
  if (params.campaignIds.length === 0) return [];
  return db
    .select({ campaignId: campaignItems.campaignId, state: campaignItems.state, n: count() })
    .from(campaignItems)
    .where(inArray(campaignItems.campaignId, [...params.campaignIds]))
    .groupBy(campaignItems.campaignId, campaignItems.state);
}

/** The failed items of a campaign, in registration order. */
export async function listFailures(db: TaxDb, params: { campaignId: string; page: Page }): Promise<CampaignItemRow[]> {
  if (params.page.after) assertCursor(params.page.after, { key: 'text', id: 'uuid' });
  return db
    .select()
    .from(campaignItems)
    .where(
      and(
        eq(campaignItems.campaignId, params.campaignId),
        eq(campaignItems.state, 'FAILED'),
        params.page.after ? sql`${campaignItems.registrationId} > ${params.page.after.id}` : undefined,
      ),
    )
    .orderBy(asc(campaignItems.registrationId))
    .limit(params.page.limit + 1);
}
