import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, RejectedEvent, runMigrations, type Database, type DomainEvent, type EventPayload, type EventType } from '@nomad/kit';
import { createTestDatabase, type TestDatabase } from '@nomad/kit/testing';
import { fixedClock } from './clock.ts';
import { schema, type LaborSchema } from './db/index.ts';
import { laborEventHandlers } from './handlers.ts';

let testDb: TestDatabase;
let database: Database<LaborSchema>;
const app = { clock: fixedClock('2026-11-24T06:00:00Z') };
const handlers = laborEventHandlers(app);
const PIN = '21204199000001';

beforeAll(async () => {
  testDb = await createTestDatabase('labor_handlers');
  database = connect(testDb.url, { agency: 'labor', schema });
  await runMigrations(database, { agency: 'labor', migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)) });
});
afterAll(async () => {
  await database?.close();
  await testDb?.drop();
});

function event<T extends EventType>(type: T, payload: EventPayload<T>, occurredAt = new Date().toISOString()): DomainEvent<T> {
  return { id: randomUUID(), type, aggregateId: 'x', payload, occurredAt, producer: 'migration' };
}

/** Runs the handler of `type` in a transaction; what it answers (`{ ignored }` or nothing). */
async function deliver<T extends EventType>(type: T, payload: EventPayload<T>, occurredAt?: string): Promise<unknown> {
  const handler = handlers[type as keyof typeof handlers] as (tx: unknown, e: DomainEvent<T>) => Promise<unknown>;
  return database.db.transaction((tx) => handler(tx, event(type, payload, occurredAt)));
}

async function caseOf(nomadId: string) {
  const [row] = await database.db.select().from(schema.monitoringCases).where(eq(schema.monitoringCases.nomadId, nomadId));
  const actions = row ? await database.db.select().from(schema.caseActions).where(eq(schema.caseActions.caseId, row.id)).orderBy(schema.caseActions.seq) : [];
  return { row, actions: actions.map((a) => a.kind) };
}

describe('status events', () => {
  it('one case per nomad: granted twice, extended, revoked, granted again', async () => {
    const nomadId = randomUUID();
    const grant = { nomadId, pin: PIN, periodKind: 'INITIAL_60_DAYS' as const, validFrom: '2026-11-24', validUntil: '2027-01-22' };
    await deliver('StatusGranted', grant);
    await deliver('StatusGranted', grant);
    expect(await caseOf(nomadId)).toMatchObject({ row: { state: 'OPEN', openedOn: '2026-11-24', statusValidUntil: '2027-01-22' }, actions: ['OPENED'] });

    await deliver('StatusExtended', { ...grant, periodKind: 'EXTENSION_1_YEAR', validFrom: '2027-01-23', validUntil: '2028-01-22' });
    expect(await caseOf(nomadId)).toMatchObject({ row: { statusValidUntil: '2028-01-22' }, actions: ['OPENED', 'PERIOD_EXTENDED'] });

    await deliver('StatusRevoked', { nomadId, pin: PIN, ground: 'ACTIVITY_ENDED', revokedAt: '2027-03-01T10:00:00Z', exitDeadline: '2027-03-16' });
    await deliver('StatusExpired', { nomadId, pin: PIN, expiredOn: '2028-01-23' });
    expect(await caseOf(nomadId)).toMatchObject({ row: { state: 'CLOSED', closedOn: '2027-03-01', closeReason: 'STATUS_REVOKED' }, actions: ['OPENED', 'PERIOD_EXTENDED', 'CLOSED'] });

    await deliver('StatusGranted', { ...grant, validFrom: '2028-02-01', validUntil: '2028-03-31' });
    expect(await caseOf(nomadId)).toMatchObject({ row: { state: 'OPEN', openedOn: '2028-02-01', closedOn: null }, actions: ['OPENED', 'PERIOD_EXTENDED', 'CLOSED', 'REOPENED'] });
  });

  it('refuses for good an extension of a nomad no grant announced, and opens no case', async () => {
    const nomadId = randomUUID();
    const err = await deliver('StatusExtended', { nomadId, pin: PIN, periodKind: 'RENEWAL', validFrom: '2026-01-01', validUntil: '2026-12-31' }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(RejectedEvent);
    expect(err).toMatchObject({ code: 'EVENT_SUBJECT_UNKNOWN' });
    expect(await caseOf(nomadId)).toEqual({ row: undefined, actions: [] });
  });

  it('a pilot holder announced by a grant (the import publishes StatusGranted) is then extended as any holder', async () => {
    const nomadId = randomUUID();
    await deliver('StatusGranted', { nomadId, pin: PIN, periodKind: 'PILOT_2022_2024', validFrom: '2025-01-15', validUntil: '2025-12-31' });
    await deliver('StatusExtended', { nomadId, pin: PIN, periodKind: 'RENEWAL', validFrom: '2026-01-01', validUntil: '2026-12-31' });
    expect(await caseOf(nomadId)).toMatchObject({ row: { state: 'OPEN', statusValidUntil: '2026-12-31' }, actions: ['OPENED', 'PERIOD_EXTENDED'] });
  });

  it('refuses for good a revocation or expiry of a nomad labor has no case for, and creates none', async () => {
    const cases = [
      () => deliver('StatusRevoked', { nomadId, pin: PIN, ground: 'ACTIVITY_ENDED', revokedAt: '2027-03-01T10:00:00Z', exitDeadline: '2027-03-16' }),
      () => deliver('StatusExpired', { nomadId, pin: PIN, expiredOn: '2027-03-01' }),
    ];
    const nomadId = randomUUID();
    expect(cases.length).toBeGreaterThan(0);
    for (const run of cases) {
      const err = await run().then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(RejectedEvent);
      expect(err).toMatchObject({ code: 'EVENT_SUBJECT_UNKNOWN' });
    }
    expect(await caseOf(nomadId)).toEqual({ row: undefined, actions: [] });
  });

  it('never rolls a case back with a status fact older than the last one applied', async () => {
    const nomadId = randomUUID();
    const grant = { nomadId, pin: PIN, periodKind: 'INITIAL_60_DAYS' as const, validFrom: '2026-11-24', validUntil: '2027-01-22' };
    await deliver('StatusGranted', grant, '2026-11-24T06:00:00.000Z');
    await deliver('StatusRevoked', { nomadId, pin: PIN, ground: 'ACTIVITY_ENDED', revokedAt: '2026-12-01T10:00:00Z', exitDeadline: '2026-12-16' }, '2026-12-01T10:00:00.000Z');
    await deliver('StatusGranted', { ...grant, validFrom: '2027-02-01', validUntil: '2027-04-01' }, '2027-02-01T06:00:00.000Z');
    // A revocation delivered after the later re-grant (e.g. requeued from the dead letters).
    const late = await deliver('StatusRevoked', { nomadId, pin: PIN, ground: 'RULES_BREACH', revokedAt: '2027-01-15T10:00:00Z', exitDeadline: '2027-01-30' }, '2027-01-15T10:00:00.000Z');
    expect(late).toEqual({ ignored: expect.stringContaining('older than the last one applied') as unknown });
    // …and an extension older than the revocation does not reopen a closed case.
    await deliver('StatusRevoked', { nomadId, pin: PIN, ground: 'ACTIVITY_ENDED', revokedAt: '2027-03-01T10:00:00Z', exitDeadline: '2027-03-16' }, '2027-03-01T10:00:00.000Z');
    const oldExtension = await deliver('StatusExtended', { ...grant, periodKind: 'EXTENSION_1_YEAR', validFrom: '2027-04-02', validUntil: '2028-04-01' }, '2027-02-20T06:00:00.000Z');
    expect(oldExtension).toEqual({ ignored: expect.any(String) as unknown });
    expect(await caseOf(nomadId)).toMatchObject({
      row: { state: 'CLOSED', closedOn: '2027-03-01', closeReason: 'STATUS_REVOKED' },
      actions: ['OPENED', 'CLOSED', 'REOPENED', 'CLOSED'],
    });
  });
});

describe('EvaluationRequested', () => {
  it('records one evaluation per application, assigned to an engaged expert of the field without a conflict', async () => {
    const nomadId = randomUUID();
    const conflicted = randomUUID();
    const [busy] = await database.db
      .insert(schema.experts)
      .values({ kind: 'PERSON', name: 'Conflicted', principalSub: 'u:1', fields: ['ESPORTS'], engagedFrom: '2026-01-01', engagedBy: 't', createdAt: '2026-01-01T00:00:00Z' })
      .returning();
    await database.db.insert(schema.expertConflicts).values({ expertId: busy!.id, kind: 'NOMAD', nomadId: conflicted, declaredBy: 't' });
    await database.db
      .insert(schema.experts)
      .values({ kind: 'PERSON', name: 'Expired', principalSub: 'u:2', fields: ['ESPORTS'], engagedFrom: '2025-01-01', engagedUntil: '2025-12-31', engagedBy: 't' });

    const applicationId = randomUUID();
    const request = { applicationId, nomadId, activityCode: 'ESPORTS', requestedAt: '2026-11-24T05:00:00.000Z' };
    await deliver('EvaluationRequested', request);
    await deliver('EvaluationRequested', request);
    const rows = await database.db.select().from(schema.evaluations).where(eq(schema.evaluations.applicationId, applicationId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'ASSIGNED', expertId: busy!.id, origin: 'APPLICATION', assignedBy: 'system' });

    // The only engaged ESPORTS expert declared a conflict with this nomad: the request waits.
    const waiting = randomUUID();
    await deliver('EvaluationRequested', { ...request, applicationId: waiting, nomadId: conflicted });
    const [row] = await database.db.select().from(schema.evaluations).where(eq(schema.evaluations.applicationId, waiting));
    expect(row).toMatchObject({ state: 'UNASSIGNED', expertId: null });
  });
});
