/**
 * The operators' GraphQL fields over real PostgreSQL, served by a subgraph in process (the
 * fixture agency playing `migration`). The full dead-letter-and-retry path across two
 * processes is in `delivery.test.ts`.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { parse } from 'graphql';
import { pino } from 'pino';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createTokenVerifier, signToken, type Role } from '../auth.ts';
import { sharedTypeDefs } from '../graphql/shared.ts';
import { Headers } from '../headers.ts';
import type { SubgraphServer } from '../http/server.ts';
import { openFixtureDatabase, type FixtureDatabase } from './__fixtures__/database.ts';
import { fixtureTables } from './__fixtures__/fixture.ts';
import { startFixtureServer } from './__fixtures__/server.ts';
import { eventOperationsTypeDefs } from './operations/schema.ts';
import { publishEvent } from './outbox.ts';

const JWT_SECRET = 'ops-test-jwt-secret-0123456789abcdef';
const GATEWAY_SECRET = 'ops-test-gateway-credential';
const { outboxDeliveries, inbox } = fixtureTables;

let fixture: FixtureDatabase;
let server: SubgraphServer;
/** Delivery ids in event order: 0–2 PENDING, 3 FAILED, 4 DEAD, 5 DELIVERED. */
const ids: string[] = [];

beforeAll(async () => {
  fixture = await openFixtureDatabase('evt_ops');
  for (let i = 0; i < 6; i += 1) {
    const applicationId = randomUUID();
    await publishEvent(fixture.database.db, fixtureTables, 'migration', {
      type: 'ApplicationSubmitted',
      aggregateId: applicationId,
      payload: {
        applicationId,
        applicationNumber: String(40_000_000 + i),
        nomadId: randomUUID(),
        citizenship: 'BLR',
        activityCode: 'ESPORTS',
        submittedAt: '2026-11-24T06:00:00.000Z',
      },
    });
  }
  const rows = await fixture.database.db.select({ id: outboxDeliveries.id }).from(outboxDeliveries).orderBy(asc(outboxDeliveries.seq));
  ids.push(...rows.map((r) => r.id));
  const set = (i: number, values: Partial<typeof outboxDeliveries.$inferInsert>) =>
    fixture.database.db.update(outboxDeliveries).set(values).where(eq(outboxDeliveries.id, ids[i] ?? ''));
  await set(3, { state: 'FAILED', attempts: 2, lastError: 'security unreachable (ECONNREFUSED)' });
  await set(4, { state: 'DEAD', attempts: 25, lastError: 'security answered HTTP 422: POISON_EVENT: …' });
  await set(5, { state: 'DELIVERED', attempts: 1, deliveredAt: new Date().toISOString() });
  await fixture.database.db.insert(inbox).values([
    { eventId: randomUUID(), eventType: 'ScreeningConcluded', producer: 'security', aggregateId: randomUUID(), state: 'POISON', lastError: 'ScreeningConcluded payload is invalid: outcome: …', attempts: 3 },
    { eventId: randomUUID(), eventType: 'EvaluationConcluded', producer: 'labor', aggregateId: randomUUID(), state: 'PROCESSED', attempts: 1 },
  ]);
  server = await startFixtureServer({
    agency: 'migration',
    database: fixture.database,
    verifyToken: createTokenVerifier({ secret: JWT_SECRET }),
    gatewaySecret: GATEWAY_SECRET,
    logger: pino({ level: 'silent' }),
  });
});

afterAll(async () => {
  await server.stop();
  await fixture.drop();
});

interface Reply {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

async function graphql(roles: Role[], query: string, variables: Record<string, unknown> = {}): Promise<Reply> {
  const token = await signToken(JWT_SECRET, { roles });
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, [Headers.gatewayCredential]: GATEWAY_SECRET },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as Reply;
}

interface Page {
  edges: { node: { id: string; state: string; attempts: number; lastError: string | null; nextAttemptAt: string | null; occurredAt: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const LIST = `query List($state: EventDeliveryState, $first: Int, $after: String) {
  migrationEventDeliveries(state: $state, first: $first, after: $after) {
    edges { node { id state attempts lastError nextAttemptAt occurredAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('event operations', () => {
  it('lists the undelivered deliveries, oldest event first, page by page', async () => {
    const first = await graphql(['auditor'], LIST, { first: 3 });
    expect(first.errors).toBeUndefined();
    const page1 = first.data?.migrationEventDeliveries as Page;
    expect(page1.edges.map((e) => e.node.id)).toEqual(ids.slice(0, 3));
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await graphql(['auditor'], LIST, { first: 3, after: page1.pageInfo.endCursor });
    const page2 = second.data?.migrationEventDeliveries as Page;
    expect(page2.edges.map((e) => [e.node.id, e.node.state])).toEqual([
      [ids[3], 'FAILED'],
      [ids[4], 'DEAD'],
    ]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(page2.edges[0]?.node).toMatchObject({ attempts: 2, lastError: 'security unreachable (ECONNREFUSED)' });
    expect(page2.edges[0]?.node.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('narrows to one state', async () => {
    const dead = (await graphql(['auditor'], LIST, { state: 'DEAD' })).data?.migrationEventDeliveries as Page;
    expect(dead.edges.map((e) => e.node.id)).toEqual([ids[4]]);
    const delivered = (await graphql(['auditor'], LIST, { state: 'DELIVERED' })).data?.migrationEventDeliveries as Page;
    expect(delivered.edges.map((e) => e.node.id)).toEqual([ids[5]]);
  });

  it('lists the events received without effect', async () => {
    const reply = await graphql(['auditor'], `{ migrationInboxFailures { edges { node { eventType producer state attempts lastError } } } }`);
    expect(reply.errors).toBeUndefined();
    expect((reply.data?.migrationInboxFailures as { edges: { node: unknown }[] }).edges.map((e) => e.node)).toEqual([
      { eventType: 'ScreeningConcluded', producer: 'security', state: 'POISON', attempts: 3, lastError: 'ScreeningConcluded payload is invalid: outcome: …' },
    ]);
  });

  it('is for operators (auditor) only', async () => {
    for (const roles of [['migration_officer'], ['analyst'], ['nomad']] as Role[][]) {
      const token = roles.includes('nomad') ? { nomadId: randomUUID() } : {};
      const t = await signToken(JWT_SECRET, { roles, ...token });
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t}`, [Headers.gatewayCredential]: GATEWAY_SECRET },
        body: JSON.stringify({ query: `{ migrationEventDeliveries { edges { node { id } } } migrationInboxFailures { edges { node { eventId } } } }` }),
      });
      const body = (await res.json()) as Reply;
      expect(body.data).toBeNull();
      expect(body.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    }
    const retry = await graphql(['migration_officer'], `mutation { retryMigrationEventDelivery(id: "${ids[4]}") { userErrors { code } } }`);
    expect(retry.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('retries a dead delivery only: others are user errors and change nothing', async () => {
    const retry = `mutation R($id: ID!) { retryMigrationEventDelivery(id: $id) { delivery { id state attempts lastError } userErrors { code field message } } }`;
    const pending = await graphql(['auditor'], retry, { id: ids[0] });
    expect(pending.data?.retryMigrationEventDelivery).toEqual({
      delivery: null,
      userErrors: [{ code: 'DELIVERY_NOT_DEAD', field: 'id', message: 'Only a DEAD delivery can be retried; this one is PENDING.' }],
    });
    const missing = await graphql(['auditor'], retry, { id: randomUUID() });
    expect(missing.data?.retryMigrationEventDelivery).toMatchObject({ delivery: null, userErrors: [{ code: 'DELIVERY_NOT_FOUND', field: 'id' }] });
    const malformed = await graphql(['auditor'], retry, { id: 'not-a-uuid' });
    expect(malformed.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });

    const dead = await graphql(['auditor'], retry, { id: ids[4] });
    // Its last error stays until the next attempt tells a newer story.
    expect(dead.data?.retryMigrationEventDelivery).toEqual({
      delivery: { id: ids[4], state: 'PENDING', attempts: 0, lastError: 'security answered HTTP 422: POISON_EVENT: …' },
      userErrors: [],
    });
    const again = await graphql(['auditor'], retry, { id: ids[4] });
    expect((again.data?.retryMigrationEventDelivery as { userErrors: { code: string }[] }).userErrors[0]?.code).toBe('DELIVERY_NOT_DEAD');
  });

  it('names its root fields after the agency, so that two subgraphs never share one', () => {
    const sdl = (agency: string) => parse(`${sharedTypeDefs}\n${eventOperationsTypeDefs(agency)}`);
    const schema = buildSubgraphSchema([{ typeDefs: sdl('tax') }]);
    expect(Object.keys(schema.getQueryType()?.getFields() ?? {})).toEqual(expect.arrayContaining(['taxEventDeliveries', 'taxInboxFailures']));
    expect(Object.keys(schema.getMutationType()?.getFields() ?? {})).toEqual(['retryTaxEventDelivery']);
    expect(() => eventOperationsTypeDefs('Tax Service')).toThrow('must be lower-case letters and digits');
  });
});
