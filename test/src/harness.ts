import { randomUUID } from 'node:crypto';
import { appendFile, readFile } from 'node:fs/promises';
import { pino } from 'pino';
import {
  createTokenVerifier,
  encodeEventMessage,
  DEV_JWT_SECRET,
  DEV_SERVICE_SECRET,
  signToken,
  type Database,
  type DomainEvent,
  type Role,
  type SubgraphServer,
} from '@nomad/kit';
import { createTestDatabase, createTestKeys, type TestDatabase, type TestKeys } from '@nomad/kit/testing';
import { createGateway, DEFAULT_COST_WEIGHTS_PATH, loadCostWeights, type Gateway, type TrustedDocumentsOptions } from '@nomad/gateway';
import { fixedClock, type MigrationSchema, type Zhaak } from '@nomad/migration';
import { SUPERGRAPH_PATH } from '@nomad/schema';
import { AGENCY_STARTERS, type AgencyHandle } from './agencies.ts';
import { eventBroker } from './nats-events.ts';
import type { LogCapture } from './log-scan.ts';

export interface GraphResponse<T = Record<string, unknown>> {
  status: number;
  body: {
    data?: T | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
    extensions?: Record<string, unknown>;
  };
  text: string;
  headers: Headers;
}

export interface TestGraph {
  gateway: Gateway;
  /** Every running agency by name. */
  agencies: Record<string, AgencyHandle>;
  /** Each agency's database URL (a second replica of an agency connects to the same one; `audit:verify` reads it). */
  databaseUrls: Record<string, string>;
  /** The agencies' keys (`keys.verifier` holds only the public keys, as `audit:verify` does). */
  keys: TestKeys;
  /**
   * Seals every agency's access log, delivers the seals to the ledger, seals the ledger and
   * anchors it in migration: afterwards every committed record is sealed and anchored.
   */
  sealAll(): Promise<void>;
  migration: { server: SubgraphServer; database: Database<MigrationSchema> };
  clock: ReturnType<typeof fixedClock>;
  /** POSTs an operation to the gateway, with `DEFAULT_TEST_PURPOSE` unless `headers` give another. */
  request<T = Record<string, unknown>>(
    token: string | null,
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
    operationName?: string,
  ): Promise<GraphResponse<T>>;
  /** The ZHAAK the migration subgraph uses; tests may swap in a failing one. */
  zhaak: { current: Zhaak };
  /**
   * Delivers an event to the migration subgraph's `POST /events` as another agency's relay
   * would (service credential, envelope). Returns the HTTP status.
   */
  deliverToMigration(type: string, aggregateId: string, payload: Record<string, unknown>, id?: string): Promise<number>;
  /** Delivers an event signed by migration (its relay's envelope and key) to `agency`'s `POST /events`. Returns the HTTP status. */
  deliverFromMigration(agency: string, type: string, aggregateId: string, payload: Record<string, unknown>, id?: string): Promise<number>;
  /** Runs relay passes of every agency until none has anything due: all events delivered. */
  flushEvents(): Promise<void>;
  /** Runs `fn` and returns how many SQL statements each subgraph ran meanwhile. */
  countSql(fn: () => Promise<unknown>): Promise<Record<string, number> & { migration: number }>;
  stop(): Promise<void>;
}

/**
 * The purpose every request of the harness gives (`X-Purpose`), as a well-behaved officer's
 * client does; a test of the rule itself sends `{ 'x-purpose': '' }`, which means none.
 */
export const DEFAULT_TEST_PURPOSE = 'end-to-end test';

export const silentLogger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** `nomad_sql_statements_total` of a subgraph: statements run inside GraphQL operations. */
async function operationStatements(server: SubgraphServer): Promise<number> {
  const metric = server.registry.getSingleMetric('nomad_sql_statements_total');
  const value = await metric?.get();
  return value?.values.reduce((sum, v) => sum + v.value, 0) ?? 0;
}

function keyringOf(keys: TestKeys, agency: string) {
  const keyring = keys.keyrings[agency];
  if (!keyring) throw new Error(`no test key for ${agency}`);
  return keyring;
}

/** A development token as the gateway and subgraphs accept it in tests. */
export function token(roles: Role[], claims: { nomadId?: string; name?: string; sub?: string; expiresIn?: string; study?: string; unit?: string } = {}): Promise<string> {
  return signToken(DEV_JWT_SECRET, { roles, ...claims });
}

/**
 * Starts the real graph in-process: every agency on its own fresh database on the test
 * server, migrated, on a free port, with its relay; the gateway over the committed supergraph.
 * With `seed`, every agency seeds its part of the sample world around the harness clock's
 * day, as `npm start` does around today. With `logs`, every service logs into that capture
 * (see `log-scan.ts`) instead of nowhere.
 *
 * Sealers run only when a test calls `sealAll()` (or with `autoSeal: true`, at the pace of the
 * rule `seal_delay_ms`): a background seal writes to the outbox, which tests count. With
 * `E2E_KEEP_GRAPHS=<file>` (CI), `stop()` seals and anchors everything, keeps the databases and
 * appends the graph (database URLs, public keys) to that file, for `audit:verify` to check
 * afterwards; a test that tampers with a log passes `keep: false`.
 */
export async function startGraph(
  options: {
    today?: string;
    seed?: boolean;
    /** With `seed`: the sample world's number of nomads. @default 400 */
    seedNomads?: number;
    autoSeal?: boolean;
    keep?: boolean;
    logs?: LogCapture;
    /** An agency named here runs on that database (its test owns it) instead of a fresh one on the test server. */
    databaseUrls?: Record<string, string>;
    /** The gateway's `SUBGRAPH_TIMEOUT_MS`. @default 30_000 (see below) */
    subgraphTimeoutMs?: number;
    /** The gateway's trusted documents (production's, from `trustedDocumentsOf`). @default undefined // free text runs */
    trustedDocuments?: TrustedDocumentsOptions;
  } = {},
): Promise<TestGraph> {
  const keepFile = options.keep === false ? undefined : process.env.E2E_KEEP_GRAPHS;
  const keys = createTestKeys();
  const loggerFor = (service: string) => options.logs?.loggerFor(service) ?? silentLogger;
  const clock = fixedClock(`${options.today ?? '2026-11-24'}T06:00:00Z`);
  const databaseUrls: Record<string, string> = {};
  const testDbs: TestDatabase[] = [];
  const verifyToken = createTokenVerifier({ secret: DEV_JWT_SECRET });
  const eventsUrls: Record<string, string> = {};
  const agencies: Record<string, AgencyHandle> = {};
  const broker = await eventBroker();
  try {
    for (const [name, start] of Object.entries(AGENCY_STARTERS)) {
      let url = options.databaseUrls?.[name];
      if (url === undefined) {
        const db = await createTestDatabase(`e2e_${name}`);
        testDbs.push(db);
        url = db.url;
      }
      databaseUrls[name] = url;
      agencies[name] = await start({
        databaseUrl: url,
        clock,
        logger: loggerFor(name),
        verifyToken,
        eventsUrls,
        seed: options.seed ?? false,
        ...(options.seedNomads === undefined ? {} : { seedNomads: options.seedNomads }),
        keyring: keyringOf(keys, name),
        autoSeal: options.autoSeal ?? false,
        ...(broker ? { nats: broker.deps } : {}),
      });
    }
  } catch (err) {
    for (const a of Object.values(agencies)) await a.stop().catch(() => undefined);
    await broker?.close().catch(() => undefined);
    for (const d of testDbs) await d.drop().catch(() => undefined);
    throw err;
  }
  for (const [name, a] of Object.entries(agencies)) eventsUrls[name] = a.server.url.replace(/\/graphql$/, '/events');
  const supergraphSdl = await readFile(SUPERGRAPH_PATH, 'utf8');
  const gateway = await createGateway({
    supergraphSdl,
    limits: { costWeights: await loadCostWeights(DEFAULT_COST_WEIGHTS_PATH, supergraphSdl) },
    subgraphUrls: Object.fromEntries(Object.entries(agencies).map(([name, a]) => [name, a.server.url])),
    logger: loggerFor('gateway'),
    port: 0,
    // The production default (5 s) is for a server; on the shared 2-core test machine a loaded
    // subgraph can be slower than that. Tests of the timeout itself set their own.
    subgraphTimeoutMs: options.subgraphTimeoutMs ?? 30_000,
    ...(options.trustedDocuments ? { trustedDocuments: options.trustedDocuments } : {}),
  });
  const migration = agencies.migration;
  if (!migration) throw new Error('the harness needs the migration subgraph');
  const zhaak = migration.extras.zhaak as { current: Zhaak };
  /** Posts an event signed with the producer's key, as its relay signs it, to `agency`'s `POST /events`. */
  const deliver = async (agency: string, producer: string, type: string, aggregateId: string, payload: Record<string, unknown>, id: string) => {
    const message = encodeEventMessage({ id, type, aggregateId, occurredAt: new Date().toISOString(), producer, payload } as DomainEvent, keyringOf(keys, producer));
    const res = await fetch(eventsUrls[agency] ?? '', {
      method: 'POST',
      headers: { ...message.headers, 'x-service-credential': DEV_SERVICE_SECRET },
      body: message.body,
    });
    await res.arrayBuffer();
    return res.status;
  };
  const graph: TestGraph = {
    gateway,
    agencies,
    databaseUrls,
    keys,
    migration: { server: migration.server, database: migration.database as unknown as Database<MigrationSchema> },
    clock,
    zhaak,
    async request(tok, query, variables, headers, operationName) {
      const res = await fetch(gateway.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(tok ? { authorization: `Bearer ${tok}` } : {}),
          // Staff must say why they read personal data; tests of that rule send '' (absent).
          'x-purpose': DEFAULT_TEST_PURPOSE,
          ...headers,
        },
        body: JSON.stringify({ query, variables, ...(operationName ? { operationName } : {}) }),
      });
      const text = await res.text();
      let body: GraphResponse['body'];
      try {
        body = JSON.parse(text) as GraphResponse['body'];
      } catch {
        body = {};
      }
      return { status: res.status, body: body as GraphResponse<never>['body'], text, headers: res.headers };
    },
    async deliverToMigration(type, aggregateId, payload, id = randomUUID()) {
      const producer = type === 'ScreeningConcluded' || type === 'SuspensionRecommended' || type === 'DependantScreeningConcluded' ? 'security' : 'labor';
      return deliver('migration', producer, type, aggregateId, payload, id);
    },
    async deliverFromMigration(agency, type, aggregateId, payload, id = randomUUID()) {
      return deliver(agency, 'migration', type, aggregateId, payload, id);
    },
    async flushEvents() {
      // Runs relay passes until no delivery is open anywhere. A pass of the background relay
      // may hold rows (locked, in flight) that `runOnce` skips, so "nothing attempted" alone is
      // not quiet: the open deliveries in every agency's outbox are counted too. Bounded.
      const open = async () => {
        let total = 0;
        for (const [name, a] of Object.entries(agencies)) {
          if (!a.relay) continue;
          const rows = await a.database.client.unsafe<{ n: number }[]>(
            `select count(*)::int as n from "${name}"."outbox_deliveries" where state in ('PENDING', 'FAILED')`,
          );
          total += rows[0]?.n ?? 0;
        }
        return total;
      };
      for (let round = 0; round < 400; round++) {
        let attempted = 0;
        for (const a of Object.values(agencies)) attempted += (await a.relay?.runOnce()) ?? 0;
        if (attempted === 0) {
          if ((await open()) === 0 && (broker ? await broker.quiet() : true)) return;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      }
      throw new Error(`events still undelivered after 400 relay rounds (${await open()} open)`);
    },
    async sealAll() {
      // Rounds of: every sealer once, then every event delivered. The first round anchors every
      // agency's seals in the ledger, the next seals the ledger's new anchors (GKNB's own seal
      // included) and anchors them in migration. A row is sealable only once every transaction
      // older than it has ended in the whole cluster (the sealer's horizon), and on the shared
      // CI server other test files hold that horizon back: so rounds go on until a round writes
      // no seal AND no row waits for one in any log (bounded), never merely "a quiet round".
      const unsealed = async () => {
        let total = 0;
        for (const [name, a] of Object.entries(agencies)) {
          const logs: [string, string][] = [['access_records', 'access_seals']];
          if (name === 'security') logs.push(['ledger_anchors', 'ledger_seals']);
          for (const [rows, seals] of logs) {
            const [r] = await a.database.client.unsafe<{ n: number }[]>(
              `select count(*)::int as n from "${name}"."${rows}" where xid >= coalesce((select xid_to from "${name}"."${seals}" order by seq desc limit 1), '0'::xid8)`,
            );
            total += r?.n ?? 0;
          }
        }
        return total;
      };
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        let written = 0;
        for (const a of Object.values(agencies)) written += await a.sealer.runOnce();
        await graph.flushEvents();
        if (written === 0 && (await unsealed()) === 0) return;
        if (written === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`access logs still unsealed after 60 s of seal rounds (${await unsealed()} rows wait behind an open transaction)`);
    },
    async countSql(fn) {
      // Statements run on behalf of GraphQL operations only (the subgraph's own counter), so
      // that relays and maintenance running meanwhile do not blur the figure.
      const read = async () =>
        Object.fromEntries(await Promise.all(Object.entries(agencies).map(async ([n, a]) => [n, await operationStatements(a.server)] as const)));
      const before = await read();
      await fn();
      const after = await read();
      return Object.fromEntries(Object.keys(after).map((n) => [n, (after[n] ?? 0) - (before[n] ?? 0)])) as Record<string, number> & { migration: number };
    },
    async stop() {
      await gateway.stop();
      if (keepFile) {
        // No background seal may land after the last anchoring round: the sealers stop first
        // (each runs its final pass now, while every agency still delivers events), then
        // everything is sealed and anchored, so an agency's own stop has nothing left to seal.
        for (const a of Object.values(agencies)) await a.sealer.stop();
        await graph.sealAll();
      }
      for (const a of Object.values(agencies)) await a.stop();
      await broker?.close();
      if (keepFile) {
        await appendFile(keepFile, `${JSON.stringify({ databases: databaseUrls, publicKeys: keys.publicKeyEnv })}\n`);
        return;
      }
      for (const d of testDbs) await d.drop();
    },
  };
  return graph;
}
