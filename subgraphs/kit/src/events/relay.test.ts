/**
 * The relay against real PostgreSQL with an in-memory transport: claiming, order per
 * aggregate, back-off, dead letters, and relays running side by side. (Real HTTP between
 * processes is `delivery.test.ts`.)
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { connect, type Database } from '../db/database.ts';
import type { AnyDomainEvent } from './catalog.ts';
import { memoryTransport, type Sent } from './__fixtures__/memory-transport.ts';
import { openFixtureDatabase, type FixtureDatabase } from './__fixtures__/database.ts';
import { fixtureTables, type FixtureSchema } from './__fixtures__/fixture.ts';
import * as schema from './__fixtures__/schema.ts';
import { publishEvent } from './outbox.ts';
import { requeueDeadDelivery } from './queries/deliveries.ts';
import { exponentialBackoff, startRelay, type Relay, type RelayOptions } from './relay.ts';
import { DeliveryError, type EventTransport } from './transport.ts';

const logger = pino({ level: 'silent' });
const { outbox, outboxDeliveries } = fixtureTables;

const fixtures: FixtureDatabase[] = [];
const extraConnections: Database<FixtureSchema>[] = [];
afterAll(async () => {
  for (const c of extraConnections) await c.close();
  for (const f of fixtures) await f.drop();
});

let fixture: FixtureDatabase;
beforeEach(async () => {
  fixture = await openFixtureDatabase('evt_relay');
  fixtures.push(fixture);
});

const PIN = '21204199000123';

function relayOf(transport: EventTransport, options: Partial<RelayOptions<FixtureSchema>> = {}): Relay {
  return startRelay({
    db: fixture.database.db,
    tables: fixtureTables,
    agency: 'migration',
    transport,
    logger,
    autoStart: false,
    backoff: () => 0,
    ...options,
  });
}

/** Passes until one finds nothing due. */
async function drain(relay: Relay): Promise<number> {
  let total = 0;
  for (let pass = 0; pass < 1_000; pass += 1) {
    const n = await relay.runOnce();
    if (n === 0) return total;
    total += n;
  }
  throw new Error('the relay never ran dry');
}

async function revoked(nomadId: string, ground: string): Promise<string> {
  return fixture.database.db.transaction((tx) =>
    publishEvent(tx, fixtureTables, 'migration', {
      type: 'StatusRevoked',
      aggregateId: nomadId,
      payload: { nomadId, pin: PIN, ground, revokedAt: new Date().toISOString(), exitDeadline: '2026-12-10' },
    }),
  );
}

async function submitted(applicationId: string, number: string, db = fixture.database): Promise<string> {
  return db.db.transaction((tx) =>
    publishEvent(tx, fixtureTables, 'migration', {
      type: 'ApplicationSubmitted',
      aggregateId: applicationId,
      payload: {
        applicationId,
        applicationNumber: number,
        nomadId: randomUUID(),
        citizenship: 'KAZ',
        activityCode: 'SOFTWARE_DEVELOPMENT',
        submittedAt: new Date().toISOString(),
      },
    }),
  );
}

async function deliveryOf(eventId: string, subscriber = 'security') {
  const [row] = await fixture.database.db
    .select()
    .from(outboxDeliveries)
    .where(eq(outboxDeliveries.eventId, eventId))
    .then((rows) => rows.filter((r) => r.subscriber === subscriber));
  if (!row) throw new Error(`no delivery of ${eventId} to ${subscriber}`);
  return row;
}

const numberOf = (s: Sent) => (s.event.type === 'ApplicationSubmitted' ? s.event.payload.applicationNumber : s.event.type);

describe('startRelay', () => {
  it('sends each event once to every subscriber of its type, as the wire format says', async () => {
    const nomad = randomUUID();
    const first = await revoked(nomad, 'BREACH_OF_RULES');
    const second = await revoked(nomad, 'NATIONAL_SECURITY');
    const registry = new Registry();
    const { transport, sent } = memoryTransport();
    const relay = relayOf(transport, { registry });

    expect(await drain(relay)).toBe(6);
    for (const subscriber of ['tax', 'labor', 'security']) {
      expect(sent.filter((s) => s.subscriber === subscriber).map((s) => s.event.id)).toEqual([first, second]);
    }
    const event = sent[0]?.event;
    expect(event).toMatchObject({ id: first, type: 'StatusRevoked', aggregateId: nomad, producer: 'migration' });
    expect(event?.payload).toMatchObject({ nomadId: nomad, pin: PIN, ground: 'BREACH_OF_RULES' });
    expect(new Date(event?.occurredAt ?? '').toISOString()).toBe(event?.occurredAt);

    const rows = await fixture.database.db.select().from(outboxDeliveries);
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.state === 'DELIVERED' && r.attempts === 1 && r.deliveredAt !== null && r.lastError === null)).toBe(true);
    expect(await relay.runOnce()).toBe(0);

    const metrics = await registry.getMetricsAsJSON();
    const valueOf = (name: string) => metrics.find((m) => m.name === name)?.values.reduce((sum, v) => sum + v.value, 0);
    expect(valueOf('nomad_events_delivered_total')).toBe(6);
    expect(valueOf('nomad_events_written')).toBe(2);
    expect(await registry.metrics()).toMatch(/nomad_event_delivery_lag_seconds_count\{[^}]*subscriber="tax"[^}]*\} 2\n/);
  });

  it('holds later events of an aggregate behind a failing one, dead-letters it after maxAttempts, and resumes in order once retried', async () => {
    const app = randomUUID();
    const failing = await submitted(app, '10000001');
    const later = await submitted(app, '10000002');
    const unrelated = await submitted(randomUUID(), '10000003');
    let broken = true;
    const { transport, sent } = memoryTransport((_s, e) => (broken && e.id === failing ? 'security answered HTTP 500: boom' : null));
    const registry = new Registry();
    const relay = relayOf(transport, { maxAttempts: 3, registry });

    await drain(relay);
    expect(await deliveryOf(failing)).toMatchObject({ state: 'DEAD', attempts: 3, lastError: 'security answered HTTP 500: boom' });
    expect(await deliveryOf(later)).toMatchObject({ state: 'PENDING', attempts: 0 });
    expect(await deliveryOf(unrelated)).toMatchObject({ state: 'DELIVERED', attempts: 1 });
    expect(sent.map(numberOf)).toEqual(['10000003']);
    const metrics = await registry.getMetricsAsJSON();
    const total = (name: string) => metrics.find((m) => m.name === name)?.values.reduce((sum, v) => sum + v.value, 0);
    expect(total('nomad_events_retried_total')).toBe(2);
    expect(total('nomad_events_dead_lettered_total')).toBe(1);

    broken = false;
    expect(await requeueDeadDelivery(fixture.database.db, { tables: fixtureTables, id: (await deliveryOf(failing)).id })).toBe(true);
    // Only a DEAD delivery can be put back.
    expect(await requeueDeadDelivery(fixture.database.db, { tables: fixtureTables, id: (await deliveryOf(later)).id })).toBe(false);
    await drain(relay);
    expect(sent.map(numberOf)).toEqual(['10000003', '10000001', '10000002']);
    expect(await deliveryOf(failing)).toMatchObject({ state: 'DELIVERED', attempts: 1, lastError: null });
  });

  it('dead-letters at once, without retrying, a delivery the subscriber refused for good (HTTP 409)', async () => {
    const refused = await submitted(randomUUID(), '10000005');
    const retried = await submitted(randomUUID(), '10000006');
    const transport: EventTransport = {
      deliver: (_subscriber, event) =>
        Promise.reject(
          event.id === refused
            ? new DeliveryError('security answered HTTP 409: EVENT_SUBJECT_UNKNOWN: unknown', 409, true)
            : new DeliveryError('security answered HTTP 500: boom', 500),
        ),
    };
    const registry = new Registry();
    const relay = relayOf(transport, { maxAttempts: 5, registry, backoff: () => 3_600_000 });
    expect(await relay.runOnce()).toBe(2);
    expect(await deliveryOf(refused)).toMatchObject({ state: 'DEAD', attempts: 1, lastError: 'security answered HTTP 409: EVENT_SUBJECT_UNKNOWN: unknown' });
    expect(await deliveryOf(retried)).toMatchObject({ state: 'FAILED', attempts: 1 });
    const metrics = await registry.getMetricsAsJSON();
    expect(metrics.find((m) => m.name === 'nomad_events_dead_lettered_total')?.values.reduce((sum, v) => sum + v.value, 0)).toBe(1);
  });

  it('waits out the back-off before trying a failed delivery again', async () => {
    const event = await submitted(randomUUID(), '10000004');
    const { transport } = memoryTransport(() => 'security unreachable (ECONNREFUSED)');
    const relay = relayOf(transport, { backoff: () => 3_600_000 });
    expect(await relay.runOnce()).toBe(1);
    expect(await relay.runOnce()).toBe(0);
    expect(await deliveryOf(event)).toMatchObject({ state: 'FAILED', attempts: 1, lastError: 'security unreachable (ECONNREFUSED)' });
  });

  it('never sends one delivery twice, nor two of an aggregate out of order, with two relays on separate connections', async () => {
    const second = connect(fixture.url, { agency: 'events_fixture', schema, maxConnections: 2 });
    extraConnections.push(second);
    const applications = Array.from({ length: 6 }, () => randomUUID());
    let number = 20_000_000;
    for (let round = 0; round < 8; round += 1) {
      for (const app of applications) await submitted(app, String((number += 1)));
    }
    const inFlight = new Set<string>();
    const overlaps: string[] = [];
    const sent: Sent[] = [];
    // Slow enough that the two relays' passes overlap.
    const transport: EventTransport = {
      async deliver(subscriber, event) {
        const key = `${subscriber}/${event.id}`;
        if (inFlight.has(key)) overlaps.push(key);
        inFlight.add(key);
        await new Promise((r) => setTimeout(r, 2 + Math.random() * 5));
        inFlight.delete(key);
        sent.push({ subscriber, event: event as AnyDomainEvent });
      },
    };
    const a = relayOf(transport, { batchSize: 4 });
    const b = startRelay({ db: second.db, tables: fixtureTables, agency: 'migration', transport, logger, autoStart: false, batchSize: 4, backoff: () => 0 });
    const run = async (relay: Relay) => {
      // Both keep passing until the outbox is done, whatever the other one took.
      for (let pass = 0; pass < 2_000; pass += 1) {
        if ((await relay.runOnce()) === 0) {
          const open = await fixture.database.db.select({ id: outboxDeliveries.id }).from(outboxDeliveries).where(eq(outboxDeliveries.state, 'PENDING'));
          if (open.length === 0) return;
        }
      }
    };
    await Promise.all([run(a), run(b)]);

    expect(overlaps).toEqual([]);
    expect(sent).toHaveLength(48);
    expect(new Set(sent.map((s) => s.event.id)).size).toBe(48);
    const published = await fixture.database.db.select().from(outbox).orderBy(asc(outbox.seq));
    for (const app of applications) {
      const inOrder = published.filter((e) => e.aggregateId === app).map((e) => e.id);
      expect(sent.filter((s) => s.event.aggregateId === app).map((s) => s.event.id)).toEqual(inOrder);
    }
  });

  it('polls by itself once started, and stops', async () => {
    const { transport, sent } = memoryTransport();
    const relay = relayOf(transport, { autoStart: true, pollIntervalMs: 20 });
    const event = await submitted(randomUUID(), '10000005');
    for (let i = 0; i < 300 && sent.length === 0; i += 1) await new Promise((r) => setTimeout(r, 20));
    await relay.stop();
    expect(sent.map((s) => s.event.id)).toEqual([event]);
  });
});

describe('exponentialBackoff', () => {
  it('doubles its ceiling per failure up to the maximum, and draws between half the ceiling and the ceiling', () => {
    const backoff = exponentialBackoff({ baseMs: 100, maxMs: 1_000 });
    const ceilings = [100, 200, 400, 800, 1_000, 1_000];
    ceilings.forEach((ceiling, i) => {
      for (let draw = 0; draw < 50; draw += 1) {
        const delay = backoff(i + 1);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    });
    expect(backoff(10_000)).toBeLessThanOrEqual(1_000);
  });
});
