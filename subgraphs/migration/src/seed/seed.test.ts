import { count } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, runMigrations, type Database } from '@nomad/kit';
import { createTestDatabase, expectedPinPattern, type TestDatabase } from '@nomad/kit/testing';
import { fileURLToPath } from 'node:url';
import { schema, type MigrationSchema } from '../db/index.ts';
import { deriveStatus } from '../modules/status/derive.ts';
import { DEMO_NOMAD_ID, sampleWorld, SAMPLE_RULES } from '@nomad/sample';
import { CHILD_AGE_LIMIT_YEARS, deriveDependantStatus, isUnder } from '../modules/dependants/derive.ts';
import { seedMigration } from './seed.ts';

const TODAY = '2026-11-24';
let testDb: TestDatabase;
let database: Database<MigrationSchema>;

beforeAll(async () => {
  testDb = await createTestDatabase('seed');
  database = connect(testDb.url, { agency: 'migration', schema });
  await runMigrations(database, { agency: 'migration', migrationsFolder: fileURLToPath(new URL('../../drizzle', import.meta.url)) });
  await seedMigration(database.db, pino({ level: 'silent' }), { today: TODAY });
});
afterAll(async () => {
  await database?.close();
  await testDb?.drop();
});

describe('sample data', () => {
  it('has hundreds of nomads across the eligible citizenships', async () => {
    const rows = await database.db.select({ citizenship: schema.nomads.citizenship, n: count() }).from(schema.nomads).groupBy(schema.nomads.citizenship);
    expect(rows.reduce((sum, r) => sum + r.n, 0)).toBe(400);
    expect(rows.map((r) => r.citizenship).sort()).toEqual(['ARM', 'AZE', 'BLR', 'DEU', 'GBR', 'IND', 'JPN', 'KAZ', 'KOR', 'MDA', 'RUS', 'USA']);
  });

  it('covers every application state and every clearance outcome', async () => {
    const states = await database.db.selectDistinct({ s: schema.applications.state }).from(schema.applications);
    expect(states.map((r) => r.s).sort()).toEqual(schema.applicationStateEnum.enumValues.slice().sort());
    const outcomes = await database.db.selectDistinct({ o: schema.applications.screeningOutcome }).from(schema.applications);
    expect(outcomes.map((r) => r.o).sort()).toEqual(['CLEARED', 'FLAGGED', 'PENDING']);
  });

  it('gives approved nomads valid PINs and statuses in every state', async () => {
    const nomads = await database.db.select().from(schema.nomads);
    const withPin = nomads.filter((n) => n.pin);
    expect(withPin.length).toBeGreaterThan(50);
    for (const n of withPin) expect(n.pin).toMatch(expectedPinPattern(n));
    expect(withPin.find((n) => n.id === '5eed0000-0000-4000-8000-000000000003')?.pin).toBe('10208199500001');
    const periods = await database.db.select().from(schema.statusPeriods);
    const events = await database.db.select().from(schema.statusEvents);
    const states = new Set(
      withPin.map((n) => deriveStatus(periods.filter((p) => p.nomadId === n.id), events.filter((e) => e.nomadId === n.id), TODAY)?.state),
    );
    expect([...states].sort()).toEqual(['ACTIVE', 'EXPIRED', 'REVOKED', 'SUSPENDED']);
    const kinds = new Set(periods.map((p) => p.kind));
    expect(kinds).toEqual(new Set(['INITIAL_60_DAYS', 'EXTENSION_1_YEAR', 'RENEWAL']));
  });

  it('gives some holders a spouse and children whose status is theirs, one child come of age, and pending ones (the demo applicant\'s too)', async () => {
    const dependants = await database.db.select().from(schema.dependants);
    expect(dependants.length).toBeGreaterThan(10);
    const periods = await database.db.select().from(schema.statusPeriods);
    const events = await database.db.select().from(schema.statusEvents);
    const approved = dependants.filter((d) => d.state === 'APPROVED');
    expect(approved.length).toBeGreaterThan(5);
    const pins = new Set((await database.db.select().from(schema.nomads)).map((n) => n.pin));
    for (const d of approved) {
      expect(d.pin).toMatch(expectedPinPattern(d));
      expect(pins.has(d.pin)).toBe(false);
      expect(deriveDependantStatus(d, periods.filter((p) => p.nomadId === d.principalId), events.filter((e) => e.nomadId === d.principalId), TODAY)?.state).toBe('ACTIVE');
    }
    expect(new Set(approved.map((d) => d.pin)).size).toBe(approved.length);
    expect(new Set(approved.map((d) => d.relation))).toEqual(new Set(['SPOUSE', 'CHILD']));
    expect(approved.filter((d) => d.relation === 'CHILD' && !isUnder(d.dateOfBirth, CHILD_AGE_LIMIT_YEARS, TODAY))).toHaveLength(1);
    expect(dependants.filter((d) => d.state === 'PENDING').map((d) => d.principalId)).toContain(DEMO_NOMAD_ID);
    const documents = await database.db.select().from(schema.dependantDocuments);
    for (const d of dependants) expect(documents.some((doc) => doc.dependantId === d.id && doc.kind === (d.relation === 'SPOUSE' ? 'MARRIAGE_CERTIFICATE' : 'BIRTH_CERTIFICATE'))).toBe(true);
  });

  it("gives every adult dependant GKNB's screening: approved ones CLEARED before approval, pending ones CLEARED, PENDING or FLAGGED; no child screened", async () => {
    const dependants = await database.db.select().from(schema.dependants);
    const adultOnAdding = (d: (typeof dependants)[number]) => !isUnder(d.dateOfBirth, CHILD_AGE_LIMIT_YEARS, d.addedAt.slice(0, 10));
    const adults = dependants.filter(adultOnAdding);
    expect(adults.length).toBeGreaterThan(5);
    for (const d of dependants.filter((x) => !adultOnAdding(x))) expect(d).toMatchObject({ screeningOutcome: null, screeningId: null });
    const approved = adults.filter((d) => d.state === 'APPROVED');
    expect(approved.length).toBeGreaterThan(0);
    for (const d of approved) {
      expect(d.screeningOutcome).toBe('CLEARED');
      expect(Date.parse(d.screeningConcludedAt ?? '')).toBeLessThan(Date.parse(d.decidedAt ?? ''));
    }
    const pending = adults.filter((d) => d.state === 'PENDING');
    expect(new Set(pending.map((d) => d.screeningOutcome))).toEqual(new Set(['CLEARED', 'PENDING', 'FLAGGED']));
    // Migration learns GKNB's screening id with the outcome.
    for (const d of adults) expect(d.screeningId === null).toBe(d.screeningOutcome === 'PENDING');
    expect(pending.find((d) => d.principalId === DEMO_NOMAD_ID)?.screeningOutcome).toBe('PENDING');
  });

  it('does nothing on a second run', async () => {
    expect(await seedMigration(database.db, pino({ level: 'silent' }), { today: TODAY })).toBe(false);
  });
});

describe('sampleWorld', () => {
  it('draws with the rule values migration seeds, so every agency sees the same world', async () => {
    const { loadRules } = await import('../modules/rules/service.ts');
    const rules = await loadRules(database.db);
    for (const key of Object.keys(SAMPLE_RULES) as (keyof typeof SAMPLE_RULES)[]) {
      expect(SAMPLE_RULES[key], key).toEqual(rules[key]);
    }
  });

  it('is deterministic and matches what was seeded', async () => {
    const a = sampleWorld({ today: TODAY });
    const b = sampleWorld({ today: TODAY });
    expect(a.nomadRows.map((n) => n.id)).toEqual(b.nomadRows.map((n) => n.id));
    const seeded = await database.db.select({ id: schema.nomads.id, pin: schema.nomads.pin }).from(schema.nomads);
    const pins = new Map(seeded.map((r) => [r.id, r.pin]));
    for (const n of a.nomadRows) expect(pins.get(n.id)).toBe(n.pin ?? null);
  });
});
