import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneEvents } from '@nomad/kit';
import { announceRuleChanges, embeddedZhaak, runMaintenance, schema } from '@nomad/migration';
import { startGraph, token, type TestGraph } from '../src/harness.ts';
import { clientOf } from '../src/faults.ts';
import { STATUS_ACTIONS, SUBMIT, validApplication, type ApplicationView, type UserErrorView } from '../src/fixtures.ts';
import * as flows from '../src/flows.ts';
import { captureLogs } from '../src/log-scan.ts';

/**
 * The decree's rule values as maintained data (issue 15): `eligibilityRules` lists every rule
 * value of migration's table; public holidays are loaded by officers, a missing year is an
 * operator alert and a readiness warning, and loading it moves the deadlines computed before.
 */

const TODAY = '2026-11-24';
let graph: TestGraph;
let migrationOfficer: string;
const logs = captureLogs('info');

beforeAll(async () => {
  graph = await startGraph({ today: TODAY, logs });
  migrationOfficer = await token(['migration_officer']);
});
afterAll(async () => {
  await graph?.stop();
});

const gql = <T>(tok: string, query: string, variables: Record<string, unknown> = {}) => flows.gql<T>(graph, tok, query, variables);

/** Each row of `migration.rule_values` and the `eligibilityRules` field that shows it. */
const FIELD_OF_RULE: Record<string, string> = {
  eligible_citizenships: 'citizenships',
  visa_required_citizenships: 'visaRequiredCitizenships',
  eligible_activities: 'activities',
  min_annual_income: 'minimumAnnualIncome',
  exchange_rates_to_usd: 'exchangeRates',
  review_working_days: 'reviewWorkingDays',
  correction_window_months: 'correctionWindowMonths',
  initial_period_days: 'initialPeriodDays',
  passport_min_validity_days: 'passportMinValidityDays',
  max_start_delay_days: 'maxStartDelayDays',
  required_documents: 'requiredDocuments',
  accepted_document_languages: 'acceptedDocumentLanguages',
  status_ceiling_years: 'statusCeilingYears',
  extension_years: 'extensionYears',
  renewal_window_days: 'renewalWindowDays',
  exit_days_after_revocation: 'exitDaysAfterRevocation',
};

const ALL_RULES = `{ eligibilityRules {
  citizenships visaRequiredCitizenships activities { code title } minimumAnnualIncome { amountMinor currency }
  currencies exchangeRates { currency exponent usdPerUnit } reviewWorkingDays correctionWindowMonths initialPeriodDays
  passportMinValidityDays maxStartDelayDays requiredDocuments { all oneOf } acceptedDocumentLanguages
  statusCeilingYears extensionYears renewalWindowDays exitDaysAfterRevocation
} }`;

describe('eligibilityRules shows every rule', () => {
  it('has a field for each row of the rule table, with the row’s value', async () => {
    const rows = await clientOf(graph, 'migration')<{ key: string; value: unknown }[]>`select key, value from migration.rule_values order by key`;
    expect(rows.length).toBeGreaterThan(10);
    // A rule added to the table without a field here (and in the SDL) fails this line. The one
    // rule served elsewhere: statistics_disclosure, in every statistics answer's `disclosure`.
    expect(rows.map((r) => r.key).filter((k) => k !== 'statistics_disclosure').sort()).toEqual(Object.keys(FIELD_OF_RULE).sort());
    const analyst = await token(['analyst']);
    const { applicationStatistics } = await gql<{ applicationStatistics: { disclosure: unknown } }>(
      analyst,
      '{ applicationStatistics(measures: [COUNT]) { disclosure { minCellSize countRoundingBase significantFigures } } }',
    );
    expect(applicationStatistics.disclosure).toEqual(rows.find((r) => r.key === 'statistics_disclosure')?.value);
    const nomad = await token(['nomad'], { nomadId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' });
    const { eligibilityRules: shown } = await gql<{ eligibilityRules: Record<string, unknown> }>(nomad, ALL_RULES);
    const value = (key: string) => rows.find((r) => r.key === key)?.value;
    for (const row of rows) expect(shown[FIELD_OF_RULE[row.key]!], row.key).not.toBeNull();
    expect(shown.statusCeilingYears).toBe(value('status_ceiling_years'));
    expect(shown.extensionYears).toBe(value('extension_years'));
    expect(shown.renewalWindowDays).toBe(value('renewal_window_days'));
    expect(shown.exitDaysAfterRevocation).toBe(value('exit_days_after_revocation'));
    expect(shown.correctionWindowMonths).toBe(value('correction_window_months'));
    expect(shown.passportMinValidityDays).toBe(value('passport_min_validity_days'));
    expect(shown.maxStartDelayDays).toBe(value('max_start_delay_days'));
    expect(shown.requiredDocuments).toEqual(value('required_documents'));
    expect(shown.acceptedDocumentLanguages).toEqual(value('accepted_document_languages'));
    const rates = value('exchange_rates_to_usd') as Record<string, number>;
    const shownRates = shown.exchangeRates as { currency: string; exponent: number; usdPerUnit: string }[];
    expect(shownRates.length).toBe(Object.keys(rates).length);
    expect(shownRates).toContainEqual({ currency: 'JPY', exponent: 0, usdPerUnit: String(rates.JPY) });
    expect(shownRates).toContainEqual({ currency: 'USD', exponent: 2, usdPerUnit: '1' });
    expect(shownRates.map((r) => Number(r.usdPerUnit))).toEqual(shownRates.map((r) => rates[r.currency]));
  });

  it('follows a change of a newer rule at once', async () => {
    const db = clientOf(graph, 'migration');
    await db`update migration.rule_values set value = '45'::jsonb where key = 'renewal_window_days'`;
    try {
      const { eligibilityRules } = await gql<{ eligibilityRules: { renewalWindowDays: number } }>(migrationOfficer, '{ eligibilityRules { renewalWindowDays } }');
      expect(eligibilityRules.renewalWindowDays).toBe(45);
    } finally {
      await db`update migration.rule_values set value = '60'::jsonb where key = 'renewal_window_days'`;
    }
  });
});

const LOAD = `mutation L($input: LoadPublicHolidaysInput!) {
  loadPublicHolidays(input: $input) { year holidays { day name } changed recomputedDeadlines userErrors { code field message } }
}`;
interface Loaded {
  loadPublicHolidays: { year: number | null; holidays: { day: string; name: string }[]; changed: boolean; recomputedDeadlines: number; userErrors: UserErrorView[] };
}
const HOLIDAYS_2028 = [
  { day: '2028-01-07', name: 'Orthodox Christmas' },
  { day: '2028-01-03', name: 'New Year (moved from Saturday)' },
];
const readyOfMigration = async () => {
  const res = await fetch(graph.migration.server.url.replace(/\/graphql$/, '/ready'));
  return { status: res.status, body: (await res.json()) as { status: string; warnings?: { code: string; years?: number[] }[] } };
};

describe('public holidays as maintained data', () => {
  it('alerts on a missing year, and loading it moves the deadlines computed without it', async () => {
    // Tue 28 Dec 2027: this year's holidays are loaded, next year's (2028) are not.
    graph.clock.set('2027-12-28T06:00:00Z');
    try {
      const ready = await readyOfMigration();
      expect(ready.status).toBe(200);
      expect(ready.body).toEqual({ status: 'ready', warnings: [expect.objectContaining({ code: 'HOLIDAYS_YEAR_MISSING', years: [2028] })] });

      const nomadId = randomUUID();
      const nomad = await token(['nomad'], { nomadId });
      const input = { ...validApplication(), requestedStartOn: '2028-01-17' };
      const submitted = await gql<{ submitApplication: { application: ApplicationView | null; userErrors: UserErrorView[] } }>(nomad, SUBMIT, { input });
      expect(submitted.submitApplication.userErrors).toEqual([]);
      const application = submitted.submitApplication.application!;
      // 7 weekdays after 28 Dec 2027, 2028's holidays unknown: Thu 6 Jan 2028.
      expect(application.reviewDeadlineOn).toBe('2028-01-06');
      const alerts = logs.lines().filter((l) => l.service === 'migration' && l.line.includes('HOLIDAYS_YEAR_MISSING'));
      expect(alerts.length).toBeGreaterThan(0);
      const alert = JSON.parse(alerts.at(-1)!.line) as Record<string, unknown>;
      expect(alert).toMatchObject({ level: 40, code: 'HOLIDAYS_YEAR_MISSING', years: [2028] });
      // No personal data in the alert: not the applicant's name, passport, nor the application.
      for (const personal of ['NURLANOV', 'Nurlanov', input.applicant.passport.number, application.number, nomadId]) {
        expect(alerts.every((l) => !l.line.includes(personal)), personal).toBe(true);
      }

      const loaded = await gql<Loaded>(migrationOfficer, LOAD, { input: { year: 2028, holidays: HOLIDAYS_2028 } });
      expect(loaded.loadPublicHolidays).toEqual({
        year: 2028,
        holidays: [HOLIDAYS_2028[1], HOLIDAYS_2028[0]],
        changed: true,
        recomputedDeadlines: 1,
        userErrors: [],
      });
      // Mon 3 and Fri 7 January are holidays now: the seventh working day is Mon 10 January.
      const reread = await gql<{ application: { reviewDeadlineOn: string; version: number } }>(migrationOfficer, 'query A($id: ID) { application(id: $id) { reviewDeadlineOn version } }', { id: application.id });
      expect(reread.application.reviewDeadlineOn).toBe('2028-01-10');
      expect((await readyOfMigration()).body).toEqual({ status: 'ready' });

      // The same list again: nothing changes, nothing is recomputed.
      const again = await gql<Loaded>(migrationOfficer, LOAD, { input: { year: 2028, holidays: HOLIDAYS_2028 } });
      expect(again.loadPublicHolidays).toMatchObject({ year: 2028, changed: false, recomputedDeadlines: 0, userErrors: [] });
      const listed = await gql<{ publicHolidays: { year: number; holidays: { day: string }[] }[] }>(nomad, '{ publicHolidays(fromYear: 2027, toYear: 2029) { year holidays { day } } }');
      expect(listed.publicHolidays.map((y) => [y.year, y.holidays.length])).toEqual([[2027, 14], [2028, 2]]);
      // Years outside what can be loaded, or too many at once, are the caller's mistake, not a server error.
      const outOfRange = ['{ publicHolidays(fromYear: -5, toYear: -1) { year } }', '{ publicHolidays(fromYear: 2025, toYear: 2040) { year } }', '{ publicHolidays(fromYear: 2030, toYear: 2029) { year } }'];
      for (const query of outOfRange) {
        const res = await graph.request(nomad, query);
        expect(res.status, query).toBe(200);
        expect(res.body.errors?.map((e) => e.extensions?.code), query).toEqual(['BAD_USER_INPUT']);
      }

      // New Year's day taken back (only Christmas on Fri 7 January left): the deadline is Thu 6 January again.
      const fewer = await gql<Loaded>(migrationOfficer, LOAD, { input: { year: 2028, holidays: [HOLIDAYS_2028[0]] } });
      expect(fewer.loadPublicHolidays).toMatchObject({ changed: true, recomputedDeadlines: 1, userErrors: [] });
      const moved = await gql<{ application: { reviewDeadlineOn: string } }>(migrationOfficer, 'query A($id: ID) { application(id: $id) { reviewDeadlineOn } }', { id: application.id });
      expect(moved.application.reviewDeadlineOn).toBe('2028-01-06');
    } finally {
      graph.clock.set(`${TODAY}T06:00:00Z`);
    }
  });

  it('moves the deadlines in one statement: loading a year costs the same SQL for 1 moved application as for 4', async () => {
    // Wed 27 Dec 2028: 2029's holidays are not loaded; seven weekdays later is Fri 5 January 2029.
    graph.clock.set('2028-12-27T06:00:00Z');
    try {
      const submit = async () => {
        const nomad = await token(['nomad'], { nomadId: randomUUID() });
        const submitted = await gql<{ submitApplication: { application: ApplicationView | null; userErrors: UserErrorView[] } }>(nomad, SUBMIT, { input: { ...validApplication(), requestedStartOn: '2029-01-16' } });
        expect(submitted.submitApplication.userErrors).toEqual([]);
        return submitted.submitApplication.application!;
      };
      const load = async (holidays: { day: string; name: string }[]) => {
        let loaded: Loaded | undefined;
        const counts = await graph.countSql(async () => {
          loaded = await gql<Loaded>(migrationOfficer, LOAD, { input: { year: 2029, holidays } });
        });
        return { recomputed: loaded?.loadPublicHolidays.recomputedDeadlines, statements: counts.migration };
      };
      const deadlines = async (ids: string[]) =>
        (await clientOf(graph, 'migration')<{ d: string }[]>`select to_char(review_deadline_on, 'YYYY-MM-DD') as d from migration.applications where id in ${clientOf(graph, 'migration')(ids)} order by id`).map((r) => r.d);
      const first = await submit();
      expect(first.reviewDeadlineOn).toBe('2029-01-05');
      const one = await load([{ day: '2029-01-01', name: 'New Year' }]);
      expect(one.recomputed).toBe(1);
      expect(await deadlines([first.id])).toEqual(['2029-01-08']);
      const more = [first, await submit(), await submit(), await submit()];
      const four = await load([{ day: '2029-01-01', name: 'New Year' }, { day: '2029-01-02', name: 'New Year holiday' }]);
      expect(four.recomputed).toBe(4);
      expect(await deadlines(more.map((a) => a.id))).toEqual(['2029-01-09', '2029-01-09', '2029-01-09', '2029-01-09']);
      expect(one.statements).toBeGreaterThan(0);
      expect(four.statements).toBe(one.statements);
    } finally {
      graph.clock.set(`${TODAY}T06:00:00Z`);
    }
  });

  it('refuses a bad list with a code naming the field, and writes nothing', async () => {
    const before = await clientOf(graph, 'migration')<{ n: number }[]>`select count(*)::int as n from migration.public_holidays`;
    const cases: [unknown, [string, string | null][]][] = [
      [{ year: 1999, holidays: HOLIDAYS_2028 }, [['HOLIDAY_YEAR_OUT_OF_RANGE', 'input.year']]],
      [{ year: 2029, holidays: [] }, [['HOLIDAYS_REQUIRED', 'input.holidays']]],
      [
        { year: 2029, holidays: [{ day: '2028-01-07', name: 'Christmas' }, { day: '2029-01-01', name: 'New Year' }, { day: '2029-01-01', name: 'New Year again' }, { day: '2029-01-07', name: '  ' }] },
        [
          ['HOLIDAY_OUTSIDE_YEAR', 'input.holidays.0.day'],
          ['HOLIDAY_DUPLICATE', 'input.holidays.2.day'],
          ['HOLIDAY_NAME_REQUIRED', 'input.holidays.3.name'],
        ],
      ],
    ];
    expect(cases.length).toBeGreaterThan(0);
    for (const [input, expected] of cases) {
      const refused = await gql<Loaded>(migrationOfficer, LOAD, { input });
      expect(refused.loadPublicHolidays.year).toBeNull();
      expect(refused.loadPublicHolidays.userErrors.map((e) => [e.code, e.field])).toEqual(expected);
    }
    const nomad = await token(['nomad'], { nomadId: randomUUID() });
    const forbidden = await gql<Loaded>(nomad, LOAD, { input: { year: 2029, holidays: [{ day: '2029-01-01', name: 'New Year' }] } });
    expect(forbidden.loadPublicHolidays.userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
    const after = await clientOf(graph, 'migration')<{ n: number }[]>`select count(*)::int as n from migration.public_holidays`;
    expect(after[0]?.n).toBe(before[0]?.n);
  });
});

describe('a renewed passport', () => {
  const EXTEND = 'mutation X($input: StatusActionInput!) { extendStatus(input: $input) { nomad { status { state validUntil } } userErrors { code field message } } }';
  const RECORD = 'mutation P($input: RecordPassportInput!) { recordPassport(input: $input) { nomad { id passport { country number expiresOn } } userErrors { code field message } } }';
  type Extended = { extendStatus: { nomad: { status: { state: string; validUntil: string } } | null; userErrors: UserErrorView[] } };
  type Recorded = { recordPassport: { nomad: { id: string; passport: { country: string; number: string; expiresOn: string } } | null; userErrors: UserErrorView[] } };

  it('recorded by the holder, keeps the old one in the history and lets the refused extension through', async () => {
    const nomadId = randomUUID();
    const nomad = await token(['nomad'], { nomadId });
    const oldNumber = `Q${randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`;
    // Valid for the initial 60 days, not for the year after them.
    const submitted = await gql<{ submitApplication: { application: ApplicationView | null; userErrors: UserErrorView[] } }>(nomad, SUBMIT, {
      input: validApplication({ passportNumber: oldNumber, passportExpiresOn: '2027-06-30' }),
    });
    expect(submitted.submitApplication.userErrors).toEqual([]);
    const applicationId = submitted.submitApplication.application!.id;
    await flows.decide(graph, migrationOfficer, 'startReview', { applicationId });
    await flows.clearedByEvent(graph, applicationId);
    await flows.decide(graph, migrationOfficer, 'approveApplication', { applicationId });

    const refused = await gql<Extended>(migrationOfficer, EXTEND, { input: { nomadId } });
    expect(refused.extendStatus.userErrors.map((e) => [e.code, e.field])).toEqual([['PASSPORT_EXPIRES_TOO_SOON', 'input.nomadId']]);

    const newNumber = `R${randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`;
    const renewed = { country: 'KAZ', number: newNumber, expiresOn: '2036-06-30' };
    // Refusals first: each names its field, and nothing is written.
    const cases: [Record<string, unknown>, string, [string, string][]][] = [
      [{ nomadId, passport: { ...renewed, expiresOn: '2027-01-31' } }, nomad, [['PASSPORT_NOT_NEWER', 'input.passport.expiresOn']]],
      [{ nomadId, passport: { ...renewed, expiresOn: '2026-11-01' } }, nomad, [['PASSPORT_EXPIRED', 'input.passport.expiresOn']]],
      [{ nomadId, passport: { ...renewed, number: 'ab-1', country: 'KZ' } }, nomad, [['INVALID_FORMAT', 'input.passport.country'], ['INVALID_FORMAT', 'input.passport.number']]],
      [{ nomadId, passport: renewed }, await token(['nomad'], { nomadId: randomUUID() }), [['FORBIDDEN', 'input.nomadId']]],
      [{ nomadId: randomUUID(), passport: renewed }, migrationOfficer, [['NOMAD_NOT_FOUND', 'input.nomadId']]],
    ];
    expect(cases.length).toBeGreaterThan(0);
    for (const [input, tok, expected] of cases) {
      const answer = await gql<Recorded>(tok, RECORD, { input });
      expect(answer.recordPassport.nomad).toBeNull();
      expect(answer.recordPassport.userErrors.map((e) => [e.code, e.field])).toEqual(expected);
    }
    const history = () => clientOf(graph, 'migration')<{ number: string; expires_on: string; replaced_by: string }[]>`
      select number, to_char(expires_on, 'YYYY-MM-DD') as expires_on, replaced_by from migration.passport_history where nomad_id = ${nomadId} order by replaced_at`;
    expect(await history()).toEqual([]);

    const recorded = await gql<Recorded>(nomad, RECORD, { input: { nomadId, passport: renewed } });
    expect(recorded.recordPassport).toEqual({ nomad: { id: nomadId, passport: renewed }, userErrors: [] });
    // Again: nothing changes, the history keeps one entry.
    const again = await gql<Recorded>(nomad, RECORD, { input: { nomadId, passport: renewed } });
    expect(again.recordPassport.userErrors).toEqual([]);
    const kept = await history();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ number: oldNumber, expires_on: '2027-06-30' });
    expect(kept[0]?.replaced_by).toMatch(/./);

    const extended = await gql<Extended>(migrationOfficer, EXTEND, { input: { nomadId } });
    expect(extended.extendStatus.userErrors).toEqual([]);
    expect(extended.extendStatus.nomad?.status.state).toBe('ACTIVE');
    expect((extended.extendStatus.nomad?.status.validUntil ?? '') > '2027-06-30').toBe(true);
  });
});

describe('one source for the activity list', () => {
  const ENGAGE = 'mutation E($input: EngageExpertInput!) { engageExpert(input: $input) { userErrors { code field } } }';
  type Engaged = { engageExpert: { userErrors: { code: string; field: string | null }[] } };
  const engage = (tok: string, fields: string[]) =>
    gql<Engaged>(tok, ENGAGE, { input: { kind: 'PERSON', name: 'Expert for the rules test', principalSub: `expert:${randomUUID()}`, fields, engagedFrom: TODAY } });
  const laborActivities = async (tok: string) => (await gql<{ laborActivities: { code: string }[] }>(tok, '{ laborActivities { code } }')).laborActivities.map((a) => a.code);

  it("labor applies migration's list as migration changes it, and keeps none of its own", async () => {
    const laborOfficer = await token(['labor_officer']);
    const labor = clientOf(graph, 'labor');
    expect(await labor`select key from labor.rule_values where key like '%activit%'`).toEqual([]);
    const migration = clientOf(graph, 'migration');
    const [row] = await migration<{ value: { code: string; title: string }[] }[]>`select value from migration.rule_values where key = 'eligible_activities'`;
    const original = row!.value;
    expect(original.length).toBeGreaterThan(1);
    expect(await laborActivities(laborOfficer)).toEqual(original.map((a) => a.code));

    // Migration's list changes: one activity leaves it, one joins it.
    const changed = [...original.filter((a) => a.code !== 'ESPORTS'), { code: 'QUANTUM_COMPUTING', title: 'Quantum computing' }];
    await migration`update migration.rule_values set value = ${migration.json(changed)} where key = 'eligible_activities'`;
    try {
      expect(await announceRuleChanges(graph.migration.database.db)).toBe(true);
      // Nothing changed since: nothing more to announce.
      expect(await announceRuleChanges(graph.migration.database.db)).toBe(false);
      await graph.flushEvents();
      expect(await laborActivities(laborOfficer)).toEqual(changed.map((a) => a.code));
      expect((await engage(laborOfficer, ['QUANTUM_COMPUTING'])).engageExpert.userErrors).toEqual([]);
      expect((await engage(laborOfficer, ['ESPORTS'])).engageExpert.userErrors).toEqual([{ code: 'ACTIVITY_NOT_ELIGIBLE', field: 'input.fields.0' }]);
    } finally {
      await migration`update migration.rule_values set value = ${migration.json(original)} where key = 'eligible_activities'`;
      await announceRuleChanges(graph.migration.database.db);
      await graph.flushEvents();
    }
    expect(await laborActivities(laborOfficer)).toEqual(original.map((a) => a.code));
  });
});

describe('one source for the exit days after a revocation', () => {
  type Revoked = { revokeStatus: { userErrors: UserErrorView[] } };
  const setExitDays = (days: number) => clientOf(graph, 'migration')`update migration.rule_values set value = ${days}::text::jsonb where key = 'exit_days_after_revocation'`;
  const rulesChangedCount = async () => {
    const [row] = await clientOf(graph, 'migration')<{ n: number }[]>`select count(*)::int as n from migration.outbox where type = 'RulesChanged'`;
    return row?.n ?? 0;
  };

  it("GKNB checks a revocation's exit deadline against migration's rule as announced: a changed rule is accepted after its RulesChanged, a deadline by the old rule dead-lettered", async () => {
    const migrationOfficer = await token(['migration_officer']);
    const security = clientOf(graph, 'security');
    const holder = await flows.statusHolder(graph, migrationOfficer);
    const other = await flows.statusHolder(graph, migrationOfficer);
    await setExitDays(30);
    try {
      // The revocation itself makes migration announce the changed rule first (events.ts), so GKNB knows it before the deadline arrives.
      const revoked = await gql<Revoked>(migrationOfficer, STATUS_ACTIONS.revokeStatus, { input: { nomadId: holder.nomadId, ground: 'RULES_BREACH' } });
      expect(revoked.revokeStatus.userErrors).toEqual([]);
      await graph.flushEvents();
      const [announced] = await security<{ value: number; event_id: string | null }[]>`select value, event_id from security.announced_rules where key = 'exit_days_after_revocation' order by announced_at desc limit 1`;
      expect(announced?.value).toBe(30);
      expect(announced?.event_id).not.toBeNull();
      const watches = await security<{ ended_on: string; exit_deadline_on: string }[]>`
        select to_char(ended_on, 'YYYY-MM-DD') as ended_on, to_char(exit_deadline_on, 'YYYY-MM-DD') as exit_deadline_on from security.exit_watches where nomad_id = ${holder.nomadId}`;
      expect(watches).toEqual([{ ended_on: TODAY, exit_deadline_on: '2026-12-24' }]);
      // The decree's 15 days are no longer the rule: a revocation carrying them is refused for good.
      const eventId = randomUUID();
      const stale = { nomadId: other.nomadId, pin: other.pin, ground: 'RULES_BREACH', revokedAt: `${TODAY}T06:00:00.000Z`, exitDeadline: '2026-12-09' };
      expect(await graph.deliverFromMigration('security', 'StatusRevoked', other.nomadId, stale, eventId)).toBe(409);
      const [inbox] = await security<{ state: string; last_error: string }[]>`select state, last_error from security.inbox where event_id = ${eventId}`;
      expect(inbox?.state).toBe('POISON');
      expect(inbox?.last_error).toMatch(/^EVENT_FACT_CONFLICT: .* gives the exit deadline 2026-12-09, not 2026-12-24 \(30 days\)$/);
      expect(await security`select id from security.exit_watches where nomad_id = ${other.nomadId}`).toHaveLength(0);
    } finally {
      await setExitDays(15);
      await announceRuleChanges(graph.migration.database.db);
      await graph.flushEvents();
    }
    const [restored] = await security<{ value: number }[]>`select value from security.announced_rules where key = 'exit_days_after_revocation' order by announced_at desc limit 1`;
    expect(restored?.value).toBe(15);
  });

  it('the announcer compares with its own record of what it announced, not the outbox: after the outbox is pruned, maintenance announces nothing again', async () => {
    const db = graph.migration.database.db;
    const deps = { clock: graph.clock, zhaak: embeddedZhaak(db) };
    await announceRuleChanges(db);
    await graph.flushEvents();
    const pruned = await pruneEvents(db, { tables: { outbox: schema.outbox, outboxDeliveries: schema.outboxDeliveries, inbox: schema.inbox }, olderThanDays: 0, limit: 10_000 });
    expect(pruned.outbox).toBeGreaterThan(0);
    expect(await rulesChangedCount()).toBe(0);
    expect((await runMaintenance(db, deps)).announced).toBe(false);
    expect(await rulesChangedCount()).toBe(0);
    // A rule that changes is still announced once.
    await setExitDays(16);
    try {
      expect((await runMaintenance(db, deps)).announced).toBe(true);
      expect((await runMaintenance(db, deps)).announced).toBe(false);
      expect(await rulesChangedCount()).toBe(1);
    } finally {
      await setExitDays(15);
      await announceRuleChanges(db);
      await graph.flushEvents();
    }
  });
});
