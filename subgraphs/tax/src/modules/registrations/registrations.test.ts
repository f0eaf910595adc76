import { randomUUID } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, RejectedEvent, type Database, type DomainEvent } from '@nomad/kit';
import type { TestDatabase } from '@nomad/kit/testing';
import type { TaxSchema } from '../../db/index.ts';
import { registrations } from '../../db/schema.ts';
import { openTestTaxDatabase, testPin } from '../../testing.ts';
import { registrationEventHandlers } from './handlers.ts';
import { queueDeregistration, queueReregistration, reregister } from './service.ts';

let testDb: TestDatabase;
let database: Database<TaxSchema>;

beforeAll(async () => {
  ({ testDb, database } = await openTestTaxDatabase('tax_registrations'));
});
afterAll(async () => {
  await database?.close();
  await testDb?.drop();
});
beforeEach(async () => {
  await database.db.execute(sql`truncate tax.campaign_items, tax.register_entries, tax.campaigns, tax.payments, tax.declarations, tax.registrations cascade`);
});

const grant = (nomadId: string, pin: string, occurredAt: string, validUntil = '2027-01-22', announcement: 'granted' | 'extended' = 'granted') =>
  database.db.transaction(async (tx) => (await queueReregistration(tx, { nomadId, pin, validUntil, announcement, occurredAt, now: occurredAt })).registration);
const end = (nomadId: string, pin: string, occurredAt: string) =>
  database.db.transaction(async (tx) => (await queueDeregistration(tx, { nomadId, pin, occurredAt, now: occurredAt })).registration);

describe('status facts', () => {
  it('a grant queues a first registration under the default regime; a repeat changes nothing', async () => {
    const nomadId = randomUUID();
    const first = await grant(nomadId, testPin(1), '2026-11-20T06:00:00Z');
    expect(first).toMatchObject({ state: 'PENDING_REREGISTRATION', firstRegistration: true, registeredOn: null, regimeCode: 'SIMPLIFIED_SINGLE_TAX' });
    const again = await grant(nomadId, testPin(1), '2026-11-20T06:00:00Z');
    expect(again).toMatchObject({ id: first.id, state: 'PENDING_REREGISTRATION', firstRegistration: true });
    const [n] = await database.db.select({ n: count() }).from(registrations);
    expect(n?.n).toBe(1);
  });

  it('an extension after re-registration queues it again; an older fact arriving late is ignored', async () => {
    const nomadId = randomUUID();
    const pin = testPin(2);
    const row = await grant(nomadId, pin, '2026-01-10T06:00:00Z', '2026-03-10');
    await database.db.transaction((tx) => reregister(tx, row, { today: '2026-01-12', actor: 'test' }));
    const extended = await grant(nomadId, pin, '2026-03-01T06:00:00Z', '2027-03-10', 'extended');
    expect(extended).toMatchObject({ state: 'PENDING_REREGISTRATION', firstRegistration: false, registeredOn: '2026-01-12', statusValidUntil: '2027-03-10' });
    const late = await end(nomadId, pin, '2026-02-01T06:00:00Z');
    expect(late?.state).toBe('PENDING_REREGISTRATION');
  });

  it('a revocation queues deregistration of a registered IE and closes a never-registered one', async () => {
    const a = randomUUID();
    const row = await grant(a, testPin(3), '2026-01-10T06:00:00Z');
    await database.db.transaction((tx) => reregister(tx, row, { today: '2026-01-12', actor: 'test' }));
    expect((await end(a, testPin(3), '2026-05-01T06:00:00Z'))?.state).toBe('DEREGISTRATION_PENDING');
    expect((await end(a, testPin(3), '2026-05-02T06:00:00Z'))?.state).toBe('DEREGISTRATION_PENDING');
    const b = randomUUID();
    await grant(b, testPin(4), '2026-11-01T06:00:00Z');
    expect((await end(b, testPin(4), '2026-11-02T06:00:00Z'))?.state).toBe('DEREGISTERED');
  });

  it('refuses for good the end of a status tax has no registration for, and creates none', async () => {
    const err = await end(randomUUID(), testPin(5), '2026-11-02T06:00:00Z').then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(RejectedEvent);
    expect(err).toMatchObject({ code: 'EVENT_SUBJECT_UNKNOWN' });
    expect(await database.db.select().from(registrations).where(eq(registrations.pin, testPin(5)))).toEqual([]);
  });

  it('refuses for good an extension of a holder no grant announced, and creates no registration', async () => {
    const err = await grant(randomUUID(), testPin(8), '2026-11-02T06:00:00Z', '2027-11-01', 'extended').then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(RejectedEvent);
    expect(err).toMatchObject({ code: 'EVENT_SUBJECT_UNKNOWN' });
    expect(await database.db.select().from(registrations).where(eq(registrations.pin, testPin(8)))).toEqual([]);
  });

  it('a fact whose PIN belongs to another nomad is refused (left to operators)', async () => {
    await grant(randomUUID(), testPin(6), '2026-11-01T06:00:00Z');
    const err = await grant(randomUUID(), testPin(6), '2026-11-02T06:00:00Z').then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(RejectedEvent);
    expect(err).toMatchObject({ code: 'EVENT_FACT_CONFLICT', message: expect.stringMatching(/does not match/) as unknown });
    const [row] = await database.db.select().from(registrations).where(eq(registrations.pin, testPin(6)));
    expect(row?.lastFactAt).toContain('2026-11-01');
  });
});

describe('the status event handlers', () => {
  const handlers = registrationEventHandlers(fixedClock('2026-11-24T06:00:00Z'));
  const event = <T extends 'StatusGranted' | 'StatusExtended' | 'StatusRevoked'>(type: T, payload: DomainEvent<T>['payload'], occurredAt: string): DomainEvent<T> =>
    ({ id: randomUUID(), type, aggregateId: 'x', payload, occurredAt, producer: 'migration' });

  it('StatusExtended of a holder tax never registered is dead-lettered; after the grant it moves the period', async () => {
    const nomadId = randomUUID();
    const pin = testPin(9);
    const extension = { nomadId, pin, periodKind: 'EXTENSION_1_YEAR' as const, validFrom: '2026-05-01', validUntil: '2027-04-30' };
    const err = await database.db.transaction((tx) => handlers.StatusExtended(tx, event('StatusExtended', extension, '2026-04-30T06:00:00Z'))).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(RejectedEvent);
    expect(err).toMatchObject({ code: 'EVENT_SUBJECT_UNKNOWN' });
    expect(await database.db.select().from(registrations).where(eq(registrations.pin, pin))).toEqual([]);
    const granted = { nomadId, pin, periodKind: 'PILOT_2022_2024' as const, validFrom: '2025-01-15', validUntil: '2026-04-30' };
    expect(await database.db.transaction((tx) => handlers.StatusGranted(tx, event('StatusGranted', granted, '2026-03-01T06:00:00Z')))).toBeUndefined();
    expect(await database.db.transaction((tx) => handlers.StatusExtended(tx, event('StatusExtended', extension, '2026-04-30T06:00:00Z')))).toBeUndefined();
    const [row] = await database.db.select().from(registrations).where(eq(registrations.pin, pin));
    expect(row).toMatchObject({ state: 'PENDING_REREGISTRATION', statusValidUntil: '2027-04-30' });
  });

  it('a grant naming its activity records the code; an extension naming none keeps it, a later grant moves it', async () => {
    const nomadId = randomUUID();
    const pin = testPin(11);
    const grant = (activityCode: string | undefined) => ({ nomadId, pin, periodKind: 'INITIAL_60_DAYS' as const, validFrom: '2026-03-01', validUntil: '2026-04-30', ...(activityCode ? { activityCode } : {}) });
    await database.db.transaction((tx) => handlers.StatusGranted(tx, event('StatusGranted', grant('SOFTWARE_DEVELOPMENT'), '2026-03-01T06:00:00Z')));
    const code = async () => (await database.db.select().from(registrations).where(eq(registrations.pin, pin)))[0]?.activityCode;
    expect(await code()).toBe('SOFTWARE_DEVELOPMENT');
    const extension = { nomadId, pin, periodKind: 'EXTENSION_1_YEAR' as const, validFrom: '2026-05-01', validUntil: '2027-04-30' };
    await database.db.transaction((tx) => handlers.StatusExtended(tx, event('StatusExtended', extension, '2026-04-30T06:00:00Z')));
    expect(await code()).toBe('SOFTWARE_DEVELOPMENT');
    await database.db.transaction((tx) => handlers.StatusGranted(tx, event('StatusGranted', grant('DESIGN'), '2028-03-01T06:00:00Z')));
    expect(await code()).toBe('DESIGN');
  });

  it('acknowledge as ignored a revocation older than a later re-grant, which stays queued', async () => {
    const nomadId = randomUUID();
    const pin = testPin(7);
    const granted = { nomadId, pin, periodKind: 'INITIAL_60_DAYS' as const, validFrom: '2026-03-01', validUntil: '2026-04-30' };
    expect(await database.db.transaction((tx) => handlers.StatusGranted(tx, event('StatusGranted', granted, '2026-03-01T06:00:00Z')))).toBeUndefined();
    const late = await database.db.transaction((tx) =>
      handlers.StatusRevoked(tx, event('StatusRevoked', { nomadId, pin, ground: 'RULES_BREACH', revokedAt: '2026-02-20T06:00:00Z', exitDeadline: '2026-03-07' }, '2026-02-20T06:00:00Z')),
    );
    expect(late).toEqual({ ignored: expect.stringContaining('older than the last one applied') as unknown });
    const [row] = await database.db.select().from(registrations).where(eq(registrations.pin, pin));
    expect(row).toMatchObject({ state: 'PENDING_REREGISTRATION' });
  });
});
