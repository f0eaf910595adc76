import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { count, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@nomad/kit';
import type { TestDatabase } from '@nomad/kit/testing';
import type { Clock } from '../../clock.ts';
import type { TaxSchema } from '../../db/index.ts';
import { campaignItems, campaigns, registerEntries, regimes, registrations } from '../../db/schema.ts';
import { openTestTaxDatabase, testPin } from '../../testing.ts';
import { queueReregistration } from '../registrations/service.ts';
import { getProgress, runCampaign, startOrResumeCampaign } from './service.ts';

const clock: Clock = { now: () => new Date('2026-11-24T06:00:00Z'), today: () => '2026-11-24' };
const PACKAGE_DIR = fileURLToPath(new URL('../../../', import.meta.url));

let testDb: TestDatabase;
let database: Database<TaxSchema>;

beforeAll(async () => {
  ({ testDb, database } = await openTestTaxDatabase('tax_campaign'));
});
afterAll(async () => {
  await database?.close();
  await testDb?.drop();
});

/** Empties the register (campaign data first: foreign keys). */
async function reset() {
  await database.db.execute(sql`truncate tax.campaign_items, tax.register_entries, tax.campaigns, tax.payments, tax.declarations, tax.registrations cascade`);
  await database.db.update(regimes).set({ active: true });
}

/** `n` IEs pending re-registration, as StatusGranted events leave them. */
async function queue(n: number, offset = 0) {
  for (let i = 0; i < n; i++) {
    await database.db.transaction((tx) =>
      queueReregistration(tx, { nomadId: randomUUID(), pin: testPin(offset + i + 1), validUntil: '2027-01-22', announcement: 'granted', occurredAt: '2026-11-23T06:00:00Z', now: '2026-11-23T06:00:00Z' }),
    );
  }
}

/** Register entries a campaign wrote, per registration: the effects to count. */
async function effectsPerRegistration(campaignId: string) {
  const rows = await database.db
    .select({ registrationId: registerEntries.registrationId, n: count() })
    .from(registerEntries)
    .where(eq(registerEntries.campaignId, campaignId))
    .groupBy(registerEntries.registrationId);
  return rows;
}

beforeEach(reset);

describe('re-registration campaign', () => {
  it('re-registers every pending IE once, in batches, and completes', async () => {
    await queue(12);
    const { campaign, resumed } = await startOrResumeCampaign(database.db, { batchSize: 5, startedBy: 'test', now: clock.now() });
    expect(resumed).toBe(false);
    expect(campaign.total).toBe(12);
    const seen: number[] = [];
    const progress = await runCampaign(database.db, clock, campaign, { onProgress: (p) => seen.push(p.done) });
    expect(progress).toEqual({ total: 12, done: 12, pending: 0, failed: 0 });
    expect(seen).toEqual([5, 10, 12]);
    const [row] = await database.db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(row?.state).toBe('COMPLETED');
    const effects = await effectsPerRegistration(campaign.id);
    expect(effects).toHaveLength(12);
    expect(effects.every((e) => e.n === 1)).toBe(true);
    const states = await database.db.select({ state: registrations.state, first: registrations.firstRegistration, on: registrations.registeredOn }).from(registrations);
    expect(states).toHaveLength(12);
    expect(states.every((s) => s.state === 'REREGISTERED' && !s.first && s.on === '2026-11-24')).toBe(true);
  });

  it('a crash half-way loses nothing and does nothing twice: the restart finishes the job', async () => {
    await queue(23);
    const { campaign } = await startOrResumeCampaign(database.db, { batchSize: 5, startedBy: 'test', now: clock.now() });
    // The crash strikes inside the third batch, after its 3rd item: that batch rolls back whole.
    await expect(
      runCampaign(database.db, clock, campaign, {
        afterItem: (n) => {
          if (n === 13) throw new Error('injected crash');
        },
      }),
    ).rejects.toThrow('injected crash');
    expect(await getProgress(database.db, campaign)).toEqual({ total: 23, done: 10, pending: 13, failed: 0 });
    expect((await effectsPerRegistration(campaign.id)).length).toBe(10);

    // "Restart": the running campaign is found again and worked to the end.
    const again = await startOrResumeCampaign(database.db, { batchSize: 5, startedBy: 'test', now: clock.now() });
    expect(again).toMatchObject({ resumed: true, campaign: { id: campaign.id } });
    expect(await runCampaign(database.db, clock, again.campaign)).toEqual({ total: 23, done: 23, pending: 0, failed: 0 });
    const effects = await effectsPerRegistration(campaign.id);
    expect(effects).toHaveLength(23);
    expect(effects.every((e) => e.n === 1)).toBe(true);
    const [all] = await database.db.select({ n: count() }).from(registerEntries);
    expect(all?.n).toBe(23);
  });

  it('two workers on one campaign never take the same IE (SKIP LOCKED)', async () => {
    await queue(40);
    const { campaign } = await startOrResumeCampaign(database.db, { batchSize: 3, startedBy: 'test', now: clock.now() });
    // Each returns when nothing is left to claim (the other may still hold its last batch).
    await Promise.all([runCampaign(database.db, clock, campaign), runCampaign(database.db, clock, campaign)]);
    expect(await getProgress(database.db, campaign)).toEqual({ total: 40, done: 40, pending: 0, failed: 0 });
    const [row] = await database.db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(row?.state).toBe('COMPLETED');
    const effects = await effectsPerRegistration(campaign.id);
    expect(effects).toHaveLength(40);
    expect(effects.every((e) => e.n === 1)).toBe(true);
  });

  it('an IE that cannot be re-registered fails with its reason and the rest go on', async () => {
    await queue(6);
    const [victim] = await database.db.select().from(registrations).limit(1);
    if (!victim) throw new Error('no registration');
    await database.db.update(regimes).set({ active: false }).where(eq(regimes.code, 'HTP_RESIDENT'));
    await database.db.update(registrations).set({ regimeCode: 'HTP_RESIDENT' }).where(eq(registrations.id, victim.id));
    const { campaign } = await startOrResumeCampaign(database.db, { batchSize: 4, startedBy: 'test', now: clock.now() });
    expect(await runCampaign(database.db, clock, campaign)).toEqual({ total: 6, done: 5, pending: 0, failed: 1 });
    const [failed] = await database.db.select().from(campaignItems).where(eq(campaignItems.state, 'FAILED'));
    expect(failed?.registrationId).toBe(victim.id);
    expect(failed?.failureReason).toMatch(/^REGIME_CLOSED: /);
    // The code alone, what statistics group the failures by.
    expect(failed?.failureCode).toBe('REGIME_CLOSED');
    const [row] = await database.db.select().from(registrations).where(eq(registrations.id, victim.id));
    expect(row?.state).toBe('PENDING_REREGISTRATION');
  });

  it('a second start while one runs resumes it; a start with nothing pending completes at once', async () => {
    const empty = await startOrResumeCampaign(database.db, { batchSize: 5, startedBy: 'test', now: clock.now() });
    expect(empty.campaign).toMatchObject({ total: 0, state: 'COMPLETED' });
    await queue(2);
    const first = await startOrResumeCampaign(database.db, { batchSize: 5, startedBy: 'a', now: clock.now() });
    const second = await startOrResumeCampaign(database.db, { batchSize: 5, startedBy: 'b', now: clock.now() });
    expect(second).toMatchObject({ resumed: true, campaign: { id: first.campaign.id } });
  });
});

// Each test starts the CLI under tsx twice: beside the other packages' tests on a loaded 2-core
// machine that alone has taken over a minute (CI's run timed out at 60 s).
describe('campaign CLI', { timeout: 240_000 }, () => {
  function runCli(args: string[], onStderrLine?: (line: string, kill: () => void) => void) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/campaign.ts', ...args], {
      cwd: PACKAGE_DIR,
      env: { ...process.env, TAX_DATABASE_URL: testDb.url, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let buffered = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      buffered += d.toString();
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        onStderrLine?.(line, () => child.kill('SIGKILL'));
      }
    });
    return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
    );
  }

  it('killed with SIGKILL half-way and run again: every IE re-registered exactly once', async () => {
    await queue(30);
    // Plain progress lines (stderr is a pipe, not a TTY); kill hard once a third is done.
    const killed = await runCli(['--batch-size', '3', '--throttle-ms', '150'], (line, kill) => {
      const m = /^progress .*\s(\d+) done/.exec(line);
      if (m && Number(m[1]) >= 9) kill();
    });
    expect(killed.signal).toBe('SIGKILL');
    const [campaign] = await database.db.select().from(campaigns);
    if (!campaign) throw new Error('no campaign');
    expect(campaign.state).toBe('RUNNING');
    const half = await getProgress(database.db, campaign);
    expect(half.done).toBeGreaterThanOrEqual(9);
    expect(half.pending).toBeGreaterThan(0);

    const finished = await runCli(['--batch-size', '3']);
    expect(finished.stderr).toContain(`campaign ${campaign.id} resumed`);
    expect(finished.code, finished.stderr).toBe(0);
    expect(finished.stdout).toContain('30 re-registered, 0 failed, 0 pending (of 30)');
    const effects = await effectsPerRegistration(campaign.id);
    expect(effects).toHaveLength(30);
    expect(effects.every((e) => e.n === 1)).toBe(true);
    const [withEntry] = await database.db.select({ n: count() }).from(registerEntries).where(isNotNull(registerEntries.campaignId));
    expect(withEntry?.n).toBe(30);
  });
});
