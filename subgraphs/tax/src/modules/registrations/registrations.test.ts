import { randomUUID } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@nomad/kit';
import type { TestDatabase } from '@nomad/kit/testing';
import type { TaxSchema } from '../../db/index.ts';
import { registrations } from '../../db/schema.ts';
import { openTestTaxDatabase, testPin } from '../../testing.ts';
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

const grant = (nomadId: string, pin: string, occurredAt: string, validUntil = '2027-01-22') =>
  database.db.transaction((tx) => queueReregistration(tx, { nomadId, pin, validUntil, occurredAt, now: occurredAt }));
const end = (nomadId: string, pin: string, occurredAt: string) =>
  database.db.transaction((tx) => queueDeregistration(tx, { nomadId, pin, occurredAt, now: occurredAt }));

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
    const extended = await grant(nomadId, pin, '2026-03-01T06:00:00Z', '2027-03-10');
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
    expect(await end(randomUUID(), testPin(5), '2026-11-02T06:00:00Z')).toBeNull();
  });

  it('a fact whose PIN belongs to another nomad is refused (left to operators)', async () => {
    await grant(randomUUID(), testPin(6), '2026-11-01T06:00:00Z');
    await expect(grant(randomUUID(), testPin(6), '2026-11-02T06:00:00Z')).rejects.toThrow(/does not match/);
    const [row] = await database.db.select().from(registrations).where(eq(registrations.pin, testPin(6)));
    expect(row?.lastFactAt).toContain('2026-11-01');
  });
});
