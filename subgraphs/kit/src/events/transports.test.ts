/**
 * Event delivery between two agency PROCESSES, on the transport CI selects:
 * `NOMAD_TEST_EVENTS_TRANSPORT=http` (the default: the relay pushes to `POST /events`) or
 * `nats` (NATS JetStream at `NOMAD_TEST_NATS_URL`, default `nats://127.0.0.1:4222`, with a
 * stream prefix of this run's own, deleted after). The fixture agency runs as `migration`
 * (the producer: `ApplicationSubmitted` goes to `security` only) and as `security` (the
 * subscriber, whose handler writes one `effects` row per committed effect).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { freePort } from '../db/embedded.ts';
import { fixtureTables } from './__fixtures__/fixture.ts';
import { deleteStreams, uniquePrefix } from './__fixtures__/nats.ts';
import {
  allDelivered,
  appliedOrder,
  deliveryStates,
  doubled,
  effectRows,
  metricSum,
  processHarness,
  publish,
  stopGracefully,
} from './__fixtures__/processes.ts';

const transport = process.env.NOMAD_TEST_EVENTS_TRANSPORT === 'nats' ? 'nats' : 'http';
const natsUrl = process.env.NOMAD_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
const prefix = uniquePrefix('evt');
const h = processHarness({
  baseEnv: process.env,
  transportEnv: transport === 'nats' ? { EVENTS_TRANSPORT: 'nats', NATS_URL: natsUrl, NATS_STREAM_PREFIX: prefix } : {},
});
const { outboxDeliveries } = fixtureTables;

afterEach(() => h.killAll());
afterAll(async () => {
  await h.dropAll();
  if (transport === 'nats') await deleteStreams(natsUrl, prefix);
});

describe(`events between two agency processes over ${transport}`, () => {
  it('takes effect exactly once when the producer sends every event again', async () => {
    const pair = await h.setUp('evt_once');
    const subscriber = h.startSubscriber(pair);
    const producer = h.startProducer(pair);
    await Promise.all([h.waitReady(pair.subscriberPort), h.waitReady(pair.producerPort)]);

    const application = randomUUID();
    const published = [];
    for (let i = 0; i < 5; i += 1) published.push(await publish(pair.producer, application));
    await h.waitUntil('5 events are delivered', () => allDelivered(pair.producer, 5));
    await h.waitUntil('5 effects are applied', async () => (await effectRows(pair.subscriber)).length === 5);

    // The acknowledgement was lost (the relay died after the subscriber, or the broker, took
    // the events): the relay sends every event a second time.
    await pair.producer.db.update(outboxDeliveries).set({ state: 'PENDING', nextAttemptAt: sql`now()` });
    await pair.producer.client`select pg_notify('nomad_outbox_migration', '')`;
    await h.waitUntil('the second sends are acknowledged', async () => {
      const rows = await deliveryStates(pair.producer);
      return rows.length === 5 && rows.every((r) => r.state === 'DELIVERED' && r.attempts === 2);
    });
    if (transport === 'http') {
      // Each second send reached the subscriber, which recognised it.
      await h.waitUntil('5 duplicates are counted', async () => (await metricSum(pair.subscriberPort, 'nomad_events_received_total', { outcome: 'duplicate' })) === 5);
    }

    const rows = await effectRows(pair.subscriber);
    expect(doubled(rows)).toEqual([]);
    expect(rows.map((r) => r.marker)).toEqual(published.map((p) => p.marker));
    expect(await metricSum(pair.subscriberPort, 'nomad_events_received_total', { outcome: 'processed' })).toBe(5);
    expect(await metricSum(pair.producerPort, 'nomad_events_delivered_total', { subscriber: 'security' })).toBe(10);

    // Ctrl-C stops consumer, relay, server and database cleanly.
    expect(await stopGracefully(producer)).toBe(0);
    expect(await stopGracefully(subscriber)).toBe(0);
  }, 180_000);

  it('delivers everything, once and in order per aggregate, to a subscriber that was down for a while', async () => {
    const pair = await h.setUp('evt_down');
    h.startProducer(pair, { EVENTS_MAX_ATTEMPTS: '100000' });
    await h.waitReady(pair.producerPort);

    const applications = [randomUUID(), randomUUID(), randomUUID()];
    const expected = new Map<string, string[]>(applications.map((a) => [a, []]));
    for (let round = 0; round < 4; round += 1) {
      for (const application of applications) expected.get(application)?.push((await publish(pair.producer, application)).marker);
    }
    if (transport === 'http') {
      // The relay keeps trying a subscriber that is not there, and says why.
      await h.waitUntil('deliveries have failed more than once', async () => (await deliveryStates(pair.producer)).some((r) => r.state === 'FAILED' && r.attempts >= 2));
      const failing = (await deliveryStates(pair.producer)).find((r) => r.state === 'FAILED');
      expect(failing?.lastError).toMatch(/^security unreachable \(ECONNREFUSED\)$/);
    } else {
      // The broker holds them for the subscriber: the producer is done with them.
      await h.waitUntil('the broker has all 12 events', () => allDelivered(pair.producer, 12));
    }
    h.startSubscriber(pair);
    await h.waitUntil('all 12 events are applied', async () => (await effectRows(pair.subscriber)).length >= 12);
    await h.waitUntil('all 12 deliveries are done', () => allDelivered(pair.producer, 12));

    const rows = await effectRows(pair.subscriber);
    expect(rows).toHaveLength(12);
    expect(doubled(rows)).toEqual([]);
    expect(appliedOrder(rows)).toEqual(expected);
  }, 180_000);

  it('sends after a restart what a producer killed between commit and send had committed', async () => {
    const pair = await h.setUp('evt_kill');
    h.startSubscriber(pair);
    const producer = h.startProducer(pair);
    await Promise.all([h.waitReady(pair.subscriberPort), h.waitReady(pair.producerPort)]);
    await publish(pair.producer, randomUUID());
    await h.waitUntil('the first event is applied', async () => (await effectRows(pair.subscriber)).length === 1);

    producer.child.kill('SIGKILL');
    await producer.exited;
    // Committed by the producer's services; its relay is dead, so nothing is sent.
    const applications = [randomUUID(), randomUUID()];
    const expected = new Map<string, string[]>(applications.map((a) => [a, []]));
    for (let round = 0; round < 3; round += 1) {
      for (const application of applications) expected.get(application)?.push((await publish(pair.producer, application)).marker);
    }
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await effectRows(pair.subscriber)).toHaveLength(1);

    h.startProducer(pair);
    await h.waitUntil('all 7 events are delivered after the restart', () => allDelivered(pair.producer, 7));
    await h.waitUntil('all 7 effects are applied', async () => (await effectRows(pair.subscriber)).length >= 7);
    const rows = await effectRows(pair.subscriber);
    expect(rows).toHaveLength(7);
    expect(doubled(rows)).toEqual([]);
    const order = appliedOrder(rows);
    for (const a of applications) expect(order.get(a)).toEqual(expected.get(a));
  }, 180_000);

  it('delivers every event exactly once with two replicas of the producer and two of the subscriber', async () => {
    const pair = await h.setUp('evt_replicas');
    const producerPort2 = await freePort();
    const subscriberPort2 = await freePort();
    // Over HTTP the producers push to one subscriber URL (a load balancer's, in production);
    // over NATS both subscriber replicas pull from the one durable consumer.
    h.startSubscriber(pair);
    if (transport === 'nats') h.startSubscriber(pair, {}, subscriberPort2);
    h.startProducer(pair, { EVENTS_BATCH_SIZE: '5' });
    h.startProducer(pair, { EVENTS_BATCH_SIZE: '5' }, producerPort2);
    const ports = [pair.subscriberPort, pair.producerPort, producerPort2, ...(transport === 'nats' ? [subscriberPort2] : [])];
    await Promise.all(ports.map((p) => h.waitReady(p)));

    const applications = Array.from({ length: 12 }, () => randomUUID());
    const expected = new Map<string, string[]>(applications.map((a) => [a, []]));
    // One busy aggregate first: its events sit next to each other in the stream, where two
    // subscriber replicas taking one each at the same time would apply them out of order.
    const busy = randomUUID();
    expected.set(busy, []);
    for (let i = 0; i < 20; i += 1) expected.get(busy)?.push((await publish(pair.producer, busy)).marker);
    for (let round = 0; round < 10; round += 1) {
      const batch = await Promise.all(applications.map((application) => publish(pair.producer, application)));
      batch.forEach((p, i) => expected.get(applications[i] ?? '')?.push(p.marker));
    }
    await h.waitUntil('all 140 events are delivered', () => allDelivered(pair.producer, 140), 120_000);
    await h.waitUntil('all 140 effects are applied', async () => (await effectRows(pair.subscriber)).length >= 140, 120_000);

    const rows = await effectRows(pair.subscriber);
    expect(rows).toHaveLength(140);
    expect(doubled(rows)).toEqual([]);
    expect(appliedOrder(rows)).toEqual(expected);
    // Not only one effect each: one receipt each. The inbox would hide a second delivery, the
    // subscribers' counters do not.
    const subscriberPorts = transport === 'nats' ? [pair.subscriberPort, subscriberPort2] : [pair.subscriberPort];
    let processed = 0;
    let duplicates = 0;
    for (const port of subscriberPorts) {
      processed += await metricSum(port, 'nomad_events_received_total', { outcome: 'processed' });
      duplicates += await metricSum(port, 'nomad_events_received_total', { outcome: 'duplicate' });
    }
    expect(duplicates).toBe(0);
    expect(processed).toBe(140);
    const states = await deliveryStates(pair.producer);
    expect(states).toHaveLength(140);
    expect(states.every((r) => r.attempts === 1)).toBe(true);
    const first = await metricSum(pair.producerPort, 'nomad_events_delivered_total');
    const second = await metricSum(producerPort2, 'nomad_events_delivered_total');
    expect(first + second).toBe(140);
    if (transport === 'nats') {
      // Both subscriber replicas took part.
      for (const port of subscriberPorts) expect(await metricSum(port, 'nomad_events_received_total', { outcome: 'processed' })).toBeGreaterThan(0);
    }
  }, 240_000);
});
