import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLError } from 'graphql';
import { sql } from 'drizzle-orm';
import { DEFAULT_DISCLOSURE_RULES, type Database, type DisclosureRules, type Principal } from '@nomad/kit';
import type { App } from '../../app.ts';
import { fixedClock } from '../../clock.ts';
import { schema, type MigrationSchema } from '../../db/index.ts';
import { openServiceTestDatabase, serviceContext, type ServiceTestDatabase } from '../../testing.ts';
import { embeddedZhaak } from '../../zhaak.ts';
import { deriveStatus } from '../status/derive.ts';
import { getEventsByNomadIds, getPeriodsByNomadIds } from '../status/queries.ts';
import { statusOnDaySql } from './dimensions.ts';
import { getStatusEventStatistics, getStatusStatistics, type StatusEventStatisticsArgs, type StatusStatisticsArgs } from './status-service.ts';

// Status statistics against a real database, on ten people written out by hand (today
// 2026-11-24; S = SOFTWARE_DEVELOPMENT, D = DESIGN, the activity of the application behind
// each grant):
//
//   A KAZ S  initial 2025-06-01..07-30, extension 2025-07-31..2026-07-30, renewal 2026-07-31..2027-07-30
//   B KAZ D  initial 2025-06-10..08-08, nothing after: expiry 2025-08-09
//   C USA D  initial 2025-09-01..10-30, extension 2025-10-31..2026-10-30: expiry 2026-10-31
//   D USA S  initial 2026-01-05..03-05, extension 2026-03-06..2027-03-05, revoked 2026-05-10
//   E KAZ S  initial 2026-02-01..04-01, extension 2026-04-02..2027-04-01; suspended 06-01,
//            reinstated 07-01, suspended again 09-01
//   F KAZ    initial (D) 2025-05-20..07-18: expiry 2025-07-19; applied again: initial (S)
//            2025-10-01..11-29, extension 2025-11-30..2026-11-29
//   G USA D  initial 2026-11-01..12-30
//   I KAZ D  initial 2026-10-01..11-29
//   J USA S  initial 2026-03-01..04-29, revoked 2026-04-10 (no expiry: revoked by its last day)
//   H KAZ    an applicant, never granted: never counted
//
// Grants:      2025 A B C F F = 5; 2026 D E G I J = 5
// Renewals:    2025 A C F = 3;     2026 A D E = 3
// Expiries:    2025 B F = 2;       2026 C = 1
// Revocations: 2025 0;             2026 D J = 2

const TODAY = '2026-11-24';
let opened: ServiceTestDatabase | undefined;
let database: Database<MigrationSchema>;
let app: App;
let serial = 0;
const ids: Record<string, string> = {};
const analyst: Principal = { sub: 'analyst-1', name: 'analyst', roles: ['analyst'], nomadId: null };

type Activity = 'SOFTWARE_DEVELOPMENT' | 'DESIGN';
type Kind = 'INITIAL_60_DAYS' | 'EXTENSION_1_YEAR' | 'RENEWAL';

async function nomad(name: string, citizenship: string): Promise<string> {
  serial += 1;
  const [row] = await database.db
    .insert(schema.nomads)
    .values({ surname: name, givenNames: 'Y', dateOfBirth: '1990-01-01', sex: 'FEMALE', citizenship, passportCountry: citizenship, passportNumber: `S${serial}`, passportExpiresOn: '2035-01-01', email: `s${serial}@example.org` })
    .returning();
  if (!row) throw new Error('no nomad');
  ids[name] = row.id;
  return row.id;
}

async function application(nomadId: string, activityCode: Activity, approvedOn: string): Promise<string> {
  serial += 1;
  const [row] = await database.db
    .insert(schema.applications)
    .values({
      number: String(serial).padStart(8, '0'),
      nomadId,
      state: 'APPROVED',
      activityCode,
      foreignParties: [],
      declaredIncomeMinor: 2_400_000,
      incomeCurrency: 'USD',
      declaredIncomeUsdMinor: 2_400_000,
      requestedStartOn: approvedOn,
      submittedAt: `${approvedOn}T00:00:00Z`,
      reviewDeadlineOn: approvedOn,
      decidedAt: `${approvedOn}T04:00:00Z`,
    })
    .returning();
  if (!row) throw new Error('no application');
  return row.id;
}

async function period(nomadId: string, kind: Kind, validFrom: string, validUntil: string, activity?: Activity): Promise<void> {
  const applicationId = activity ? await application(nomadId, activity, validFrom) : null;
  await database.db.insert(schema.statusPeriods).values({ nomadId, kind, validFrom, validUntil, applicationId, grantedBy: 'officer', grantedAt: `${validFrom}T04:00:00Z` });
}

async function event(nomadId: string, kind: 'SUSPENDED' | 'REINSTATED' | 'REVOKED', effectiveOn: string): Promise<void> {
  await database.db.insert(schema.statusEvents).values({
    nomadId,
    kind,
    effectiveOn,
    actor: 'officer',
    at: `${effectiveOn}T04:00:00Z`,
    ...(kind === 'REVOKED' ? { revocationGround: 'RULES_BREACH' as const, exitDeadlineOn: effectiveOn } : {}),
  });
}

beforeAll(async () => {
  opened = await openServiceTestDatabase('status_statistics');
  database = opened.database;
  app = { clock: fixedClock(`${TODAY}T06:00:00Z`), zhaak: embeddedZhaak(database.db) };
  const a = await nomad('A', 'KAZ');
  await period(a, 'INITIAL_60_DAYS', '2025-06-01', '2025-07-30', 'SOFTWARE_DEVELOPMENT');
  await period(a, 'EXTENSION_1_YEAR', '2025-07-31', '2026-07-30');
  await period(a, 'RENEWAL', '2026-07-31', '2027-07-30');
  const b = await nomad('B', 'KAZ');
  await period(b, 'INITIAL_60_DAYS', '2025-06-10', '2025-08-08', 'DESIGN');
  const c = await nomad('C', 'USA');
  await period(c, 'INITIAL_60_DAYS', '2025-09-01', '2025-10-30', 'DESIGN');
  await period(c, 'EXTENSION_1_YEAR', '2025-10-31', '2026-10-30');
  const d = await nomad('D', 'USA');
  await period(d, 'INITIAL_60_DAYS', '2026-01-05', '2026-03-05', 'SOFTWARE_DEVELOPMENT');
  await period(d, 'EXTENSION_1_YEAR', '2026-03-06', '2027-03-05');
  await event(d, 'REVOKED', '2026-05-10');
  const e = await nomad('E', 'KAZ');
  await period(e, 'INITIAL_60_DAYS', '2026-02-01', '2026-04-01', 'SOFTWARE_DEVELOPMENT');
  await period(e, 'EXTENSION_1_YEAR', '2026-04-02', '2027-04-01');
  await event(e, 'SUSPENDED', '2026-06-01');
  await event(e, 'REINSTATED', '2026-07-01');
  await event(e, 'SUSPENDED', '2026-09-01');
  const f = await nomad('F', 'KAZ');
  await period(f, 'INITIAL_60_DAYS', '2025-05-20', '2025-07-18', 'DESIGN');
  await period(f, 'INITIAL_60_DAYS', '2025-10-01', '2025-11-29', 'SOFTWARE_DEVELOPMENT');
  await period(f, 'EXTENSION_1_YEAR', '2025-11-30', '2026-11-29');
  const g = await nomad('G', 'USA');
  await period(g, 'INITIAL_60_DAYS', '2026-11-01', '2026-12-30', 'DESIGN');
  const i = await nomad('I', 'KAZ');
  await period(i, 'INITIAL_60_DAYS', '2026-10-01', '2026-11-29', 'DESIGN');
  const j = await nomad('J', 'USA');
  await period(j, 'INITIAL_60_DAYS', '2026-03-01', '2026-04-29', 'SOFTWARE_DEVELOPMENT');
  await event(j, 'REVOKED', '2026-04-10');
  await nomad('H', 'KAZ');
});
afterAll(async () => {
  await opened?.close();
});

const exact = (k: number): DisclosureRules => ({ minCellSize: k, countRoundingBase: 1, significantFigures: 0 });

async function counted<T>(run: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const before = database.statementCount();
  const result = await run();
  return { result, statements: database.statementCount() - before };
}
const ctx = (principal: Principal = analyst) => serviceContext(database, principal, { purpose: null });
const states = (args: StatusStatisticsArgs, rules: DisclosureRules = exact(1), principal?: Principal) => counted(() => getStatusStatistics(ctx(principal), args, rules));
const events = (args: StatusEventStatisticsArgs, rules: DisclosureRules = exact(1), principal?: Principal) => counted(() => getStatusEventStatistics(ctx(principal), app, args, rules));
const shown = (dims: Record<string, unknown>, count: number) => ({ ...dims, suppressed: false, count });
const ALL = ['GRANTS', 'RENEWALS', 'EXPIRIES', 'REVOCATIONS'] as const;

describe('the state in SQL is the state deriveStatus gives', () => {
  it('for every person of the fixture on days before, inside, between and after their periods', async () => {
    const nomadIds = Object.values(ids);
    expect(nomadIds.length).toBe(10);
    const periods = await getPeriodsByNomadIds(database.db, { nomadIds });
    const history = await getEventsByNomadIds(database.db, { nomadIds });
    const days = ['2025-05-19', '2025-05-20', '2025-07-18', '2025-07-19', '2025-07-25', '2025-08-09', '2025-10-01', '2026-04-10', '2026-04-30', '2026-05-10', '2026-06-15', '2026-07-15', '2026-09-01', '2026-10-31', TODAY, '2027-04-02'];
    let compared = 0;
    for (const day of days) {
      const rows = await database.db.execute<{ id: string; state: string | null }>(sql`
        select n.id, st.state from ${schema.nomads} n left join ${statusOnDaySql(sql`${day}::date`)} as st on st.nomad_id = n.id`);
      expect(rows.length).toBe(10);
      for (const row of rows) {
        const derived = deriveStatus(
          periods.filter((p) => p.nomadId === row.id),
          history.filter((h) => h.nomadId === row.id),
          day,
        );
        expect([day, row.id, row.state]).toEqual([day, row.id, derived?.state ?? null]);
        compared += 1;
      }
    }
    expect(compared).toBe(160);
  });
});

describe('statusStatistics: nomads per state on a day, from the fixture worked out by hand', () => {
  it('today by state: every nomad ever granted, the applicant not; one statement', async () => {
    const { result, statements } = await states({ asOf: TODAY, groupBy: ['STATE'] });
    expect(statements).toBe(1);
    expect(result.asOf).toBe(TODAY);
    expect(result.rows).toEqual([shown({ state: 'ACTIVE' }, 4), shown({ state: 'EXPIRED' }, 2), shown({ state: 'REVOKED' }, 2), shown({ state: 'SUSPENDED' }, 1)]);
    expect(result.total).toEqual(shown({}, 9));
  });

  it('on another day: suspended then reinstated; the activity of the chain on that day', async () => {
    // KAZ on 2026-06-15: A and F (its second chain) active, B expired, E suspended since 06-01; I not yet granted.
    expect((await states({ asOf: '2026-06-15', groupBy: ['STATE'], filter: { citizenships: ['KAZ'] } })).result.rows).toEqual([
      shown({ state: 'ACTIVE' }, 2),
      shown({ state: 'EXPIRED' }, 1),
      shown({ state: 'SUSPENDED' }, 1),
    ]);
    // E reinstated on 07-01.
    expect((await states({ asOf: '2026-07-15', groupBy: ['STATE'], filter: { citizenships: ['KAZ'] } })).result.rows).toEqual([shown({ state: 'ACTIVE' }, 3), shown({ state: 'EXPIRED' }, 1)]);
    const july = await states({ asOf: '2025-07-25', groupBy: ['ACTIVITY', 'STATE'] });
    expect(july.statements).toBe(1);
    // A and B hold it; F's first chain (DESIGN) ended on 07-18.
    expect(july.result.rows).toEqual([shown({ activityCode: 'DESIGN', state: 'ACTIVE' }, 1), shown({ activityCode: 'DESIGN', state: 'EXPIRED' }, 1), shown({ activityCode: 'SOFTWARE_DEVELOPMENT', state: 'ACTIVE' }, 1)]);
    // Today F's chain is the second one (SOFTWARE_DEVELOPMENT).
    const today = await states({ asOf: TODAY, groupBy: ['CITIZENSHIP', 'ACTIVITY'] });
    expect(today.result.rows).toEqual([
      shown({ citizenship: 'KAZ', activityCode: 'DESIGN' }, 2),
      shown({ citizenship: 'KAZ', activityCode: 'SOFTWARE_DEVELOPMENT' }, 3),
      shown({ citizenship: 'USA', activityCode: 'DESIGN' }, 2),
      shown({ citizenship: 'USA', activityCode: 'SOFTWARE_DEVELOPMENT' }, 2),
    ]);
    // Before anyone was granted: no one (a total under k, even of 0, is withheld).
    expect((await states({ asOf: '2025-05-19' })).result.total).toEqual({ suppressed: true, count: null });
  });

  it('small cells withheld and counts rounded under the default rules', async () => {
    const { result } = await states({ asOf: TODAY, groupBy: ['STATE'] }, DEFAULT_DISCLOSURE_RULES);
    // 4, 2, 2, 1 are all under 5; the total 9 shows as 10.
    expect(result.rows.map((r) => [r.state, r.suppressed, r.count])).toEqual([
      ['ACTIVE', true, null],
      ['EXPIRED', true, null],
      ['REVOKED', true, null],
      ['SUSPENDED', true, null],
    ]);
    expect(result.total).toEqual(shown({}, 10));
    expect(result.disclosure).toEqual(DEFAULT_DISCLOSURE_RULES);
  });
});

describe('statusEventStatistics: grants, renewals, expiries and revocations per period', () => {
  it('per year, every measure, exact: expiries leave out the revoked and the renewed; one statement', async () => {
    const { result, statements } = await events({ measures: [...ALL], groupBy: ['YEAR'] });
    expect(statements).toBe(1);
    expect(result.rows).toEqual([
      { year: 2025, suppressed: false, grants: 5, renewals: 3, expiries: 2, revocations: 0 },
      { year: 2026, suppressed: false, grants: 5, renewals: 3, expiries: 1, revocations: 2 },
    ]);
    expect(result.total).toEqual({ suppressed: false, grants: 10, renewals: 6, expiries: 3, revocations: 2 });
  });

  it('each count protected on its own: at k = 3 the expiries (2, 1) are withheld together, the renewals shown', async () => {
    const { result } = await events({ measures: ['RENEWALS', 'EXPIRIES'], groupBy: ['YEAR'] }, exact(3));
    expect(result.rows).toEqual([
      { year: 2025, suppressed: false, grants: null, renewals: 3, expiries: null, revocations: null },
      { year: 2026, suppressed: false, grants: null, renewals: 3, expiries: null, revocations: null },
    ]);
    expect(result.total).toEqual({ suppressed: false, grants: null, renewals: 6, expiries: 3, revocations: null });
    const defaults = await events({ measures: ['GRANTS', 'REVOCATIONS'], groupBy: ['YEAR'] }, DEFAULT_DISCLOSURE_RULES);
    // k counts people: the 5 grants of 2025 are 4 nomads (F was granted twice), under k = 5:
    // withheld, and 2026's 5 with them (the total's 9 nomads − 5 would give back 4). Revocations:
    // 0 shown (no one), 2 withheld, total 2 withheld.
    expect(defaults.result.rows).toEqual([
      { year: 2025, suppressed: false, grants: null, renewals: null, expiries: null, revocations: 0 },
      { year: 2026, suppressed: true, grants: null, renewals: null, expiries: null, revocations: null },
    ]);
    expect(defaults.result.total).toEqual({ suppressed: false, grants: 10, renewals: null, expiries: null, revocations: null });
    // Counted by records, as before, the two grants of F make 2025 a cell of 5: with k = 4 both years show.
    expect((await events({ measures: ['GRANTS'], groupBy: ['YEAR'] }, exact(4))).result.rows.map((r) => r.grants)).toEqual([5, 5]);
    expect((await events({ measures: ['GRANTS'], groupBy: ['YEAR'] }, exact(5))).result.rows.map((r) => r.grants)).toEqual([null, null]);
  });

  it('by quarter and month, citizenship and the activity of each event’s chain; the days and the nomads’ filter narrow', async () => {
    const quarters = await events({ measures: ['EXPIRIES'], groupBy: ['QUARTER', 'ACTIVITY'] });
    expect(quarters.statements).toBe(1);
    // F 2025-07-19 and B 2025-08-09 (Q3), C 2026-10-31 (Q4): all DESIGN chains.
    expect(quarters.result.rows).toEqual([
      { quarter: '2025-Q3', activityCode: 'DESIGN', suppressed: false, grants: null, renewals: null, expiries: 2, revocations: null },
      { quarter: '2026-Q4', activityCode: 'DESIGN', suppressed: false, grants: null, renewals: null, expiries: 1, revocations: null },
    ]);
    const renewals = await events({ measures: ['RENEWALS'], groupBy: ['ACTIVITY'] });
    // F's extension belongs to its second chain (SOFTWARE_DEVELOPMENT); C's to DESIGN.
    expect(renewals.result.rows.map((r) => [r.activityCode, r.renewals])).toEqual([
      ['DESIGN', 1],
      ['SOFTWARE_DEVELOPMENT', 5],
    ]);
    const window = await events({ measures: ['EXPIRIES'], groupBy: ['MONTH'], from: '2025-08-01', to: '2026-12-31' });
    expect(window.result.rows.map((r) => [r.month, r.expiries])).toEqual([
      ['2025-08', 1],
      ['2026-10', 1],
    ]);
    const usa = await events({ measures: ['GRANTS', 'REVOCATIONS'], groupBy: ['CITIZENSHIP'], filter: { citizenships: ['USA'] } });
    expect(usa.result.rows).toEqual([{ citizenship: 'USA', suppressed: false, grants: 4, renewals: null, expiries: null, revocations: 2 }]);
  });
});

describe('who may ask, and bad input', () => {
  const code = async (run: Promise<unknown>) => {
    const err = (await run.then(
      () => null,
      (e: unknown) => e,
    )) as GraphQLError | null;
    return err && [err.extensions.code, err.extensions.field ?? null];
  };
  const labor: Principal = { sub: 'l', name: 'l', roles: ['labor_officer'], nomadId: null };
  const officer: Principal = { sub: 'mo', name: 'mo', roles: ['migration_officer'], nomadId: null };

  it('a migration officer may ask; a labor officer and a nomad are refused', async () => {
    expect((await states({ asOf: TODAY }, exact(1), officer)).result.total.count).toBe(9);
    expect((await events({ measures: ['GRANTS'] }, exact(1), officer)).result.total.grants).toBe(10);
    expect(await code(states({ asOf: TODAY }, exact(1), labor))).toEqual(['FORBIDDEN', null]);
    expect(await code(events({ measures: ['GRANTS'] }, exact(1), { sub: 'n', name: 'n', roles: ['nomad'], nomadId: ids.A ?? null }))).toEqual(['FORBIDDEN', null]);
  });

  it('BAD_USER_INPUT naming the argument, before any SQL', async () => {
    const before = database.statementCount();
    expect(await code(events({ measures: [] }))).toEqual(['BAD_USER_INPUT', 'measures']);
    expect(await code(events({ measures: ['GRANTS'], groupBy: ['YEAR', 'MONTH'] }))).toEqual(['BAD_USER_INPUT', 'groupBy']);
    expect(await code(events({ measures: ['GRANTS'], from: '2026-02-01', to: '2026-01-01' }))).toEqual(['BAD_USER_INPUT', 'from']);
    expect(await code(states({ asOf: TODAY, groupBy: ['STATE', 'STATE'] }))).toEqual(['BAD_USER_INPUT', 'groupBy']);
    expect(database.statementCount() - before).toBe(0);
  });
});
