import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { count } from 'drizzle-orm';
import { sampleWorld } from '@nomad/sample';
import type { Database } from '@nomad/kit';
import type { TestDatabase } from '@nomad/kit/testing';
import type { TaxSchema } from '../db/index.ts';
import { declarations, registrations } from '../db/schema.ts';
import { getRegimes } from '../modules/registrations/queries.ts';
import { openTestTaxDatabase } from '../testing.ts';
import { SEED_REGIME_RATES, seedTax, taxWorld } from './seed.ts';

const TODAY = '2026-11-24';
let testDb: TestDatabase;
let database: Database<TaxSchema>;

beforeAll(async () => {
  ({ testDb, database } = await openTestTaxDatabase('tax_seed'));
});
afterAll(async () => {
  await database?.close();
  await testDb?.drop();
});

describe('seed', () => {
  it('gives every status holder of migration\'s sample world an IE with their PIN, in a state that follows their status', () => {
    const world = sampleWorld({ today: TODAY });
    const tax = taxWorld(world, TODAY);
    const holders = world.nomadRows.filter((n) => n.pin);
    expect(tax.registrationRows.map((r) => [r.nomadId, r.pin]).sort()).toEqual(holders.map((n) => [n.id, n.pin]).sort());
    const states = new Set(tax.registrationRows.map((r) => r.state));
    // The campaign has work in the sample, and the register has history.
    expect(states.has('REREGISTERED')).toBe(true);
    expect(states.has('PENDING_REREGISTRATION')).toBe(true);
    expect(states.has('DEREGISTERED')).toBe(true);
    for (const r of tax.registrationRows) {
      const ended = world.eventRows.some((e) => e.nomadId === r.nomadId && (e.kind === 'REVOKED' || e.kind === 'EXPIRED'));
      if (ended) expect(['DEREGISTERED', 'DEREGISTRATION_PENDING']).toContain(r.state);
    }
  });

  it('uses the regime rates of the table, and seeds once', async () => {
    const rates = Object.fromEntries((await getRegimes(database.db)).map((r) => [r.code, r.rateBasisPoints]));
    expect(rates).toEqual(SEED_REGIME_RATES);
    const logger = pino({ level: 'silent' });
    expect(await seedTax(database.db, logger, { today: TODAY, nomads: 80 })).toBe(true);
    expect(await seedTax(database.db, logger, { today: TODAY, nomads: 80 })).toBe(false);
    const [r] = await database.db.select({ n: count() }).from(registrations);
    const [d] = await database.db.select({ n: count() }).from(declarations);
    expect(r?.n).toBeGreaterThan(0);
    expect(d?.n).toBeGreaterThan(0);
  });
});
