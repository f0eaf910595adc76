/**
 * HTTP push between two agency PROCESSES: what only `POST /events` has (concurrent replays
 * answered as duplicates, HTTP refusals in the producer's `lastError`, dead letters and their
 * retry). What every transport must do is `transports.test.ts`.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { fixtureTables } from './__fixtures__/fixture.ts';
import {
  allDelivered,
  effectRows,
  graphql,
  devKeyring,
  metricSum,
  nextMarker,
  postEvent,
  postMessage,
  processHarness,
  publish,
  submittedPayload as submitted,
} from './__fixtures__/processes.ts';
import * as schema from './__fixtures__/schema.ts';
import { createTestKeys } from '../testing/keys.ts';
import type { DomainEvent } from './catalog.ts';
import { encodeEventMessage, EventSignatureHeaders } from './envelope.ts';
import { publishEvent } from './outbox.ts';

const { outbox, outboxDeliveries, inbox } = fixtureTables;
const { refusals } = schema;
const h = processHarness({ baseEnv: process.env });
afterEach(() => h.killAll());
afterAll(() => h.dropAll());

describe('events over HTTP push between two agency processes', () => {
  it('refuses forged events (unsigned, signed by another agency or an unknown key, tampered with, from an agency that does not publish the type) and changes nothing', async () => {
    const pair = await h.setUp('evt_forged');
    h.startSubscriber(pair);
    await h.waitReady(pair.subscriberPort);
    const forged = (producer: string): DomainEvent =>
      ({ id: randomUUID(), type: 'ApplicationSubmitted', aggregateId: randomUUID(), payload: submitted(randomUUID(), nextMarker()), occurredAt: new Date().toISOString(), producer });
    const migration = await devKeyring('migration');
    const labor = await devKeyring('labor');
    const stranger = createTestKeys(['migration']).keyrings.migration;
    if (!stranger) throw new Error('no test key');

    const unsigned = encodeEventMessage(forged('migration'), migration);
    delete unsigned.headers[EventSignatureHeaders.signature];
    const byLabor = encodeEventMessage(forged('labor'), labor);
    const asMigrationByLabor = { ...byLabor, body: JSON.stringify({ ...(JSON.parse(byLabor.body) as object), producer: 'migration' }) };
    const byStranger = encodeEventMessage(forged('migration'), stranger);
    const genuine = encodeEventMessage(forged('migration'), migration);
    const tampered = { ...genuine, body: genuine.body.replace(/"applicationNumber":"[^"]*"/, '"applicationNumber":"tampered"') };
    expect(tampered.body).not.toBe(genuine.body);

    const cases = [
      { name: 'unsigned', message: unsigned, status: 401, code: 'EVENT_SIGNATURE_INVALID' },
      { name: "labor's signature on a migration event", message: asMigrationByLabor, status: 401, code: 'EVENT_SIGNATURE_INVALID' },
      { name: 'a key nobody configured', message: byStranger, status: 401, code: 'EVENT_SIGNATURE_INVALID' },
      { name: 'a tampered payload', message: tampered, status: 401, code: 'EVENT_SIGNATURE_INVALID' },
      { name: 'labor publishing a submission', message: byLabor, status: 403, code: 'EVENT_PRODUCER_NOT_ALLOWED' },
    ];
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      const reply = await postMessage(pair.subscriberPort, c.message);
      expect({ name: c.name, status: reply.status, body: reply.body }).toMatchObject({ name: c.name, status: c.status, body: { errors: [{ extensions: { code: c.code } }] } });
    }
    expect(await effectRows(pair.subscriber)).toEqual([]);
    expect(await pair.subscriber.db.select().from(inbox)).toEqual([]);
    expect(await metricSum(pair.subscriberPort, 'nomad_events_received_total', { outcome: 'unauthenticated' })).toBe(4);
    expect(await metricSum(pair.subscriberPort, 'nomad_events_received_total', { outcome: 'forbidden' })).toBe(1);

    // The genuine event takes effect once; sent again (a replay), it changes nothing.
    expect((await postMessage(pair.subscriberPort, genuine)).body).toEqual({ status: 'processed' });
    expect((await postMessage(pair.subscriberPort, genuine)).body).toEqual({ status: 'duplicate' });
    expect(await effectRows(pair.subscriber)).toHaveLength(1);
  }, 180_000);

  it('answers concurrent replays of a processed event as duplicates, with no second effect', async () => {
    const pair = await h.setUp('evt_replay');
    h.startSubscriber(pair);
    h.startProducer(pair);
    await Promise.all([h.waitReady(pair.subscriberPort), h.waitReady(pair.producerPort)]);
    const sent = await publish(pair.producer, randomUUID());
    await h.waitUntil('the event is delivered', () => allDelivered(pair.producer, 1));

    // A producer (or an operator's replay) sends it five more times at once.
    const [first] = await pair.producer.db.select().from(outbox).orderBy(asc(outbox.seq)).limit(1);
    if (!first) throw new Error('no event in the outbox');
    const event = { id: first.id, type: first.type, aggregateId: first.aggregateId, payload: first.payload, occurredAt: new Date().toISOString(), producer: 'migration' } as DomainEvent;
    const replies = await Promise.all(Array.from({ length: 5 }, () => postEvent(pair.subscriberPort, event)));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(replies.map((r) => r.body)).toEqual(Array.from({ length: 5 }, () => ({ status: 'duplicate' })));
    expect((await effectRows(pair.subscriber)).map((r) => r.marker)).toEqual([sent.marker]);
    expect(await metricSum(pair.subscriberPort, 'nomad_events_received_total', { outcome: 'duplicate' })).toBe(5);
    expect(await metricSum(pair.producerPort, 'nomad_events_written', { type: 'ApplicationSubmitted' })).toBe(1);
  }, 180_000);

  it('emits nothing from a transaction that rolled back', async () => {
    const pair = await h.setUp('evt_rollback');
    h.startSubscriber(pair);
    h.startProducer(pair);
    await Promise.all([h.waitReady(pair.subscriberPort), h.waitReady(pair.producerPort)]);

    const application = randomUUID();
    const rolledBack = nextMarker();
    await expect(
      pair.producer.db.transaction(async (tx) => {
        await publishEvent(tx, fixtureTables, 'migration', {
          type: 'ApplicationSubmitted',
          aggregateId: application,
          payload: submitted(application, rolledBack),
        });
        throw new Error('the state change failed after the event was written');
      }),
    ).rejects.toThrow('the state change failed');
    // A payload that fails its schema throws inside the caller's transaction, which rolls back.
    const badPayload = { ...submitted(application, nextMarker()), applicationNumber: 'not-8-digits' };
    await expect(
      pair.producer.db.transaction((tx) =>
        publishEvent(tx, fixtureTables, 'migration', { type: 'ApplicationSubmitted', aggregateId: application, payload: badPayload }),
      ),
    ).rejects.toThrow(/ApplicationSubmitted payload is invalid: applicationNumber: must be 8 digits/);

    // A later event of the same aggregate can only be delivered after every earlier one, so
    // once it has arrived, anything the rolled-back transactions had emitted would have too.
    const sentinel = await publish(pair.producer, application);
    await h.waitUntil('the later event is delivered', () => allDelivered(pair.producer, 1));
    expect((await effectRows(pair.subscriber)).map((r) => r.marker)).toEqual([sentinel.marker]);
    expect(await pair.producer.db.select({ id: outbox.id }).from(outbox)).toEqual([{ id: sentinel.eventId }]);
  }, 180_000);

  it('dead-letters a poison event after N attempts with its last error, and delivers it once retried', async () => {
    const pair = await h.setUp('evt_poison');
    h.startSubscriber(pair);
    h.startProducer(pair, { EVENTS_MAX_ATTEMPTS: '3' });
    await Promise.all([h.waitReady(pair.subscriberPort), h.waitReady(pair.producerPort)]);

    // 1. A payload the subscriber's catalog refuses (written by a producer on another catalog
    //    version: publishEvent itself would have refused it).
    const poisonApp = randomUUID();
    const poisonId = randomUUID();
    await pair.producer.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(outbox)
        .values({ id: poisonId, type: 'ApplicationSubmitted', aggregateId: poisonApp, payload: { applicationId: poisonApp }, producer: 'migration' })
        .returning({ seq: outbox.seq });
      await tx.insert(outboxDeliveries).values({ eventId: poisonId, subscriber: 'security', aggregateId: poisonApp, seq: row?.seq ?? 0 });
    });
    // A later event of the poisoned aggregate must wait behind it; another aggregate must not.
    const blocked = await publish(pair.producer, poisonApp);
    const other = await publish(pair.producer, randomUUID());

    // 2. A payload the subscriber accepts but whose handler fails until the subscriber is fixed.
    const refusedApp = randomUUID();
    const refusedMarker = nextMarker();
    await pair.subscriber.db.insert(refusals).values({ marker: refusedMarker });
    const refused = await publish(pair.producer, refusedApp, refusedMarker);
    const afterRefused = await publish(pair.producer, refusedApp);

    const deliveryOf = async (eventId: string) => {
      const [row] = await pair.producer.db.select().from(outboxDeliveries).where(eq(outboxDeliveries.eventId, eventId));
      if (!row) throw new Error(`no delivery for ${eventId}`);
      return row;
    };
    await h.waitUntil('both bad events are dead-lettered and the other one delivered', async () => {
      return (
        (await deliveryOf(poisonId)).state === 'DEAD' &&
        (await deliveryOf(refused.eventId)).state === 'DEAD' &&
        (await deliveryOf(other.eventId)).state === 'DELIVERED'
      );
    });
    const poison = await deliveryOf(poisonId);
    expect(poison.attempts).toBe(3);
    expect(poison.lastError).toMatch(/^security answered HTTP 422: POISON_EVENT: ApplicationSubmitted payload is invalid: .*applicationNumber/);
    const dead = await deliveryOf(refused.eventId);
    expect(dead.attempts).toBe(3);
    expect(dead.lastError).toBe(`security answered HTTP 500: EVENT_HANDLER_FAILED: Error: fixture refuses marker ${refusedMarker}`);
    // Their successors wait; nothing of the refused event took effect (its effect rolled back).
    expect((await deliveryOf(blocked.eventId)).state).toBe('PENDING');
    expect((await deliveryOf(afterRefused.eventId)).state).toBe('PENDING');
    expect((await effectRows(pair.subscriber)).map((r) => r.marker)).toEqual([other.marker]);
    // The subscriber's inbox tells its own operators what it refused and what failed.
    const inboxRows = await pair.subscriber.db.select().from(inbox).orderBy(asc(inbox.firstReceivedAt));
    expect(inboxRows.find((r) => r.eventId === poisonId)).toMatchObject({ state: 'POISON', attempts: 3 });
    expect(inboxRows.find((r) => r.eventId === refused.eventId)).toMatchObject({ state: 'FAILED', attempts: 3 });

    // Operators see the dead letters with their errors…
    const list = await graphql(
      pair.producerPort,
      ['auditor'],
      `{ migrationEventDeliveries(state: DEAD) { edges { node { id eventId eventType subscriber state attempts lastError } } } }`,
    );
    expect(list.errors).toBeUndefined();
    const nodes = (list.data?.migrationEventDeliveries as { edges: { node: Record<string, unknown> }[] }).edges.map((e) => e.node);
    expect(nodes.map((n) => n.eventId)).toEqual([poisonId, refused.eventId]);
    expect(nodes[1]).toMatchObject({ eventType: 'ApplicationSubmitted', subscriber: 'security', state: 'DEAD', attempts: 3, lastError: dead.lastError });
    const subscriberView = await graphql(pair.subscriberPort, ['auditor'], `{ securityInboxFailures { edges { node { eventId state attempts lastError } } } }`);
    expect(subscriberView.errors).toBeUndefined();
    // …nobody else does.
    const officer = await graphql(pair.producerPort, ['migration_officer'], `{ migrationEventDeliveries { edges { node { id } } } }`);
    expect(officer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Only a dead delivery can be retried.
    const retry = `mutation Retry($id: ID!) { retryMigrationEventDelivery(id: $id) { delivery { id state attempts } userErrors { code field } } }`;
    const notDead = await graphql(pair.producerPort, ['auditor'], retry, { id: (await deliveryOf(blocked.eventId)).id });
    expect(notDead.data?.retryMigrationEventDelivery).toEqual({ delivery: null, userErrors: [{ code: 'DELIVERY_NOT_DEAD', field: 'id' }] });

    // The subscriber is fixed; the operator retries: delivered once, then its successor.
    await pair.subscriber.db.delete(refusals);
    const retried = await graphql(pair.producerPort, ['auditor'], retry, { id: dead.id });
    expect(retried.data?.retryMigrationEventDelivery).toEqual({ delivery: { id: dead.id, state: 'PENDING', attempts: 0 }, userErrors: [] });
    await h.waitUntil('the retried event and its successor are delivered', async () => (await deliveryOf(afterRefused.eventId)).state === 'DELIVERED');
    expect((await deliveryOf(refused.eventId)).state).toBe('DELIVERED');
    const rows = await effectRows(pair.subscriber);
    expect(rows.map((r) => r.marker)).toEqual([other.marker, refusedMarker, afterRefused.marker]);
    expect(await metricSum(pair.producerPort, 'nomad_events_dead_lettered_total')).toBe(2);
    expect(await metricSum(pair.producerPort, 'nomad_event_deliveries', { state: 'DEAD' })).toBe(1);
  }, 180_000);
});
