/**
 * Fixture agency PROCESSES for the event tests: each one `node --import tsx main.ts <agency>`
 * on its own database, configured by env as a real agency is. `processHarness` keeps what it
 * started and stops it in `cleanUp`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { asc } from 'drizzle-orm';
import { signToken, type Role } from '../../auth.ts';
import { connect, type Database } from '../../db/database.ts';
import { freePort } from '../../db/embedded.ts';
import { DEV_GATEWAY_SECRET, DEV_JWT_SECRET } from '../../env.ts';
import { Headers } from '../../headers.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/index.ts';
import type { AgencyKeyring } from '../../keys/keyring.ts';
import { loadKeyring } from '../../keys/load.ts';
import type { DomainEvent, EventPayload } from '../catalog.ts';
import { encodeEventMessage, type EventMessage } from '../envelope.ts';
import { publishEvent } from '../outbox.ts';
import { fixtureTables, type FixtureSchema } from './fixture.ts';
import * as schema from './schema.ts';

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
export const SERVICE_SECRET = 'events-delivery-test-service-secret';

export type AgencyName = 'migration' | 'security';

export interface Proc {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** A producer (`migration`) and a subscriber (`security`), each with a fresh database and port; no process started yet. */
export interface Pair {
  producer: Database<FixtureSchema>;
  subscriber: Database<FixtureSchema>;
  producerUrl: string;
  subscriberUrl: string;
  producerPort: number;
  subscriberPort: number;
}

export interface ProcessHarnessOptions {
  /** The environment the processes inherit (the test's `process.env`), less the database settings. */
  baseEnv: Record<string, string | undefined>;
  /** Added to every process: the transport's settings (`EVENTS_TRANSPORT`, `NATS_URL`, …). @default {} (HTTP push) */
  transportEnv?: Record<string, string>;
}

let markerSerial = 10_000_000 + Math.floor(Math.random() * 80_000_000);
/** A fresh 8-digit marker (the application number) that names one event in `effects`. */
export const nextMarker = () => String((markerSerial += 1));

export function submittedPayload(applicationId: string, marker: string): EventPayload<'ApplicationSubmitted'> {
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
export async function publish(db: Database<FixtureSchema>, applicationId: string, marker = nextMarker()): Promise<{ eventId: string; marker: string }> {
  const eventId = await db.db.transaction((tx) =>
    publishEvent(tx, fixtureTables, 'migration', { type: 'ApplicationSubmitted', aggregateId: applicationId, payload: submittedPayload(applicationId, marker) }),
  );
  return { eventId, marker };
}

export async function deliveryStates(db: Database<FixtureSchema>) {
  return db.db.select().from(fixtureTables.outboxDeliveries).orderBy(asc(fixtureTables.outboxDeliveries.seq));
}

export async function allDelivered(db: Database<FixtureSchema>, expected: number): Promise<boolean> {
  const rows = await deliveryStates(db);
  return rows.length === expected && rows.every((r) => r.state === 'DELIVERED');
}

export async function effectRows(db: Database<FixtureSchema>) {
  return db.db.select().from(schema.effects).orderBy(asc(schema.effects.seq));
}

/** Event ids that took effect more than once. */
export function doubled(rows: { eventId: string }[]): string[] {
  const seen = new Map<string, number>();
  for (const r of rows) seen.set(r.eventId, (seen.get(r.eventId) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
}

/** Markers of each aggregate in the order their effects were applied. */
export function appliedOrder(rows: { aggregateId: string; marker: string }[]): Map<string, string[]> {
  const byAggregate = new Map<string, string[]>();
  for (const r of rows) byAggregate.set(r.aggregateId, [...(byAggregate.get(r.aggregateId) ?? []), r.marker]);
  return byAggregate;
}

/**
 * POSTs `event` to an agency process's `POST /events` as its producer's relay would: with the
 * service credential and signed with the producer's development key, from the same data
 * folder the processes load their keys from (they run with the default `DATA_DIR`).
 */
export async function postEvent(port: number, event: DomainEvent): Promise<{ status: number; body: unknown }> {
  return postMessage(port, encodeEventMessage(event, await devKeyring(event.producer)));
}

/** An agency's development keyring, from the data folder the processes use. */
export function devKeyring(agency: string): Promise<AgencyKeyring> {
  return loadKeyring({ agency, env: {}, production: false, dataDir: path.join(ROOT, '.data') });
}

/** POSTs a message as it is (headers and body), with the service credential: for forgeries. */
export async function postMessage(port: number, message: EventMessage): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`http://127.0.0.1:${port}/events`, {
    method: 'POST',
    headers: { ...message.headers, [Headers.serviceCredential]: SERVICE_SECRET },
    body: message.body,
  });
  const body: unknown = await res.json();
  return { status: res.status, body };
}

export interface GraphReply {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Calls a fixture agency's `/graphql` as the gateway would (credential + bearer token). */
export async function graphql(port: number, roles: Role[], query: string, variables: Record<string, unknown> = {}): Promise<GraphReply> {
  const token = await signToken(DEV_JWT_SECRET, { roles });
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, [Headers.gatewayCredential]: DEV_GATEWAY_SECRET },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphReply;
}

/** Sums a counter's samples on a `/metrics` page whose labels include `labels`. */
export async function metricSum(port: number, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

export async function stopGracefully(proc: Proc): Promise<number | null> {
  proc.child.kill('SIGINT');
  return proc.exited;
}

/** Starts and tracks fixture agency processes and their databases. */
export function processHarness(options: ProcessHarnessOptions) {
  const running: Proc[] = [];
  const databases: TestDatabase[] = [];
  const connections: Database<FixtureSchema>[] = [];
  // Only what the test sets: no DATABASE_URL from CI, no inherited agency settings.
  const { DATABASE_URL: _a, NOMAD_TEST_PG_URL: _b, ...base } = options.baseEnv;

  /** Starts the fixture agency as `npm start` starts an agency: node with tsx over the TypeScript source. */
  function startAgency(name: AgencyName, port: number, databaseUrl: string, env: Record<string, string> = {}): Proc {
    const A = name.toUpperCase();
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, name], {
      cwd: ROOT,
      env: {
        ...base,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        SEED: 'false',
        SERVICE_SECRET,
        [`${A}_DATABASE_URL`]: databaseUrl,
        [`${A}_PORT`]: String(port),
        EVENTS_POLL_INTERVAL_MS: '5000',
        EVENTS_BACKOFF_BASE_MS: '20',
        EVENTS_BACKOFF_MAX_MS: '250',
        EVENTS_TIMEOUT_MS: '5000',
        ...options.transportEnv,
        ...env,
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

  async function setUp(label: string): Promise<Pair> {
    const producerDb = await createTestDatabase(`${label}_migration`);
    const subscriberDb = await createTestDatabase(`${label}_security`);
    databases.push(producerDb, subscriberDb);
    const producer = connect(producerDb.url, { agency: 'migration', schema, maxConnections: 4 });
    const subscriber = connect(subscriberDb.url, { agency: 'security', schema, maxConnections: 4 });
    connections.push(producer, subscriber);
    return {
      producer,
      subscriber,
      producerUrl: producerDb.url,
      subscriberUrl: subscriberDb.url,
      producerPort: await freePort(),
      subscriberPort: await freePort(),
    };
  }

  function startProducer(pair: Pair, env: Record<string, string> = {}, port = pair.producerPort): Proc {
    const toSubscriber = { SECURITY_EVENTS_URL: `http://127.0.0.1:${pair.subscriberPort}/events` };
    return startAgency('migration', port, pair.producerUrl, { ...toSubscriber, ...env });
  }

  function startSubscriber(pair: Pair, env: Record<string, string> = {}, port = pair.subscriberPort): Proc {
    return startAgency('security', port, pair.subscriberUrl, env);
  }

  return {
    startProducer,
    startSubscriber,
    setUp,
    waitUntil,
    waitReady,
    /** Kills what is still running (afterEach). */
    async killAll(): Promise<void> {
      for (const p of running.splice(0)) {
        if (p.child.exitCode === null && p.child.signalCode === null) {
          p.child.kill('SIGKILL');
          await p.exited;
        }
      }
    },
    /** Closes connections and drops databases (afterAll). */
    async dropAll(): Promise<void> {
      for (const c of connections.splice(0)) await c.close();
      for (const d of databases.splice(0)) await d.drop();
    },
  };
}
