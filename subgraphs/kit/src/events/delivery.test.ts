/**
 * Event delivery between two agency PROCESSES over real HTTP, each on its own database on
 * the test PostgreSQL server. The fixture agency (`__fixtures__/main.ts`) runs as `migration`
 * (the producer: `ApplicationSubmitted` goes to `security` only) and as `security` (the
 * subscriber, whose handler writes one `effects` row per committed effect). The test process
 * publishes through `publishEvent` on the producer's database, as the producer's own services
 * would, and reads the subscriber's `effects` to count effects.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { signToken, type Role } from '../auth.ts';
import { connect, type Database } from '../db/database.ts';
import { freePort } from '../db/embedded.ts';
import { DEV_GATEWAY_SECRET, DEV_JWT_SECRET } from '../env.ts';
import { Headers } from '../headers.ts';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import type { EventPayload } from './catalog.ts';
import { fixtureTables, type FixtureSchema } from './__fixtures__/fixture.ts';
import * as schema from './__fixtures__/schema.ts';
import { publishEvent } from './outbox.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const MAIN = fileURLToPath(new URL('./__fixtures__/main.ts', import.meta.url));
const SERVICE_SECRET = 'events-delivery-test-service-secret';
const { outbox, outboxDeliveries, inbox } = fixtureTables;
const { effects, refusals } = schema;

type AgencyName = 'migration' | 'security';

interface Proc {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

interface AgencyProcessOptions {
  name: AgencyName;
  port: number;
  databaseUrl: string;
  env?: Record<string, string>;
}

const running: Proc[] = [];
const databases: TestDatabase[] = [];
const connections: Database<FixtureSchema>[] = [];

/** Starts the fixture agency as `npm start` starts an agency: node with tsx over the TypeScript source. */
function startAgency(options: AgencyProcessOptions): Proc {
  const A = options.name.toUpperCase();
  // Only what this test sets: no DATABASE_URL from CI, no inherited agency settings.
  const { DATABASE_URL: _a, NOMAD_TEST_PG_URL: _b, ...base } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, options.name], {
    cwd: ROOT,
    env: {
      ...base,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      SEED: 'false',
      SERVICE_SECRET,
      [`${A}_DATABASE_URL`]: options.databaseUrl,
      [`${A}_PORT`]: String(options.port),
      EVENTS_POLL_INTERVAL_MS: '50',
      EVENTS_BACKOFF_BASE_MS: '20',
      EVENTS_BACKOFF_MAX_MS: '250',
      EVENTS_TIMEOUT_MS: '5000',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const proc = { child, output: () => out, exited };
  running.push(proc);
  return proc;
}

function outputs(): string {
  return running.map((p, i) => `--- process ${i} ---\n${p.output().slice(-4000)}`).join('\n');
}

/** Polls `check` until it returns true; fails with the processes' output after `timeoutMs`. */
async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting until ${what}\n${outputs()}`);
}

async function waitReady(port: number): Promise<void> {
  await waitUntil(`port ${port} is ready`, async () => (await fetch(`http://127.0.0.1:${port}/ready`)).status === 200, 90_000);
}

async function stopGracefully(proc: Proc): Promise<number | null> {
  proc.child.kill('SIGINT');
  return proc.exited;
}

afterEach(async () => {
  for (const p of running.splice(0)) {
    if (p.child.exitCode === null && p.child.signalCode === null) {
      p.child.kill('SIGKILL');
      await p.exited;
    }
  }
});

afterAll(async () => {
  for (const c of connections) await c.close();
  for (const d of databases) await d.drop();
});

interface Pair {
  producer: Database<FixtureSchema>;
  subscriber: Database<FixtureSchema>;
  producerUrl: string;
  subscriberUrl: string;
  producerPort: number;
  subscriberPort: number;
  /** Environment a producer process needs to reach the subscriber. */
  producerEnv: Record<string, string>;
}

/** Two fresh databases and ports; no process started yet. */
async function setUp(label: string): Promise<Pair> {
  const producerDb = await createTestDatabase(`${label}_migration`);
  const subscriberDb = await createTestDatabase(`${label}_security`);
  databases.push(producerDb, subscriberDb);
  const producer = connect(producerDb.url, { agency: 'migration', schema, maxConnections: 4 });
  const subscriber = connect(subscriberDb.url, { agency: 'security', schema, maxConnections: 4 });
  connections.push(producer, subscriber);
  const producerPort = await freePort();
  const subscriberPort = await freePort();
  return {
    producer,
    subscriber,
    producerUrl: producerDb.url,
    subscriberUrl: subscriberDb.url,
    producerPort,
    subscriberPort,
    producerEnv: { SECURITY_EVENTS_URL: `http://127.0.0.1:${subscriberPort}/events` },
  };
}

function startProducer(pair: Pair, env: Record<string, string> = {}, port = pair.producerPort): Proc {
  return startAgency({ name: 'migration', port, databaseUrl: pair.producerUrl, env: { ...pair.producerEnv, ...env } });
}

function startSubscriber(pair: Pair): Proc {
  return startAgency({ name: 'security', port: pair.subscriberPort, databaseUrl: pair.subscriberUrl });
}

let markerSerial = 10_000_000;
/** A fresh 8-digit marker (the application number) that names one event in `effects`. */
const nextMarker = () => String((markerSerial += 1));

function submitted(applicationId: string, marker: string): EventPayload<'ApplicationSubmitted'> {
  return {
    applicationId,
    applicationNumber: marker,
    nomadId: randomUUID(),
    citizenship: 'KAZ',
    activityCode: 'SOFTWARE_DEVELOPMENT',
    submittedAt: new Date().toISOString(),
  };
}

/** Publishes one ApplicationSubmitted in its own transaction, as the producer's service would. */
async function publish(db: Database<FixtureSchema>, applicationId: string, marker = nextMarker()): Promise<{ eventId: string; marker: string }> {
  const eventId = await db.db.transaction((tx) =>
    publishEvent(tx, fixtureTables, 'migration', { type: 'ApplicationSubmitted', aggregateId: applicationId, payload: submitted(applicationId, marker) }),
  );
  return { eventId, marker };
}

async function deliveryStates(db: Database<FixtureSchema>) {
  return db.db.select().from(outboxDeliveries).orderBy(asc(outboxDeliveries.seq));
}

async function allDelivered(db: Database<FixtureSchema>, expected: number): Promise<boolean> {
  const rows = await deliveryStates(db);
  return rows.length === expected && rows.every((r) => r.state === 'DELIVERED');
}

async function effectRows(db: Database<FixtureSchema>) {
  return db.db.select().from(effects).orderBy(asc(effects.seq));
}

/** Event ids that took effect more than once. */
function doubled(rows: { eventId: string }[]): string[] {
  const seen = new Map<string, number>();
  for (const r of rows) seen.set(r.eventId, (seen.get(r.eventId) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
}

/** Markers of each aggregate in the order their effects were applied. */
function appliedOrder(rows: { aggregateId: string; marker: string }[]): Map<string, string[]> {
  const byAggregate = new Map<string, string[]>();
  for (const r of rows) byAggregate.set(r.aggregateId, [...(byAggregate.get(r.aggregateId) ?? []), r.marker]);
  return byAggregate;
}

async function postEvent(port: number, event: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`http://127.0.0.1:${port}/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [Headers.serviceCredential]: SERVICE_SECRET },
    body: JSON.stringify(event),
  });
  const body: unknown = await res.json();
  return { status: res.status, body };
}

interface GraphReply {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Calls a fixture agency's `/graphql` as the gateway would (credential + bearer token). */
async function graphql(port: number, roles: Role[], query: string, variables: Record<string, unknown> = {}): Promise<GraphReply> {
  const token = await signToken(DEV_JWT_SECRET, { roles });
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, [Headers.gatewayCredential]: DEV_GATEWAY_SECRET },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphReply;
}

/** Sums a counter's samples on a `/metrics` page whose labels include `labels`. */
async function metricSum(port: number, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

describe('events between two agency processes', () => {
  it('takes effect exactly once when an event is delivered again', async () => {
    const pair = await setUp('evt_once');
    const subscriber = startSubscriber(pair);
    const producer = startProducer(pair);
    await Promise.all([waitReady(pair.subscriberPort), waitReady(pair.producerPort)]);

    const application = randomUUID();
    const published = [];
    for (let i = 0; i < 5; i += 1) published.push(await publish(pair.producer, application));
    await waitUntil('5 events are delivered', () => allDelivered(pair.producer, 5));

    // The acknowledgement was lost (the relay died after the subscriber committed): the relay
    // sends every event a second time.
    await pair.producer.db.update(outboxDeliveries).set({ state: 'PENDING', nextAttemptAt: sql`now()` });
    await waitUntil('the redeliveries are acknowledged', async () => {
      const rows = await deliveryStates(pair.producer);
      return rows.every((r) => r.state === 'DELIVERED' && r.attempts === 2);
    });

    // And a producer (or an operator's replay) sends one of them five more times at once.
    const [first] = await pair.producer.db.select().from(outbox).orderBy(asc(outbox.seq)).limit(1);
    if (!first) throw new Error('no event in the outbox');
    const event = {
      id: first.id,
      type: first.type,
      aggregateId: first.aggregateId,
      payload: first.payload,
      occurredAt: new Date().toISOString(),
      producer: 'migration',
    };
    const replies = await Promise.all(Array.from({ length: 5 }, () => postEvent(pair.subscriberPort, event)));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(replies.map((r) => r.body)).toEqual(Array.from({ length: 5 }, () => ({ status: 'duplicate' })));

    const rows = await effectRows(pair.subscriber);
    expect(doubled(rows)).toEqual([]);
    expect(rows.map((r) => r.marker)).toEqual(published.map((p) => p.marker));
    expect(await metricSum(pair.subscriberPort, 'nomad_events_received_total', { outcome: 'processed' })).toBe(5);
    expect(await metricSum(pair.subscriberPort, 'nomad_events_received_total', { outcome: 'duplicate' })).toBe(10);
    expect(await metricSum(pair.producerPort, 'nomad_events_delivered_total', { subscriber: 'security' })).toBe(10);
    expect(await metricSum(pair.producerPort, 'nomad_events_written', { type: 'ApplicationSubmitted' })).toBe(5);

    // Ctrl-C stops relay, server and database cleanly.
    expect(await stopGracefully(producer)).toBe(0);
    expect(await stopGracefully(subscriber)).toBe(0);
  }, 180_000);

  it('delivers everything, once and in order per aggregate, to a subscriber that was down for a while', async () => {
    const pair = await setUp('evt_down');
    startProducer(pair, { EVENTS_MAX_ATTEMPTS: '100000' });
    await waitReady(pair.producerPort);

    const applications = [randomUUID(), randomUUID(), randomUUID()];
    const expected = new Map<string, string[]>(applications.map((a) => [a, []]));
    for (let round = 0; round < 4; round += 1) {
      for (const application of applications) expected.get(application)?.push((await publish(pair.producer, application)).marker);
    }
    // The relay keeps trying a subscriber that is not there, and says why.
    await waitUntil('deliveries have failed more than once', async () => {
      const rows = await deliveryStates(pair.producer);
      return rows.some((r) => r.state === 'FAILED' && r.attempts >= 2);
    });
    const failing = (await deliveryStates(pair.producer)).find((r) => r.state === 'FAILED');
    expect(failing?.lastError).toMatch(/^security unreachable \(ECONNREFUSED\)$/);

    startSubscriber(pair);
    await waitUntil('all 12 events are delivered', () => allDelivered(pair.producer, 12));

    const rows = await effectRows(pair.subscriber);
    expect(rows).toHaveLength(12);
    expect(doubled(rows)).toEqual([]);
    expect(appliedOrder(rows)).toEqual(expected);
  }, 180_000);

  it('delivers after a restart what a producer killed between commit and delivery had not delivered', async () => {
    const pair = await setUp('evt_kill');
    const producer = startProducer(pair, { EVENTS_MAX_ATTEMPTS: '100000' });
    await waitReady(pair.producerPort);

    const applications = [randomUUID(), randomUUID()];
    const expected = new Map<string, string[]>(applications.map((a) => [a, []]));
    for (let round = 0; round < 3; round += 1) {
      for (const application of applications) expected.get(application)?.push((await publish(pair.producer, application)).marker);
    }
    // Committed and attempted, not delivered (the subscriber is not up): now the producer dies.
    await waitUntil('the relay has attempted a delivery', async () => (await deliveryStates(pair.producer)).some((r) => r.attempts >= 1));
    producer.child.kill('SIGKILL');
    await producer.exited;

    startSubscriber(pair);
    await waitReady(pair.subscriberPort);
    expect(await effectRows(pair.subscriber)).toEqual([]);

    startProducer(pair, { EVENTS_MAX_ATTEMPTS: '100000' });
    await waitUntil('all 6 events are delivered after the restart', () => allDelivered(pair.producer, 6));
    const rows = await effectRows(pair.subscriber);
    expect(doubled(rows)).toEqual([]);
    expect(appliedOrder(rows)).toEqual(expected);
  }, 180_000);

  it('emits nothing from a transaction that rolled back', async () => {
    const pair = await setUp('evt_rollback');
    startSubscriber(pair);
    startProducer(pair);
    await Promise.all([waitReady(pair.subscriberPort), waitReady(pair.producerPort)]);

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
    await waitUntil('the later event is delivered', () => allDelivered(pair.producer, 1));
    expect((await effectRows(pair.subscriber)).map((r) => r.marker)).toEqual([sentinel.marker]);
    expect(await pair.producer.db.select({ id: outbox.id }).from(outbox)).toEqual([{ id: sentinel.eventId }]);
  }, 180_000);

  it('dead-letters a poison event after N attempts with its last error, and delivers it once retried', async () => {
    const pair = await setUp('evt_poison');
    startSubscriber(pair);
    startProducer(pair, { EVENTS_MAX_ATTEMPTS: '3' });
    await Promise.all([waitReady(pair.subscriberPort), waitReady(pair.producerPort)]);

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
    await waitUntil('both bad events are dead-lettered and the other one delivered', async () => {
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
    await waitUntil('the retried event and its successor are delivered', async () => (await deliveryOf(afterRefused.eventId)).state === 'DELIVERED');
    expect((await deliveryOf(refused.eventId)).state).toBe('DELIVERED');
    const rows = await effectRows(pair.subscriber);
    expect(rows.map((r) => r.marker)).toEqual([other.marker, refusedMarker, afterRefused.marker]);
    expect(await metricSum(pair.producerPort, 'nomad_events_dead_lettered_total')).toBe(2);
    expect(await metricSum(pair.producerPort, 'nomad_event_deliveries', { state: 'DEAD' })).toBe(1);
  }, 180_000);

  it('never delivers one event twice with two relays of the producer running at once', async () => {
    const pair = await setUp('evt_two_relays');
    startSubscriber(pair);
    const secondPort = await freePort();
    startProducer(pair, { EVENTS_BATCH_SIZE: '5' });
    startProducer(pair, { EVENTS_BATCH_SIZE: '5' }, secondPort);
    await Promise.all([waitReady(pair.subscriberPort), waitReady(pair.producerPort), waitReady(secondPort)]);

    const applications = Array.from({ length: 12 }, () => randomUUID());
    const expected = new Map<string, string[]>(applications.map((a) => [a, []]));
    for (let round = 0; round < 10; round += 1) {
      const batch = await Promise.all(applications.map((application) => publish(pair.producer, application)));
      batch.forEach((p, i) => expected.get(applications[i] ?? '')?.push(p.marker));
    }
    await waitUntil('all 120 events are delivered', () => allDelivered(pair.producer, 120), 120_000);

    const rows = await effectRows(pair.subscriber);
    expect(rows).toHaveLength(120);
    expect(doubled(rows)).toEqual([]);
    expect(appliedOrder(rows)).toEqual(expected);
    // Not only one effect each: one receipt each. The inbox would hide a second delivery, the
    // subscriber's counters do not.
    expect(await metricSum(pair.subscriberPort, 'nomad_events_received_total', { outcome: 'duplicate' })).toBe(0);
    expect(await metricSum(pair.subscriberPort, 'nomad_events_received_total', { outcome: 'processed' })).toBe(120);
    expect((await deliveryStates(pair.producer)).every((r) => r.attempts === 1)).toBe(true);
    const first = await metricSum(pair.producerPort, 'nomad_events_delivered_total');
    const second = await metricSum(secondPort, 'nomad_events_delivered_total');
    expect(first + second).toBe(120);
  }, 240_000);
});
