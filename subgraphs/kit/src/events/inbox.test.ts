/**
 * The receiving side, `POST /events`, in process over real HTTP and real PostgreSQL: service
 * authentication, the inbox's exactly-once effect, handler failures and poison events. The
 * agency here is `security` (it receives ApplicationSubmitted, StatusGranted, StatusRevoked, StatusExpired, …).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { createTokenVerifier, signToken } from '../auth.ts';
import type { Executor } from '../db/database.ts';
import { Headers } from '../headers.ts';
import type { SubgraphServer } from '../http/server.ts';
import type { DomainEvent, EventPayload } from './catalog.ts';
import { openFixtureDatabase, type FixtureDatabase } from './__fixtures__/database.ts';
import { fixtureTables } from './__fixtures__/fixture.ts';
import { effects } from './__fixtures__/schema.ts';
import { startFixtureServer } from './__fixtures__/server.ts';
import { createTestKeys } from '../testing/keys.ts';
import { EventSignatureHeaders } from './envelope.ts';
import { eventsRoute } from './route.ts';

const SERVICE_SECRET = 'inbox-test-service-secret-0123';
/** Every agency's keys: the route checks signatures with the public halves; `send` signs as the producer. */
const keys = createTestKeys();
const JWT_SECRET = 'inbox-test-jwt-secret-0123456789abcdef';
const PIN = '21204199000123';

let fixture: FixtureDatabase;
let server: SubgraphServer;
let eventsUrl: string;
const registry = new Registry();
/** What the handler should do for an application number: throw a plain error, or fail in SQL. */
const behaviour = new Map<string, 'throw' | 'sql-error'>();

type Tx = Executor<Record<string, unknown>>;

beforeAll(async () => {
  fixture = await openFixtureDatabase('evt_inbox');
  const logger = pino({ level: 'silent' });
  const record = async (tx: Tx, event: DomainEvent, marker: string) => {
    await tx.insert(effects).values({ eventId: event.id, eventType: event.type, aggregateId: event.aggregateId, marker });
  };
  server = await startFixtureServer({
    agency: 'security',
    database: fixture.database,
    verifyToken: createTokenVerifier({ secret: JWT_SECRET }),
    gatewaySecret: 'inbox-test-gateway-credential',
    logger,
    registry,
    routes: {
      'POST /events': eventsRoute({
        db: fixture.database.db,
        tables: fixtureTables,
        agency: 'security',
        serviceSecret: SERVICE_SECRET,
        keyring: keys.verifier,
        logger,
        registry,
        handlers: {
          ApplicationSubmitted: async (tx, event) => {
            const marker = event.payload.applicationNumber;
            await record(tx, event, marker);
            const what = behaviour.get(marker);
            // PostgreSQL's message quotes the value ("value \"2120…\" is out of range for type
            // integer") and drizzle's carries the parameters: neither may reach the producer.
            if (what === 'sql-error') await tx.execute(sql`select ${PIN}::int`);
            if (what === 'throw') throw new Error(`screening service unavailable for ${event.payload.applicationId}`);
          },
          StatusRevoked: (tx, event) => record(tx, event, event.type),
          StatusExpired: (tx, event) => record(tx, event, event.type),
        },
      }),
    },
  });
  eventsUrl = new URL('/events', server.url).toString();
});

afterAll(async () => {
  await server.stop();
  await fixture.drop();
});

let serial = 30_000_000;
function submitted(number = String((serial += 1))): DomainEvent<'ApplicationSubmitted'> {
  const applicationId = randomUUID();
  const payload: EventPayload<'ApplicationSubmitted'> = {
    applicationId,
    applicationNumber: number,
    nomadId: randomUUID(),
    citizenship: 'ARM',
    activityCode: 'ANIMATION_AND_GRAPHIC_DESIGN',
    submittedAt: '2026-11-24T06:00:00.000Z',
  };
  return { id: randomUUID(), type: 'ApplicationSubmitted', aggregateId: applicationId, payload, occurredAt: '2026-11-24T06:00:01.000Z', producer: 'migration' };
}

interface Reply {
  status: number;
  body: { status?: string; errors?: { message: string; extensions: { code: string } }[] };
}

/** The producer's signature headers for `event`, as its relay adds them (none when it names no known agency). */
function signed(event: unknown): Record<string, string> {
  const producer = (event as { producer?: unknown } | null)?.producer;
  const keyring = typeof producer === 'string' ? keys.keyrings[producer] : undefined;
  if (!keyring) return {};
  return { [EventSignatureHeaders.signature]: keyring.sign(JSON.stringify(event)), [EventSignatureHeaders.keyId]: keyring.keyId };
}

async function send(event: unknown, headers: Record<string, string> = { [Headers.serviceCredential]: SERVICE_SECRET }): Promise<Reply> {
  const res = await fetch(eventsUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...signed(event), ...headers }, body: JSON.stringify(event) });
  return { status: res.status, body: (await res.json()) as Reply['body'] };
}

async function effectsOf(eventId: string) {
  return fixture.database.db.select().from(effects).where(eq(effects.eventId, eventId));
}

async function inboxOf(eventId: string) {
  const [row] = await fixture.database.db.select().from(fixtureTables.inbox).where(eq(fixtureTables.inbox.eventId, eventId));
  return row;
}

describe('POST /events', () => {
  it('accepts only the service credential: no credential, a wrong one or a user token is 401', async () => {
    const event = submitted();
    const userToken = await signToken(JWT_SECRET, { roles: ['security_officer'] });
    for (const headers of [{}, { [Headers.serviceCredential]: 'wrong-service-secret-value' }, { authorization: `Bearer ${userToken}` }]) {
      const reply = await send(event, headers);
      expect(reply.status).toBe(401);
      expect(reply.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    }
    expect(await effectsOf(event.id)).toEqual([]);
    expect(await inboxOf(event.id)).toBeUndefined();
  });

  it('applies an event once and acknowledges every redelivery as a duplicate', async () => {
    const event = submitted();
    expect(await send(event)).toEqual({ status: 200, body: { status: 'processed' } });
    expect(await send(event)).toEqual({ status: 200, body: { status: 'duplicate' } });
    expect(await effectsOf(event.id)).toHaveLength(1);
    expect(await inboxOf(event.id)).toMatchObject({ state: 'PROCESSED', attempts: 1, eventType: 'ApplicationSubmitted', producer: 'migration' });
  });

  it('applies an event once when the same id arrives many times at once', async () => {
    const event = submitted();
    const replies = await Promise.all(Array.from({ length: 10 }, () => send(event)));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(replies.filter((r) => r.body.status === 'processed')).toHaveLength(1);
    expect(await effectsOf(event.id)).toHaveLength(1);
  });

  it('answers 500 when the handler throws, keeps none of its effect, and applies it once it succeeds', async () => {
    const event = submitted();
    behaviour.set(event.payload.applicationNumber, 'throw');
    const reply = await send(event);
    expect(reply.status).toBe(500);
    expect(reply.body.errors?.[0]).toEqual({
      message: `Error: screening service unavailable for ${event.payload.applicationId}`,
      extensions: { code: 'EVENT_HANDLER_FAILED' },
    });
    expect(await effectsOf(event.id)).toEqual([]);
    expect(await inboxOf(event.id)).toMatchObject({ state: 'FAILED', attempts: 1, processedAt: null });

    behaviour.delete(event.payload.applicationNumber);
    expect(await send(event)).toEqual({ status: 200, body: { status: 'processed' } });
    expect(await effectsOf(event.id)).toHaveLength(1);
    expect(await inboxOf(event.id)).toMatchObject({ state: 'PROCESSED', attempts: 2, lastError: 'Error: screening service unavailable for ' + event.payload.applicationId });
  });

  it('reports a database failure by its SQLSTATE and statement name only: no SQL text, no parameter', async () => {
    const event = submitted();
    behaviour.set(event.payload.applicationNumber, 'sql-error');
    const reply = await send(event);
    expect(reply.status).toBe(500);
    expect(reply.body.errors?.[0]?.message).toBe('database error (SQLSTATE 22003, select)');
    expect(JSON.stringify(reply.body)).not.toContain(PIN);
    expect(await effectsOf(event.id)).toEqual([]);
  });

  it('refuses a poison event with 422 and records it: payload against its schema, unknown type, a type this agency does not receive', async () => {
    const bad = { ...submitted(), payload: { ...submitted().payload, applicationNumber: '123', citizenship: 'kaz' } };
    const first = await send(bad);
    expect(first.status).toBe(422);
    expect(first.body.errors?.[0]?.extensions.code).toBe('POISON_EVENT');
    expect(first.body.errors?.[0]?.message).toBe(
      'ApplicationSubmitted payload is invalid: applicationNumber: must be 8 digits; citizenship: must be an ISO 3166-1 alpha-3 code',
    );
    expect((await send(bad)).status).toBe(422);
    expect(await inboxOf(bad.id)).toMatchObject({ state: 'POISON', attempts: 2 });

    const unknown = { ...submitted(), type: 'ApplicationTeleported' };
    expect((await send(unknown)).body.errors?.[0]?.message).toBe('ApplicationTeleported payload is invalid: unknown event type "ApplicationTeleported"');
    const notOurs = {
      ...submitted(),
      type: 'StatusExtended',
      payload: { nomadId: randomUUID(), pin: PIN, periodKind: 'RENEWAL', validFrom: '2027-01-01', validUntil: '2027-12-31' },
    };
    const reply = await send(notOurs);
    expect(reply.status).toBe(422);
    expect(reply.body.errors?.[0]?.message).toBe('security does not receive StatusExtended events');
    expect(await effectsOf(notOurs.id)).toEqual([]);
    // A malformed envelope with a usable id is recorded too; without one it is a plain 400.
    expect((await send({ id: randomUUID(), type: 'StatusRevoked' })).status).toBe(422);
    const noId = await send({ hello: 'world' });
    expect(noId.status).toBe(400);
    expect(noId.body.errors?.[0]?.extensions.code).toBe('BAD_EVENT');
  });

  it('counts what it received by outcome', async () => {
    const text = await registry.metrics();
    for (const outcome of ['processed', 'duplicate', 'failed', 'poison', 'unauthenticated']) {
      expect(text).toMatch(new RegExp(`nomad_events_received_total\\{[^}]*outcome="${outcome}"[^}]*\\} [1-9]`));
    }
  });
});
