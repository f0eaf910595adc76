import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { count, eq, inArray } from 'drizzle-orm';
import type { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, DEFAULT_DISCLOSURE_RULES, runMigrations, type Database, type DisclosureRules, type Principal } from '@nomad/kit';
import { createTestDatabase, type TestDatabase } from '@nomad/kit/testing';
import type { Context } from '../../context.ts';
import { schema, type SecuritySchema } from '../../db/index.ts';
import { createLoaders } from '../../loaders.ts';
import { getScreeningStatistics, type ScreeningStatisticsArgs } from './service.ts';

// screeningStatistics against a real database, on 21 screenings written out by hand (times UTC,
// months Bishkek, UTC+6):
//
//   APPLICATION CLEARED   6  opened March, concluded March
//   APPLICATION FLAGGED   2  opened March, concluded March
//   APPLICATION CLEARED   5  opened 03-30, concluded April: one at 03-31 19:00 UTC, 04-01 in Bishkek
//   APPLICATION PENDING   3  opened April
//   DEPENDANT   CLEARED   4  opened 04-01, concluded April
//   RESCREEN    FLAGGED   1  opened 04-02, concluded April
//
// Opened in 2026-Q1: 6 + 2 + 5 = 13; in 2026-Q2: 3 + 4 + 1 = 8.

const logger = pino({ level: 'silent' });
let testDb: TestDatabase;
let database: Database<SecuritySchema>;

type Outcome = 'PENDING' | 'CLEARED' | 'FLAGGED';
type Kind = 'APPLICATION' | 'RESCREEN' | 'DEPENDANT';

async function insert(n: number, kind: Kind, outcome: Outcome, openedAt: string, concludedAt: string | null): Promise<void> {
  for (let i = 0; i < n; i++) {
    await database.db.insert(schema.screenings).values({
      kind,
      nomadId: randomUUID(),
      applicationId: kind === 'APPLICATION' ? randomUUID() : null,
      dependantId: kind === 'DEPENDANT' ? randomUUID() : null,
      outcome,
      reasons: outcome === 'FLAGGED' ? ['WATCHLIST_MATCH'] : [],
      classification: outcome === 'PENDING' ? null : 'RESTRICTED',
      openedAt,
      concludedAt,
    });
  }
}

beforeAll(async () => {
  testDb = await createTestDatabase('security_statistics');
  database = connect(testDb.url, { agency: 'security', schema });
  await runMigrations(database, { agency: 'security', migrationsFolder: fileURLToPath(new URL('../../../drizzle', import.meta.url)) });
  await insert(6, 'APPLICATION', 'CLEARED', '2026-03-02T04:00:00Z', '2026-03-10T04:00:00Z');
  await insert(2, 'APPLICATION', 'FLAGGED', '2026-03-03T04:00:00Z', '2026-03-12T04:00:00Z');
  await insert(4, 'APPLICATION', 'CLEARED', '2026-03-30T04:00:00Z', '2026-04-03T04:00:00Z');
  await insert(1, 'APPLICATION', 'CLEARED', '2026-03-30T04:00:00Z', '2026-03-31T19:00:00Z');
  await insert(3, 'APPLICATION', 'PENDING', '2026-04-06T04:00:00Z', null);
  await insert(4, 'DEPENDANT', 'CLEARED', '2026-04-01T04:00:00Z', '2026-04-08T04:00:00Z');
  await insert(1, 'RESCREEN', 'FLAGGED', '2026-04-02T04:00:00Z', '2026-04-09T04:00:00Z');
});
afterAll(async () => {
  await database?.close();
  await testDb?.drop();
});

const analyst: Principal = { sub: 'analyst-1', name: 'analyst', roles: ['analyst'], nomadId: null };

function ctxFor(principal: Principal): Context {
  return { principal, purpose: null, requestId: randomUUID(), idempotencyKey: null, db: database.db, loaders: createLoaders(database.db, { principal, purpose: null, requestId: 'r', operationName: null }), logger };
}

/** Runs the statistics, counting SQL statements; exact figures (no rounding, k as given) unless `rules` says otherwise. */
async function stats(args: ScreeningStatisticsArgs, options: { principal?: Principal; k?: number; rules?: DisclosureRules | 'rule value' } = {}) {
  const before = database.statementCount();
  const rules = options.rules === 'rule value' ? undefined : options.rules ?? { minCellSize: options.k ?? 5, countRoundingBase: 1, significantFigures: 0 };
  const result = await getScreeningStatistics(ctxFor(options.principal ?? analyst), args, rules);
  return { result, statements: database.statementCount() - before };
}

const shown = (dims: Record<string, unknown>, n: number) => ({ ...dims, suppressed: false, count: n });
const hidden = (dims: Record<string, unknown>) => ({ ...dims, suppressed: true, count: null });
const accessRecords = async () => (await database.db.select({ n: count() }).from(schema.accessRecords))[0]?.n;

describe('screeningStatistics: counts per group, from the fixture worked out by hand', () => {
  it('by outcome and month of conclusion (Bishkek months; PENDING in the null month), in one statement, no access record', async () => {
    const records = await accessRecords();
    const { result, statements } = await stats({ groupBy: ['OUTCOME', 'CONCLUDED_MONTH'] }, { k: 3 });
    expect(statements).toBe(1);
    // FLAGGED March (2) and April (1) are under k = 3; withheld together they add up to 3: PENDING (3) stays.
    expect(result.rows).toEqual([
      shown({ outcome: 'CLEARED', concludedMonth: '2026-03' }, 6),
      shown({ outcome: 'CLEARED', concludedMonth: '2026-04' }, 9),
      hidden({ outcome: 'FLAGGED', concludedMonth: '2026-03' }),
      hidden({ outcome: 'FLAGGED', concludedMonth: '2026-04' }),
      shown({ outcome: 'PENDING', concludedMonth: null }, 3),
    ]);
    expect(result.total).toEqual(shown({}, 21));
    expect(await accessRecords()).toBe(records);
  });

  it('by kind, by quarter of opening, by year of conclusion; the list filter narrows', async () => {
    const kinds = await stats({ groupBy: ['KIND'] }, { k: 1 });
    expect(kinds.statements).toBe(1);
    expect(kinds.result.rows).toEqual([shown({ kind: 'APPLICATION' }, 16), shown({ kind: 'DEPENDANT' }, 4), shown({ kind: 'RESCREEN' }, 1)]);
    const quarters = await stats({ groupBy: ['OPENED_QUARTER', 'OUTCOME'], filter: { kind: 'APPLICATION' } }, { k: 1 });
    expect(quarters.statements).toBe(1);
    expect(quarters.result.rows).toEqual([
      shown({ openedQuarter: '2026-Q1', outcome: 'CLEARED' }, 11),
      shown({ openedQuarter: '2026-Q1', outcome: 'FLAGGED' }, 2),
      shown({ openedQuarter: '2026-Q2', outcome: 'PENDING' }, 3),
    ]);
    const years = await stats({ groupBy: ['CONCLUDED_YEAR'], filter: { outcomes: ['CLEARED', 'FLAGGED'] } }, { k: 1 });
    expect(years.result.rows).toEqual([shown({ concludedYear: 2026 }, 18)]);
    const months = await stats({ groupBy: ['OPENED_MONTH', 'KIND', 'CONCLUDED_QUARTER'], filter: { outcomes: ['FLAGGED'] } }, { k: 1 });
    expect(months.statements).toBe(1);
    expect(months.result.rows).toEqual([
      shown({ openedMonth: '2026-03', kind: 'APPLICATION', concludedQuarter: '2026-Q1' }, 2),
      shown({ openedMonth: '2026-04', kind: 'RESCREEN', concludedQuarter: '2026-Q2' }, 1),
    ]);
  });

  it('a cell of k is shown, of k − 1 withheld, and one withheld cell takes the smallest other with it', async () => {
    // CLEARED by kind: APPLICATION 11, DEPENDANT 4. At k = 4 both are shown; at k = 5 the
    // DEPENDANT row is withheld, and with the total (15) it would be 15 − 11: so is APPLICATION.
    expect((await stats({ groupBy: ['KIND'], filter: { outcomes: ['CLEARED'] } }, { k: 4 })).result.rows).toEqual([shown({ kind: 'APPLICATION' }, 11), shown({ kind: 'DEPENDANT' }, 4)]);
    const { result } = await stats({ groupBy: ['KIND'], filter: { outcomes: ['CLEARED'] } }, { k: 5 });
    expect(result.rows).toEqual([hidden({ kind: 'APPLICATION' }), hidden({ kind: 'DEPENDANT' })]);
    expect(result.total).toEqual(shown({}, 15));
    // The total itself: FLAGGED holds 3, shown at k = 3, withheld at k = 4.
    expect((await stats({ filter: { outcomes: ['FLAGGED'] } }, { k: 3 })).result.total).toEqual(shown({}, 3));
    expect((await stats({ filter: { outcomes: ['FLAGGED'] } }, { k: 4 })).result.total).toEqual(hidden({}));
  });

  it('k counts nomads, not screenings: one person screened k times in a cell is withheld; count stays the screenings', async () => {
    // One nomad re-screened five times, every one FLAGGED in May 2026 (alone in that month), and
    // 6 nomads CLEARED in May: at k = 5 the FLAGGED cell holds 5 screenings but 1 person.
    const nomadId = randomUUID();
    const may = (day: number) => `2026-05-${String(day).padStart(2, '0')}T04:00:00Z`;
    const rows = [
      ...Array.from({ length: 5 }, (_, i) => ({ kind: 'RESCREEN' as const, nomadId, outcome: 'FLAGGED' as const, reasons: ['WATCHLIST_MATCH' as const], classification: 'RESTRICTED' as const, openedAt: may(i + 1), concludedAt: may(i + 2) })),
      ...Array.from({ length: 6 }, (_, i) => ({ kind: 'RESCREEN' as const, nomadId: randomUUID(), outcome: 'CLEARED' as const, reasons: [], classification: 'RESTRICTED' as const, openedAt: may(i + 1), concludedAt: may(i + 10) })),
    ];
    const inserted = await database.db.insert(schema.screenings).values(rows).returning({ id: schema.screenings.id });
    try {
      const { result, statements } = await stats({ groupBy: ['OUTCOME', 'CONCLUDED_MONTH'], filter: { kind: 'RESCREEN' } }, { k: 5 });
      expect(statements).toBe(1);
      // RESCREEN: FLAGGED April (the fixture's 1, under k), FLAGGED May (5 screenings, 1 nomad:
      // under k), CLEARED May (6 nomads). Withheld together the two FLAGGED rows hold 2 nomads,
      // under k, so CLEARED May goes too (the total would give them back).
      expect(result.rows).toEqual([
        hidden({ outcome: 'CLEARED', concludedMonth: '2026-05' }),
        hidden({ outcome: 'FLAGGED', concludedMonth: '2026-04' }),
        hidden({ outcome: 'FLAGGED', concludedMonth: '2026-05' }),
      ]);
      // The total: 12 screenings of 8 nomads, shown (as its screenings).
      expect(result.total).toEqual(shown({}, 12));
      // Without the one person's cell: the same nomad's five screenings are one person, so
      // FLAGGED alone (2 nomads, 6 screenings) is withheld even at k = 3.
      const flagged = await stats({ groupBy: ['CONCLUDED_MONTH'], filter: { kind: 'RESCREEN', outcomes: ['FLAGGED'] } }, { k: 3 });
      expect(flagged.result.rows).toEqual([hidden({ concludedMonth: '2026-04' }), hidden({ concludedMonth: '2026-05' })]);
      expect(flagged.result.total).toEqual(hidden({}));
      // At k = 1 every screening is counted: 5 in the one person's cell.
      const exact = await stats({ groupBy: ['OUTCOME', 'CONCLUDED_MONTH'], filter: { kind: 'RESCREEN', outcomes: ['FLAGGED'] } }, { k: 1 });
      expect(exact.result.rows).toEqual([shown({ outcome: 'FLAGGED', concludedMonth: '2026-04' }, 1), shown({ outcome: 'FLAGGED', concludedMonth: '2026-05' }, 5)]);
    } finally {
      await database.db.delete(schema.screenings).where(inArray(schema.screenings.id, inserted.map((r) => r.id)));
    }
  });

  it('under the default rules: counts to a multiple of 5, cells under 5 withheld, the rules in the answer', async () => {
    const { result, statements } = await stats({ groupBy: ['OUTCOME'] }, { rules: 'rule value' });
    // GKNB's rule value, read in the statistics statement itself.
    expect(statements).toBe(1);
    expect(result.disclosure).toEqual({ minCellSize: 5, countRoundingBase: 5, significantFigures: 2 });
    // Exact: CLEARED 15, FLAGGED 3, PENDING 3 (withheld: 6 together), total 21.
    expect(result.rows).toEqual([shown({ outcome: 'CLEARED' }, 15), hidden({ outcome: 'FLAGGED' }), hidden({ outcome: 'PENDING' })]);
    expect(result.total).toEqual(shown({}, 20));
  });

  it('follows the rule value in security.rules: a changed k and base change the answer, a weakened one stops it', async () => {
    const setRule = (value: unknown) => database.db.update(schema.rules).set({ value }).where(eq(schema.rules.key, 'statistics_disclosure'));
    try {
      await setRule({ minCellSize: 3, countRoundingBase: 3, significantFigures: 2 });
      const { result } = await stats({ groupBy: ['OUTCOME'] }, { rules: 'rule value' });
      expect(result.rows).toEqual([shown({ outcome: 'CLEARED' }, 15), shown({ outcome: 'FLAGGED' }, 3), shown({ outcome: 'PENDING' }, 3)]);
      await setRule({ minCellSize: 2, countRoundingBase: 3, significantFigures: 2 });
      await expect(stats({ groupBy: ['OUTCOME'] }, { rules: 'rule value' })).rejects.toThrow(/statistics_disclosure is invalid at minCellSize/);
    } finally {
      await setRule(DEFAULT_DISCLOSURE_RULES);
    }
  });
});

describe('who may ask, and bad input', () => {
  const code = async (args: ScreeningStatisticsArgs, principal?: Principal) => {
    const err = (await stats(args, principal ? { principal } : {}).then(
      () => null,
      (e: unknown) => e,
    )) as GraphQLError | null;
    return err && [err.extensions.code, err.extensions.field ?? null];
  };

  it('a security officer may ask; a migration officer and a nomad are refused', async () => {
    const officer = await stats({}, { principal: { sub: 'so', name: 'so', roles: ['security_officer'], nomadId: null }, k: 1 });
    expect(officer.result.total.count).toBe(21);
    expect(await code({}, { sub: 'mo', name: 'mo', roles: ['migration_officer'], nomadId: null })).toEqual(['FORBIDDEN', null]);
    expect(await code({}, { sub: 'n', name: 'n', roles: ['nomad'], nomadId: '00000000-0000-4000-8000-000000000001' })).toEqual(['FORBIDDEN', null]);
  });

  it('BAD_USER_INPUT naming groupBy, before any SQL', async () => {
    const before = database.statementCount();
    expect(await code({ groupBy: ['OUTCOME', 'KIND', 'OPENED_MONTH', 'CONCLUDED_MONTH'] })).toEqual(['BAD_USER_INPUT', 'groupBy']);
    expect(await code({ groupBy: ['KIND', 'KIND'] })).toEqual(['BAD_USER_INPUT', 'groupBy']);
    expect(await code({ groupBy: ['CONCLUDED_MONTH', 'CONCLUDED_YEAR'] })).toEqual(['BAD_USER_INPUT', 'groupBy']);
    expect(await code({ groupBy: ['OPENED_QUARTER', 'OPENED_YEAR'] })).toEqual(['BAD_USER_INPUT', 'groupBy']);
    expect(database.statementCount() - before).toBe(0);
  });
});
