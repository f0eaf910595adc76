import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { connect, type Database } from '../db/database.ts';
import { parsePgTimestamp } from '../graphql/shared.ts';
import { EventPayloadError, type EventPayload } from './catalog.ts';
import { openFixtureDatabase, type FixtureDatabase } from './__fixtures__/database.ts';
import { fixtureTables, type FixtureSchema } from './__fixtures__/fixture.ts';
import * as schema from './__fixtures__/schema.ts';
import { publishEvent } from './outbox.ts';

const { outbox, outboxDeliveries } = fixtureTables;
let fixture: FixtureDatabase;
let other: Database<FixtureSchema>;

beforeAll(async () => {
  fixture = await openFixtureDatabase('evt_outbox');
  other = connect(fixture.url, { agency: 'events_fixture', schema, maxConnections: 2 });
});
afterAll(async () => {
  await other.close();
  await fixture.drop();
});

const PIN = '11501198800042';

function granted(nomadId: string): EventPayload<'StatusGranted'> {
  return { nomadId, pin: PIN, periodKind: 'INITIAL_60_DAYS', validFrom: '2026-12-01', validUntil: '2027-01-29' };
}

async function eventsOf(aggregateId: string) {
  return fixture.database.db.select().from(outbox).where(eq(outbox.aggregateId, aggregateId)).orderBy(asc(outbox.seq));
}

describe('publishEvent', () => {
  it('writes the event and one PENDING delivery per subscriber of its type, in the caller’s transaction', async () => {
    const nomadId = randomUUID();
    const id = await fixture.database.db.transaction((tx) =>
      publishEvent(tx, fixtureTables, 'migration', { type: 'StatusGranted', aggregateId: nomadId, payload: granted(nomadId), occurredAt: '2026-12-01T06:00:00.000Z' }),
    );
    const [event] = await eventsOf(nomadId);
    expect(event).toMatchObject({ id, type: 'StatusGranted', aggregateId: nomadId, producer: 'migration', payload: granted(nomadId) });
    expect(parsePgTimestamp(event?.occurredAt ?? '').toISOString()).toBe('2026-12-01T06:00:00.000Z');
    const deliveries = await fixture.database.db.select().from(outboxDeliveries).where(eq(outboxDeliveries.eventId, id));
    expect(deliveries.map((d) => d.subscriber).sort()).toEqual(['labor', 'security', 'tax']);
    expect(deliveries.every((d) => d.state === 'PENDING' && d.attempts === 0 && d.seq === event?.seq && d.aggregateId === nomadId)).toBe(true);
  });

  it('writes an event nobody subscribes to without deliveries', async () => {
    const nomadId = randomUUID();
    const id = await publishEvent(fixture.database.db, fixtureTables, 'migration', {
      type: 'StatusSuspended',
      aggregateId: nomadId,
      payload: { nomadId, pin: PIN, at: new Date().toISOString() },
    });
    expect((await eventsOf(nomadId)).map((e) => e.id)).toEqual([id]);
    expect(await fixture.database.db.select().from(outboxDeliveries).where(eq(outboxDeliveries.eventId, id))).toEqual([]);
  });

  it('refuses a payload that fails its schema, so that the caller’s whole transaction rolls back', async () => {
    const nomadId = randomUUID();
    const bad = { ...granted(nomadId), pin: '' };
    await expect(
      fixture.database.db.transaction(async (tx) => {
        // The state change the event reports, written first in the same transaction.
        await publishEvent(tx, fixtureTables, 'migration', { type: 'StatusGranted', aggregateId: nomadId, payload: granted(nomadId) });
        await publishEvent(tx, fixtureTables, 'migration', { type: 'StatusExtended', aggregateId: nomadId, payload: bad });
      }),
    ).rejects.toThrow(EventPayloadError);
    expect(await eventsOf(nomadId)).toEqual([]);
  });

  it('makes a second transaction publishing for the same aggregate wait until the first ends, so seq follows commit order', async () => {
    const nomadId = randomUUID();
    let releaseFirst: () => void = () => undefined;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstPublished: () => void = () => undefined;
    const firstIn = new Promise<void>((resolve) => (firstPublished = resolve));
    const first = fixture.database.db.transaction(async (tx) => {
      const id = await publishEvent(tx, fixtureTables, 'migration', { type: 'StatusGranted', aggregateId: nomadId, payload: granted(nomadId) });
      firstPublished();
      await firstHolds;
      return id;
    });
    await firstIn;
    const second = other.db.transaction((tx) =>
      publishEvent(tx, fixtureTables, 'migration', { type: 'StatusExtended', aggregateId: nomadId, payload: { ...granted(nomadId), periodKind: 'EXTENSION_1_YEAR' } }),
    );
    // The second transaction is waiting on the aggregate's lock (bounded poll, no sleep as an assertion).
    for (let i = 0; ; i += 1) {
      const [waiting] = await fixture.database.db.execute<{ n: number }>(
        sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())`,
      );
      if (waiting?.n === 1) break;
      if (i > 200) throw new Error('the second transaction never waited on the aggregate lock');
      await new Promise((r) => setTimeout(r, 25));
    }
    releaseFirst();
    const [firstId, secondId] = await Promise.all([first, second]);
    expect((await eventsOf(nomadId)).map((e) => e.id)).toEqual([firstId, secondId]);
  });

  it('does not make transactions of different aggregates wait for each other', async () => {
    const a = randomUUID();
    const b = randomUUID();
    await fixture.database.db.transaction(async (tx) => {
      await publishEvent(tx, fixtureTables, 'migration', { type: 'StatusGranted', aggregateId: a, payload: granted(a) });
      // Would deadlock (and time out) if b's publish needed a's lock.
      await other.db.transaction((tx2) => publishEvent(tx2, fixtureTables, 'migration', { type: 'StatusGranted', aggregateId: b, payload: granted(b) }));
    });
    expect(await eventsOf(a)).toHaveLength(1);
    expect(await eventsOf(b)).toHaveLength(1);
  });
});
