import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Executor } from '../db/database.ts';
import { claimInboxEntry, noteIgnoredEvent, recordInboxFailure } from './queries/inbox.ts';
import { createEventReceiver, EventRefusal, ignoreEvent, RejectedEvent, type EventHandlers } from './receive.ts';
import type { EventTables } from './tables.ts';
import { createTestKeys } from '../testing/keys.ts';
import { EventSignatureHeaders, type ReceivedMessage } from './envelope.ts';

// The receiving side as a unit: every outcome with its code, message, inbox record, metric and
// log line. The inbox statements are replaced (inbox.test.ts runs them on PostgreSQL over HTTP).
vi.mock('./queries/inbox.ts', () => ({ claimInboxEntry: vi.fn(), recordInboxFailure: vi.fn(), noteIgnoredEvent: vi.fn() }));
const claim = vi.mocked(claimInboxEntry);
const noteIgnored = vi.mocked(noteIgnoredEvent);
const recordFailure = vi.mocked(recordInboxFailure);

const TABLES = { inbox: 'inbox' } as unknown as EventTables;
const TX = { tx: true };
const db = { transaction: (work: (tx: unknown) => Promise<unknown>) => work(TX) } as unknown as Executor<Record<string, unknown>>;

function event(payload: Record<string, unknown> = {}) {
  const applicationId = randomUUID();
  return {
    id: randomUUID(),
    type: 'ApplicationSubmitted',
    aggregateId: applicationId,
    occurredAt: '2026-11-24T06:00:01.000Z',
    producer: 'migration',
    payload: {
      applicationId,
      applicationNumber: '30000001',
      nomadId: randomUUID(),
      citizenship: 'ARM',
      activityCode: 'ANIMATION_AND_GRAPHIC_DESIGN',
      submittedAt: '2026-11-24T06:00:00.000Z',
      ...payload,
    },
  };
}

const keys = createTestKeys();

/** `body` as its producer's relay sends it: signed with the key of the agency it names (none when it names no agency). */
function signed(body: unknown, by?: string): ReceivedMessage {
  const producer = by ?? (body as { producer?: unknown } | null)?.producer;
  const keyring = typeof producer === 'string' ? keys.keyrings[producer] : undefined;
  if (!keyring) return { headers: {}, body };
  return { headers: { [EventSignatureHeaders.signature]: keyring.sign(JSON.stringify(body)), [EventSignatureHeaders.keyId]: keyring.keyId }, body };
}

let lines: Record<string, unknown>[];
let registry: Registry;

function receiver(handlers: EventHandlers, agency = 'security') {
  const logger = pino({ level: 'debug' }, new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>), done()) }));
  return createEventReceiver({ db, tables: TABLES, agency, handlers, keyring: keys.verifier, logger, registry });
}

async function received(type: string, outcome: string): Promise<number> {
  const metric = await registry.getSingleMetric('nomad_events_received_total')?.get();
  return metric?.values.find((v) => v.labels.type === type && v.labels.outcome === outcome)?.value ?? 0;
}

const logged = (msg: string) => lines.filter((l) => l.msg === msg);

beforeEach(() => {
  lines = [];
  registry = new Registry();
  claim.mockReset();
  recordFailure.mockReset();
  noteIgnored.mockReset();
});

describe('the event receiver', () => {
  it("refuses, before anything is written or run, an event not signed by the producer it names, or from a producer that does not publish its type", async () => {
    const handler = vi.fn(() => Promise.resolve());
    const receive = receiver({ ApplicationSubmitted: handler });
    const e = event();
    const cases = [
      { message: { headers: {}, body: e }, outcome: 'unauthenticated', code: EventRefusal.BAD_SIGNATURE },
      { message: signed(e, 'labor'), outcome: 'unauthenticated', code: EventRefusal.BAD_SIGNATURE },
      { message: { ...signed(e), body: { ...e, payload: { ...e.payload, citizenship: 'KAZ' } } }, outcome: 'unauthenticated', code: EventRefusal.BAD_SIGNATURE },
      { message: signed({ ...e, producer: 'labor' }), outcome: 'forbidden', code: EventRefusal.WRONG_PRODUCER },
    ];
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) expect(await receive(c.message)).toMatchObject({ outcome: c.outcome, code: c.code });
    expect(claim).not.toHaveBeenCalled();
    expect(recordFailure).not.toHaveBeenCalled();
    expect(handler).not.toHaveBeenCalled();
    expect(await received('ApplicationSubmitted', 'unauthenticated')).toBe(3);
    expect(await received('ApplicationSubmitted', 'forbidden')).toBe(1);
    expect(JSON.stringify(lines)).not.toContain(e.payload.applicationNumber);
  });

  it('processes an event once: the handler runs in the inbox transaction with the parsed event', async () => {
    claim.mockResolvedValue(true);
    const handler = vi.fn(() => Promise.resolve());
    const e = event();
    expect(await receiver({ ApplicationSubmitted: handler })(signed(e))).toEqual({ outcome: 'processed' });
    expect(claim).toHaveBeenCalledWith(TX, { tables: TABLES, entry: { eventId: e.id, eventType: e.type, producer: 'migration', aggregateId: e.aggregateId } });
    expect(handler).toHaveBeenCalledWith(TX, e);
    expect(await received('ApplicationSubmitted', 'processed')).toBe(1);
    expect(logged('event received')).toMatchObject([{ level: 20, source: 'event-inbox', eventId: e.id, type: e.type, producer: 'migration', outcome: 'processed' }]);
  });

  it('acknowledges an event already processed as a duplicate without running the handler', async () => {
    claim.mockResolvedValue(false);
    const handler = vi.fn(() => Promise.resolve());
    expect(await receiver({ ApplicationSubmitted: handler })(signed(event()))).toEqual({ outcome: 'duplicate' });
    expect(handler).not.toHaveBeenCalled();
    expect(await received('ApplicationSubmitted', 'duplicate')).toBe(1);
    expect(await received('ApplicationSubmitted', 'processed')).toBe(0);
  });

  it('refuses what is not an event, recording nothing', async () => {
    const receive = receiver({});
    const none = await receive(signed(null));
    expect(none).toMatchObject({ outcome: 'bad', code: EventRefusal.BAD_EVENT });
    expect(none).toHaveProperty('message', expect.stringMatching(/^Not an event: \(event\): /));
    const badId = await receive(signed({ ...event(), id: 'not-a-uuid' }));
    expect(badId).toMatchObject({ outcome: 'bad', code: 'BAD_EVENT' });
    expect(badId).toHaveProperty('message', expect.stringMatching(/^Not an event: id: /));
    expect(recordFailure).not.toHaveBeenCalled();
  });

  it('records a malformed event that has an id as poison, with its fields cut to 200 characters', async () => {
    recordFailure.mockResolvedValue(true);
    const id = randomUUID();
    const result = await receiver({})(signed({ id, type: 'T'.repeat(300), producer: 7, aggregateId: 'agg-1', payload: {} }));
    expect(result).toMatchObject({ outcome: 'poison', code: 'POISON_EVENT' });
    const message = (result as { message: string }).message;
    expect(message).toMatch(/^Malformed event: /);
    expect(message).toContain('type: ');
    expect(message).toContain('; ');
    expect(recordFailure).toHaveBeenCalledWith(db, {
      tables: TABLES,
      entry: { eventId: id, eventType: 'T'.repeat(200), producer: 'unknown', aggregateId: 'agg-1' },
      state: 'POISON',
      error: message,
    });
    // A made-up type mints no metric series of its own.
    expect(await received('unknown', 'poison')).toBe(1);
    expect(logged('poison event refused')).toMatchObject([{ level: 40, eventId: id, type: 'T'.repeat(200), producer: 'unknown', error: message }]);
  });

  it('refuses a payload that fails its schema as poison, naming the type', async () => {
    recordFailure.mockResolvedValue(true);
    const e = event({ citizenship: 'armenia' });
    const result = await receiver({ ApplicationSubmitted: () => Promise.resolve() })(signed(e));
    expect(result).toMatchObject({ outcome: 'poison', code: 'POISON_EVENT' });
    expect((result as { message: string }).message).toContain('citizenship');
    expect(claim).not.toHaveBeenCalled();
    expect(await received('ApplicationSubmitted', 'poison')).toBe(1);
  });

  it('refuses a type this agency does not receive, or has no handler for, as poison', async () => {
    recordFailure.mockResolvedValue(true);
    expect(await receiver({ ApplicationSubmitted: () => Promise.resolve() }, 'tax')(signed(event()))).toMatchObject({
      outcome: 'poison',
      code: 'POISON_EVENT',
      message: 'tax does not receive ApplicationSubmitted events',
    });
    expect(await receiver({}, 'security')(signed(event()))).toMatchObject({ outcome: 'poison', message: 'security does not receive ApplicationSubmitted events' });
    expect(claim).not.toHaveBeenCalled();
  });

  it('acknowledges poison that was processed before (under a laxer catalog) as a duplicate', async () => {
    recordFailure.mockResolvedValue(false);
    expect(await receiver({}, 'security')(signed(event()))).toEqual({ outcome: 'duplicate' });
    expect(await received('ApplicationSubmitted', 'duplicate')).toBe(1);
    expect(await received('ApplicationSubmitted', 'poison')).toBe(0);
    expect(logged('poison event refused')).toEqual([]);
  });

  it('reports a failing handler by a brief description, notes it in the inbox, and counts it', async () => {
    claim.mockResolvedValue(true);
    recordFailure.mockResolvedValue(true);
    const e = event();
    const result = await receiver({ ApplicationSubmitted: () => Promise.reject(new Error('screening down')) })(signed(e));
    expect(result).toEqual({ outcome: 'failed', code: 'EVENT_HANDLER_FAILED', message: 'Error: screening down' });
    expect(recordFailure).toHaveBeenCalledWith(db, {
      tables: TABLES,
      entry: { eventId: e.id, eventType: e.type, producer: 'migration', aggregateId: e.aggregateId },
      state: 'FAILED',
      error: 'Error: screening down',
    });
    expect(await received('ApplicationSubmitted', 'failed')).toBe(1);
    expect(logged('event handler failed')).toMatchObject([{ level: 50, eventId: e.id, type: e.type, producer: 'migration', error: 'Error: screening down' }]);
  });

  it('still answers failed when the failure cannot be noted, and logs that', async () => {
    claim.mockResolvedValue(true);
    recordFailure.mockRejectedValue(new Error('inbox unwritable'));
    const e = event();
    const result = await receiver({ ApplicationSubmitted: () => Promise.reject(new Error('boom')) })(signed(e));
    expect(result).toEqual({ outcome: 'failed', code: 'EVENT_HANDLER_FAILED', message: 'Error: boom' });
    expect(logged('could not note the failure in the inbox')).toMatchObject([{ level: 50, eventId: e.id, error: 'Error: inbox unwritable' }]);
  });

  it('records a fact its handler refused for good as poison with the handler\'s code, answers rejected, and does not retry it', async () => {
    claim.mockResolvedValue(true);
    recordFailure.mockResolvedValue(true);
    const e = event();
    const result = await receiver({ ApplicationSubmitted: () => Promise.reject(new RejectedEvent('EVENT_SUBJECT_UNKNOWN', 'application x is unknown')) })(signed(e));
    expect(result).toEqual({ outcome: 'rejected', code: 'EVENT_SUBJECT_UNKNOWN', message: 'application x is unknown' });
    expect(recordFailure).toHaveBeenCalledWith(db, {
      tables: TABLES,
      entry: { eventId: e.id, eventType: e.type, producer: 'migration', aggregateId: e.aggregateId },
      state: 'POISON',
      error: 'EVENT_SUBJECT_UNKNOWN: application x is unknown',
    });
    expect(await received('ApplicationSubmitted', 'rejected')).toBe(1);
    expect(await received('ApplicationSubmitted', 'failed')).toBe(0);
    expect(logged('event rejected by its handler')).toMatchObject([{ level: 40, eventId: e.id, code: 'EVENT_SUBJECT_UNKNOWN' }]);
    expect(JSON.stringify(lines)).not.toContain(e.payload.applicationNumber);
  });

  it('acknowledges a fact its handler ignored as processed, noting why in the inbox', async () => {
    claim.mockResolvedValue(true);
    const e = event();
    const result = await receiver({ ApplicationSubmitted: () => Promise.resolve(ignoreEvent('older than the recorded one')) })(signed(e));
    expect(result).toEqual({ outcome: 'processed', ignored: 'older than the recorded one' });
    expect(noteIgnored).toHaveBeenCalledWith(TX, { tables: TABLES, eventId: e.id, reason: 'older than the recorded one' });
    expect(recordFailure).not.toHaveBeenCalled();
    expect(await received('ApplicationSubmitted', 'ignored')).toBe(1);
    expect(await received('ApplicationSubmitted', 'processed')).toBe(0);
    expect(logged('event ignored by its handler')).toMatchObject([{ level: 30, eventId: e.id, reason: 'older than the recorded one' }]);
  });

  it('counts a receipt that was not authenticated', async () => {
    const receive = receiver({});
    receive.countUnauthenticated();
    expect(await received('unknown', 'unauthenticated')).toBe(1);
  });
});
