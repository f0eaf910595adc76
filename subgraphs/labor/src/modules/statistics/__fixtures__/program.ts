import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { connect, runMigrations, type Database, type Principal } from '@nomad/kit';
import { createTestDatabase } from '@nomad/kit/testing';
import type { Context } from '../../../context.ts';
import { schema, type LaborSchema } from '../../../db/index.ts';
import { createLoaders } from '../../../loaders.ts';

/**
 * The small program labor's statistics tests work out by hand (TypeScript only: the build
 * leaves test support out). Every figure the tests expect follows from these rows.
 *
 * Cases (11): OPEN LOW ×6 and OPEN HIGH ×2 and CLOSED LOW ×3; opened 2026-01-15 (5) and
 * 2026-02-10 (6).
 *
 * Reports (9), of the first six cases' nomads:
 *   2026-Q3 (ends 09-30): filed 2026-09-30T20:00Z = Bishkek 10-01 (1 day), 10-10 (10), 10-14 (14),
 *   2026-10-14T19:00Z = Bishkek 10-15 (15), all on time; 10-20 (20) and 10-31 (31), late.
 *   2026-Q2 (ends 06-30): filed 07-05 (5) and 07-10 (10) on time, 07-20 (20) late.
 *
 * Evaluations (16), one engaged expert:
 *   SOFTWARE_DEVELOPMENT requested 2026-03-02 (Bishkek): concluded COMPLIANT 03-04 (2 days),
 *   03-05 (3), 03-09 (7); NON_COMPLIANT 03-12 (10) and 2026-03-12T19:00Z = Bishkek 03-13 (11);
 *   one ASSIGNED, one UNASSIGNED.
 *   DESIGN requested 2026-03-03: COMPLIANT 03-04 (1) and 03-05 (2), INSUFFICIENT_EVIDENCE 03-06
 *   (3), NON_COMPLIANT 03-10 (7).
 *   SOFTWARE_DEVELOPMENT requested 2026-04-06: five COMPLIANT on 04-08 (2 days each).
 */
export interface StatisticsFixture {
  database: Database<LaborSchema>;
  url: string;
  close(): Promise<void>;
}

const at = (day: string) => `${day}T04:00:00Z`;

export async function openStatisticsFixture(name: string, options: { extraCases?: number } = {}): Promise<StatisticsFixture> {
  const testDb = await createTestDatabase(name);
  const database = connect(testDb.url, { agency: 'labor', schema });
  await runMigrations(database, { agency: 'labor', migrationsFolder: fileURLToPath(new URL('../../../../drizzle', import.meta.url)) });
  const { db } = database;

  const caseRows: (typeof schema.monitoringCases.$inferInsert)[] = [
    ...Array.from({ length: 6 }, (_, i) => ({ state: 'OPEN' as const, riskLevel: 'LOW' as const, openedOn: i < 3 ? '2026-01-15' : '2026-02-10' })),
    ...Array.from({ length: 2 }, (_, i) => ({ state: 'OPEN' as const, riskLevel: 'HIGH' as const, openedOn: i < 1 ? '2026-01-15' : '2026-02-10' })),
    ...Array.from({ length: 3 }, (_, i) => ({ state: 'CLOSED' as const, riskLevel: 'LOW' as const, openedOn: i < 1 ? '2026-01-15' : '2026-02-10', closedOn: '2026-06-01' })),
    ...Array.from({ length: options.extraCases ?? 0 }, () => ({ state: 'OPEN' as const, riskLevel: 'MEDIUM' as const, openedOn: '2026-03-01' })),
  ].map((c) => ({ ...c, nomadId: randomUUID(), statusValidUntil: '2027-01-01' }));
  const cases = await db.insert(schema.monitoringCases).values(caseRows).returning();

  const report = (i: number, quarter: 'Q2' | 'Q3', filedAt: string, late: boolean): typeof schema.activityReports.$inferInsert => {
    const c = cases[i];
    if (!c) throw new Error('no case');
    const [periodStart, periodEnd, dueOn] = quarter === 'Q3' ? ['2026-07-01', '2026-09-30', '2026-10-15'] : ['2026-04-01', '2026-06-30', '2026-07-15'];
    return { nomadId: c.nomadId, caseId: c.id, periodStart, periodEnd, dueOn, activityCode: 'SOFTWARE_DEVELOPMENT', clients: [], incomeMinor: 1_000_000, incomeCurrency: 'USD', filedAt, late };
  };
  await db.insert(schema.activityReports).values([
    report(0, 'Q3', '2026-09-30T20:00:00Z', false),
    report(1, 'Q3', at('2026-10-10'), false),
    report(2, 'Q3', at('2026-10-14'), false),
    report(3, 'Q3', '2026-10-14T19:00:00Z', false),
    report(4, 'Q3', at('2026-10-20'), true),
    report(5, 'Q3', at('2026-10-31'), true),
    report(0, 'Q2', at('2026-07-05'), false),
    report(1, 'Q2', at('2026-07-10'), false),
    report(2, 'Q2', at('2026-07-20'), true),
  ]);

  const [expert] = await db
    .insert(schema.experts)
    .values({ kind: 'PERSON', name: 'Expert', principalSub: 'expert-1', fields: ['SOFTWARE_DEVELOPMENT', 'DESIGN'], engagedFrom: '2026-01-01', engagedBy: 'officer-1' })
    .returning();
  if (!expert) throw new Error('no expert');
  type Verdict = 'COMPLIANT' | 'NON_COMPLIANT' | 'INSUFFICIENT_EVIDENCE';
  const evaluation = (activityCode: string, requestedAt: string, concluded: [string, Verdict] | 'ASSIGNED' | 'UNASSIGNED'): typeof schema.evaluations.$inferInsert => ({
    nomadId: randomUUID(),
    origin: 'MONITORING',
    activityCode,
    requestedAt,
    requestedBy: 'officer-1',
    ...(concluded === 'UNASSIGNED'
      ? { state: 'UNASSIGNED' as const }
      : concluded === 'ASSIGNED'
        ? { state: 'ASSIGNED' as const, expertId: expert.id }
        : { state: 'CONCLUDED' as const, expertId: expert.id, verdict: concluded[1], findings: 'f', concludedAt: concluded[0] }),
  });
  const sd = 'SOFTWARE_DEVELOPMENT';
  await db.insert(schema.evaluations).values([
    evaluation(sd, at('2026-03-02'), [at('2026-03-04'), 'COMPLIANT']),
    evaluation(sd, at('2026-03-02'), [at('2026-03-05'), 'COMPLIANT']),
    evaluation(sd, at('2026-03-02'), [at('2026-03-09'), 'COMPLIANT']),
    evaluation(sd, at('2026-03-02'), [at('2026-03-12'), 'NON_COMPLIANT']),
    evaluation(sd, at('2026-03-02'), ['2026-03-12T19:00:00Z', 'NON_COMPLIANT']),
    evaluation(sd, at('2026-03-02'), 'ASSIGNED'),
    evaluation(sd, at('2026-03-02'), 'UNASSIGNED'),
    evaluation('DESIGN', at('2026-03-03'), [at('2026-03-04'), 'COMPLIANT']),
    evaluation('DESIGN', at('2026-03-03'), [at('2026-03-05'), 'COMPLIANT']),
    evaluation('DESIGN', at('2026-03-03'), [at('2026-03-06'), 'INSUFFICIENT_EVIDENCE']),
    evaluation('DESIGN', at('2026-03-03'), [at('2026-03-10'), 'NON_COMPLIANT']),
    ...Array.from({ length: 5 }, () => evaluation(sd, at('2026-04-06'), [at('2026-04-08'), 'COMPLIANT'])),
  ]);
  return {
    database,
    url: testDb.url,
    close: async () => {
      await database.close();
      await testDb.drop();
    },
  };
}

/** A request's context for `principal`, as the subgraph builds it; `analytics` is the analysts' pool when given. */
export function statisticsContext(database: Database<LaborSchema>, principal: Principal, analytics?: Database<LaborSchema>): Context {
  return {
    principal,
    purpose: null,
    requestId: randomUUID(),
    idempotencyKey: null,
    db: database.db,
    ...(analytics ? { analytics: analytics.db } : {}),
    loaders: createLoaders(database.db, { principal, purpose: null, requestId: 'r', operationName: null }),
    logger: pino({ level: 'silent' }),
  };
}
