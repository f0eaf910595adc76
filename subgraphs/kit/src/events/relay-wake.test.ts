/**
 * The relay without polling: it wakes on the NOTIFY that `publishEvent` sends at commit,
 * sleeps until a retry falls due, runs no statement while idle; and pruning keeps what
 * operators and auditors need.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { openFixtureDatabase, type FixtureDatabase } from './__fixtures__/database.ts';
import { fixtureTables } from './__fixtures__/fixture.ts';
import { memoryTransport, type Sent } from './__fixtures__/memory-transport.ts';
import { publishEvent } from './outbox.ts';
import { pruneEvents } from './queries/outbox.ts';
import { startRelay, type Relay, type RelayOptions } from './relay.ts';
import type { FixtureSchema } from './__fixtures__/fixture.ts';

const logger = pino({ level: 'silent' });
const { outbox, outboxDeliveries, inbox } = fixtureTables;
/** Far longer than any test: a relay that only polled would never get there in time. */
const NEVER_MS = 600_000;

const fixtures: FixtureDatabase[] = [];
const relays: Relay[] = [];
afterEach(async () => {
  for (const r of relays.splice(0)) await r.stop();
});
afterAll(async () => {
  for (const f of fixtures) await f.drop();
});

let fixture: FixtureDatabase;
beforeEach(async () => {
  fixture = await openFixtureDatabase('evt_wake');
  fixtures.push(fixture);
});

function listening(transport: Parameters<typeof startRelay>[0]['transport'], options: Partial<RelayOptions<FixtureSchema>> = {}): Relay {
  const relay = startRelay({
    db: fixture.database.db,
    tables: fixtureTables,
    agency: 'migration',
    transport,
    logger,
    listener: fixture.database.client,
    pollIntervalMs: NEVER_MS,
    backoff: () => 0,
    ...options,
  });
  relays.push(relay);
  return relay;
}

async function submitted(applicationId = randomUUID()): Promise<string> {
  return fixture.database.db.transaction((tx) =>
    publishEvent(tx, fixtureTables, 'migration', {
      type: 'ApplicationSubmitted',
      aggregateId: applicationId,
      payload: {
        applicationId,
        applicationNumber: '10000001',
        nomadId: randomUUID(),
        citizenship: 'KAZ',
        activityCode: 'SOFTWARE_DEVELOPMENT',
        submittedAt: new Date().toISOString(),
      },
    }),
  );
}

/** Resolves once `sent` holds `count` deliveries; fails after 20 s (the relay never woke). */
async function until(sent: Sent[], count: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (sent.length < count) {
    if (Date.now() > deadline) throw new Error(`only ${sent.length} of ${count} deliveries arrived: the relay did not wake`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Statements the fixture's pool ran while `ms` passed. */
async function statementsDuring(ms: number): Promise<number> {
  const before = fixture.database.statementCount();
  await new Promise((r) => setTimeout(r, ms));
  return fixture.database.statementCount() - before;
}

describe('relay wake-up', () => {
  it('delivers an event as soon as its transaction commits, with no poll, and runs nothing while idle', async () => {
    const { transport, sent } = memoryTransport();
    listening(transport);
    await new Promise((r) => setTimeout(r, 300));
    // Idle: no claim, no count, nothing.
    expect(await statementsDuring(1_000)).toBe(0);

    const first = await submitted();
    await until(sent, 1);
    const second = await submitted();
    await until(sent, 2);
    expect(sent.map((s) => s.event.id)).toEqual([first, second]);
  });

  it('sends nothing for a transaction that rolled back (the NOTIFY is transactional)', async () => {
    const { transport, sent } = memoryTransport();
    listening(transport);
    await expect(
      fixture.database.db.transaction(async (tx) => {
        await publishEvent(tx, fixtureTables, 'migration', {
          type: 'StatusExpired',
          aggregateId: randomUUID(),
          payload: { nomadId: randomUUID(), pin: '21204199000123', expiredOn: '2026-01-01' },
        });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const kept = await submitted();
    await until(sent, 1);
    expect(sent.map((s) => s.event.id)).toEqual([kept]);
  });

  it('sleeps until a failed delivery falls due, then retries it without being woken', async () => {
    let failures = 1;
    const { transport, sent } = memoryTransport(() => (failures-- > 0 ? 'security unreachable (ECONNREFUSED)' : null));
    listening(transport, { backoff: () => 400 });
    const event = await submitted();
    await until(sent, 1);
    expect(sent.map((s) => s.event.id)).toEqual([event]);
    // The transport saw it; the relay's transaction marks it delivered a moment later.
    const row = async () => (await fixture.database.db.select().from(outboxDeliveries).where(eq(outboxDeliveries.eventId, event)))[0];
    for (let i = 0; i < 200 && (await row())?.state !== 'DELIVERED'; i += 1) await new Promise((r) => setTimeout(r, 10));
    expect(await row()).toMatchObject({ state: 'DELIVERED', attempts: 2 });
  });
});

describe('pruneEvents', () => {
  /** Moves an event, its deliveries and any inbox entry `days` into the past. */
  async function age(eventId: string, days: number): Promise<void> {
    const then = sql`now() - make_interval(days => ${days})`;
    await fixture.database.db.update(outbox).set({ occurredAt: then }).where(eq(outbox.id, eventId));
    await fixture.database.db.update(outboxDeliveries).set({ deliveredAt: then }).where(eq(outboxDeliveries.eventId, eventId));
  }

  it('deletes delivered events and processed inbox entries past the retention, and keeps everything else', async () => {
    const { transport } = memoryTransport((_s, e) => (e.aggregateId === 'dead-one' ? 'boom' : null));
    const relay = startRelay({ db: fixture.database.db, tables: fixtureTables, agency: 'migration', transport, logger, autoStart: false, maxAttempts: 1 });
    const oldDelivered = await submitted();
    const recentDelivered = await submitted();
    const oldDead = await fixture.database.db.transaction((tx) =>
      publishEvent(tx, fixtureTables, 'migration', {
        type: 'ApplicationSubmitted',
        aggregateId: 'dead-one',
        payload: { applicationId: randomUUID(), applicationNumber: '10000002', nomadId: randomUUID(), citizenship: 'KAZ', activityCode: 'X', submittedAt: new Date().toISOString() },
      }),
    );
    // Nobody subscribes to StatusSuspended: an outbox row without deliveries.
    const oldUnsubscribed = await fixture.database.db.transaction((tx) =>
      publishEvent(tx, fixtureTables, 'migration', {
        type: 'StatusSuspended',
        aggregateId: randomUUID(),
        payload: { nomadId: randomUUID(), pin: '21204199000123', at: new Date().toISOString() },
      }),
    );
    while ((await relay.runOnce()) > 0);
    const oldPending = await submitted();
    for (const id of [oldDelivered, oldDead, oldUnsubscribed, oldPending]) await age(id, 40);

    const entry = (state: 'PROCESSED' | 'FAILED' | 'POISON', days: number) => ({
      eventId: randomUUID(),
      eventType: 'StatusGranted',
      producer: 'migration',
      aggregateId: randomUUID(),
      state,
      processedAt: state === 'PROCESSED' ? sql`now() - make_interval(days => ${days})` : null,
      firstReceivedAt: sql`now() - make_interval(days => ${days})`,
    });
    const inboxRows = [entry('PROCESSED', 40), entry('PROCESSED', 1), entry('FAILED', 40), entry('POISON', 40)];
    await fixture.database.db.insert(inbox).values(inboxRows);

    expect(await pruneEvents(fixture.database.db, { tables: fixtureTables, olderThanDays: 30, limit: 100 })).toEqual({ outbox: 2, inbox: 1 });
    const events = (await fixture.database.db.select({ id: outbox.id }).from(outbox)).map((r) => r.id).sort();
    expect(events).toEqual([recentDelivered, oldDead, oldPending].sort());
    const deliveries = await fixture.database.db.select().from(outboxDeliveries);
    expect(deliveries.some((d) => d.eventId === oldDelivered)).toBe(false);
    expect(deliveries.find((d) => d.eventId === oldDead)?.state).toBe('DEAD');
    const received = (await fixture.database.db.select({ id: inbox.eventId }).from(inbox)).map((r) => r.id).sort();
    expect(received).toEqual([inboxRows[1], inboxRows[2], inboxRows[3]].map((r) => r?.eventId).sort());
    // A second run finds nothing more.
    expect(await pruneEvents(fixture.database.db, { tables: fixtureTables, olderThanDays: 30, limit: 100 })).toEqual({ outbox: 0, inbox: 0 });
  });
});
