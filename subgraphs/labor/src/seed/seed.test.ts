import { fileURLToPath } from 'node:url';
import { count, eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, runMigrations, type Database } from '@nomad/kit';
import { createTestDatabase, type TestDatabase } from '@nomad/kit/testing';
import { sampleWorld } from '@nomad/sample';
import { schema, type LaborSchema } from '../db/index.ts';
import { planLaborSeed, seedLabor } from './seed.ts';

const TODAY = '2026-11-24';
let testDb: TestDatabase;
let database: Database<LaborSchema>;

beforeAll(async () => {
  testDb = await createTestDatabase('labor_seed');
  database = connect(testDb.url, { agency: 'labor', schema });
  await runMigrations(database, { agency: 'labor', migrationsFolder: fileURLToPath(new URL('../../drizzle', import.meta.url)) });
});
afterAll(async () => {
  await database?.close();
  await testDb?.drop();
});

describe('labor sample data', () => {
  it("follows the sample world: a case per status holder, an evaluation per requested one", () => {
    const world = sampleWorld({ today: TODAY });
    const plan = planLaborSeed(world, TODAY);
    const holders = new Set(world.eventRows.filter((e) => e.kind === 'GRANTED').map((e) => e.nomadId));
    expect(new Set(plan.cases.map((c) => c.nomadId))).toEqual(holders);
    const ended = new Set(world.eventRows.filter((e) => e.kind === 'REVOKED' || e.kind === 'EXPIRED').map((e) => e.nomadId));
    expect(plan.cases.filter((c) => c.state === 'CLOSED').map((c) => c.nomadId).sort()).toEqual([...ended].sort());
    const requested = world.applicationRows.filter((a) => a.evaluationRequestedAt);
    const forApplications = plan.evaluations.filter((e) => e.origin === 'APPLICATION');
    expect(forApplications.map((e) => e.applicationId).sort()).toEqual(requested.map((a) => a.id).sort());
    for (const a of requested) {
      expect(forApplications.find((e) => e.applicationId === a.id)?.verdict ?? null).toBe(a.evaluationVerdict ?? null);
    }
    // Deterministic: the same world gives the same plan.
    expect(planLaborSeed(sampleWorld({ today: TODAY }), TODAY).cases).toEqual(plan.cases);
  });

  it('seeds once, with every state the screens filter on', async () => {
    expect(await seedLabor(database.db, pino({ level: 'silent' }), { today: TODAY })).toBe(true);
    expect(await seedLabor(database.db, pino({ level: 'silent' }), { today: TODAY })).toBe(false);
    const states = await database.db.selectDistinct({ s: schema.evaluations.state }).from(schema.evaluations);
    expect(states.map((r) => r.s).sort()).toEqual(['ASSIGNED', 'CONCLUDED', 'UNASSIGNED']);
    const cases = await database.db.selectDistinct({ s: schema.monitoringCases.state }).from(schema.monitoringCases);
    expect(cases.map((r) => r.s).sort()).toEqual(['CLOSED', 'OPEN']);
    const [late] = await database.db.select({ n: count() }).from(schema.activityReports).where(eq(schema.activityReports.late, true));
    expect(late?.n).toBeGreaterThan(0);
  });
});
