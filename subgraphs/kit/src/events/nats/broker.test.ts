/**
 * NATS JetStream between two agency processes, where the broker itself misbehaves: it offers
 * an event twice, it carries a poison event, it is killed and restarted mid-stream. The
 * restart runs on a private nats-server (its own port and store folder), so the machine's
 * broker is never touched; the rest use the machine's broker (`NOMAD_TEST_NATS_URL`, default
 * nats://127.0.0.1:4222) with a stream prefix of this run's own, deleted after.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { jetstream } from '@nats-io/jetstream';
import { connect, headers } from '@nats-io/transport-node';
import { freePort } from '../../db/embedded.ts';
import { fixtureTables } from '../__fixtures__/fixture.ts';
import { deleteStreams, uniquePrefix } from '../__fixtures__/nats.ts';
import {
  allDelivered,
  appliedOrder,
  devKeyring,
  doubled,
  effectRows,
  metricSum,
  processHarness,
  publish,
  submittedPayload,
  type Pair,
} from '../__fixtures__/processes.ts';
import type { DomainEvent } from '../catalog.ts';
import { encodeEventMessage } from '../envelope.ts';
import { eventSubject } from './names.ts';

const NATS_SERVER = '/usr/sbin/nats-server';
const machineBroker = process.env.NOMAD_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
const prefix = uniquePrefix('brk');
const h = processHarness({ baseEnv: process.env });
const { inbox } = fixtureTables;

interface Broker {
  url: string;
  start(): Promise<void>;
  kill(): Promise<void>;
  remove(): Promise<void>;
}

/** A nats-server of the test's own, with JetStream in a fresh folder; restartable on the same port and folder. */
async function privateBroker(): Promise<Broker> {
  const port = await freePort();
  const storeDir = await mkdtemp(path.join(tmpdir(), 'nomad-nats-'));
  let child: ChildProcess | undefined;
  const url = `nats://127.0.0.1:${port}`;
  const reachable = async () => {
    try {
      const nc = await connect({ servers: url, reconnect: false });
      await nc.close();
      return true;
    } catch {
      return false;
    }
  };
  const kill = async () => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await exited;
  };
  return {
    url,
    kill,
    async start() {
      child = spawn(NATS_SERVER, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], { stdio: 'ignore' });
      await h.waitUntil(`the private broker listens on ${port}`, reachable, 20_000);
    },
    async remove() {
      await kill();
      await rm(storeDir, { recursive: true, force: true });
    },
  };
}

const brokers: Broker[] = [];
afterEach(() => h.killAll());
afterAll(async () => {
  for (const b of brokers) await b.remove();
  await h.dropAll();
  await deleteStreams(machineBroker, prefix);
});

function natsEnv(url: string, streamPrefix: string): Record<string, string> {
  return { EVENTS_TRANSPORT: 'nats', NATS_URL: url, NATS_STREAM_PREFIX: streamPrefix, EVENTS_MAX_ATTEMPTS: '100000' };
}

async function startPair(label: string, env: Record<string, string>): Promise<Pair> {
  const pair = await h.setUp(label);
  h.startSubscriber(pair, env);
  h.startProducer(pair, env);
  await Promise.all([h.waitReady(pair.subscriberPort), h.waitReady(pair.producerPort)]);
  return pair;
}

/**
 * Publishes straight to the subscriber's stream, as a relay would (signed with migration's
 * development key, the one the processes load) but under `msgId` (another id defeats the
 * broker's de-duplication).
 */
async function publishRaw(event: Record<string, unknown> & { id: string; aggregateId: string }, msgId: string): Promise<void> {
  const nc = await connect({ servers: machineBroker });
  try {
    const message = encodeEventMessage(event as unknown as DomainEvent, await devKeyring('migration'));
    const h2 = headers();
    for (const [name, value] of Object.entries(message.headers)) h2.set(name, value);
    await jetstream(nc).publish(eventSubject(prefix, 'security', 'migration', event.aggregateId), message.body, { msgID: msgId, headers: h2 });
  } finally {
    await nc.close();
  }
}

describe('NATS JetStream when the broker misbehaves', () => {
  it('applies once an event the broker offers twice, and terminates a poison event without holding later ones', async () => {
    const pair = await startPair('nats_twice', natsEnv(machineBroker, prefix));
    const application = randomUUID();
    const first = await publish(pair.producer, application);
    await h.waitUntil('the first event is applied', async () => (await effectRows(pair.subscriber)).length === 1);

    // The same event again under another message id: the broker stores and offers it again
    // (as after a subscriber died between its commit and its ack).
    const [row] = await pair.subscriber.db.select().from(inbox).where(eq(inbox.eventId, first.eventId));
    expect(row?.state).toBe('PROCESSED');
    const again = { id: first.eventId, type: 'ApplicationSubmitted', aggregateId: application, occurredAt: new Date().toISOString(), producer: 'migration', payload: submittedPayload(application, first.marker) };
    await publishRaw(again, randomUUID());
    // A poison event (its payload fails the catalog) right behind it.
    const poisonId = randomUUID();
    await publishRaw({ ...again, id: poisonId, payload: { applicationId: application } }, poisonId);
    const later = await publish(pair.producer, application);

    await h.waitUntil('the later event is applied', async () => (await effectRows(pair.subscriber)).length === 2);
    const rows = await effectRows(pair.subscriber);
    expect(rows.map((r) => r.marker)).toEqual([first.marker, later.marker]);
    expect(doubled(rows)).toEqual([]);
    expect(await metricSum(pair.subscriberPort, 'nomad_events_received_total', { outcome: 'duplicate' })).toBe(1);
    expect(await metricSum(pair.subscriberPort, 'nomad_events_received_total', { outcome: 'poison' })).toBe(1);
    const [poison] = await pair.subscriber.db.select().from(inbox).where(eq(inbox.eventId, poisonId));
    expect(poison).toMatchObject({ state: 'POISON', attempts: 1 });
    expect(poison?.lastError).toMatch(/^ApplicationSubmitted payload is invalid: .*applicationNumber/);
  }, 180_000);

  it('loses nothing, applies nothing twice and keeps each aggregate in order when the broker is killed and restarted mid-stream', async () => {
    const broker = await privateBroker();
    brokers.push(broker);
    await broker.start();
    const pair = await startPair('nats_restart', natsEnv(broker.url, uniquePrefix('rst')));

    const applications = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const expected = new Map<string, string[]>(applications.map((a) => [a, []]));
    const round = async () => {
      for (const application of applications) expected.get(application)?.push((await publish(pair.producer, application)).marker);
    };
    for (let i = 0; i < 5; i += 1) await round();
    // Killed while events are on their way (some applied, some stored, some not yet published)…
    await h.waitUntil('some events are applied', async () => (await effectRows(pair.subscriber)).length > 0);
    await broker.kill();
    // …and events keep being committed while it is away.
    for (let i = 0; i < 5; i += 1) await round();
    await new Promise((r) => setTimeout(r, 1_500));
    await broker.start();

    await h.waitUntil('all 40 events are delivered', () => allDelivered(pair.producer, 40), 120_000);
    await h.waitUntil('all 40 effects are applied', async () => (await effectRows(pair.subscriber)).length >= 40, 120_000);
    const rows = await effectRows(pair.subscriber);
    expect(rows).toHaveLength(40);
    expect(doubled(rows)).toEqual([]);
    expect(appliedOrder(rows)).toEqual(expected);
  }, 240_000);
});
