import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, parsePgTimestamp, runMigrations, type Database } from '@nomad/kit';
import { createTestDatabase, type TestDatabase } from '@nomad/kit/testing';
import { addDays, fixedClock } from '../clock.ts';
import { schema, type MigrationDb, type MigrationSchema } from '../db/index.ts';
import { deriveStatus } from '../modules/status/derive.ts';
import { runMaintenance } from '../maintenance.ts';
import { embeddedZhaak, ZhaakError, type Zhaak } from '../zhaak.ts';
import { announcePilotGrant } from './announce.ts';
import { importPilotHolders, PilotFileError, type ImportReport, type PilotRowInput } from './import.ts';
import { exitCodeOf, formatReport } from './report.ts';

const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));
const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./__fixtures__/pilot-sample.csv', import.meta.url));
const clock = fixedClock('2026-11-24T06:00:00Z');
const ACTOR = 'officer:pilot-test';

/** The fixture's bad rows, each with the reason it must be skipped. */
const EXPECTED_SKIPS = [
  { line: 5, code: 'INVALID_DATE', column: 'date_of_birth' },
  { line: 6, code: 'INVALID_PIN', column: 'pin' },
  { line: 7, code: 'PIN_MISMATCH', column: 'pin' },
  { line: 8, code: 'DUPLICATE_IN_FILE', column: 'passport_number' },
  { line: 9, code: 'MISSING_VALUE', column: 'email' },
  // The quoted comma stays in the surname (one field, not a shifted row) and fails the Latin-name rule.
  { line: 10, code: 'INVALID_FORMAT', column: 'surname' },
  { line: 12, code: 'PERIOD_OUT_OF_RANGE', column: 'status_valid_from' },
  { line: 14, code: 'INVALID_PERIOD', column: 'status_valid_until' },
];
const IMPORTED_LINES = [2, 3, 4, 11, 13];

const codes = (report: Pick<ImportReport, 'skipped'>) => report.skipped.map(({ line, code, column }) => ({ line, code, column }));

let fixture: string;
let testDb: TestDatabase;
let database: Database<MigrationSchema>;
let db: MigrationDb;

async function counts(): Promise<Record<string, number>> {
  const tables = { nomads: schema.nomads, periods: schema.statusPeriods, events: schema.statusEvents, serials: schema.zhaakSerials, outbox: schema.outbox };
  const entries = await Promise.all(Object.entries(tables).map(async ([name, table]) => [name, (await db.select({ n: count() }).from(table))[0]?.n ?? 0] as const));
  return Object.fromEntries(entries);
}

/** The fixture's rows as records keyed by column, to find a row's values by line. */
function fixtureRow(line: number): Record<string, string> {
  const [header = '', ...rows] = fixture.trimEnd().split('\n');
  const names = header.toLowerCase().split(',');
  const row = rows[line - 2];
  if (!row || row.includes('"')) throw new Error(`fixture line ${line} is not a simple row`);
  const values = row.split(',');
  return Object.fromEntries(names.map((n, i) => [n, values[i] ?? '']));
}

beforeAll(async () => {
  fixture = await readFile(FIXTURE, 'utf8');
  testDb = await createTestDatabase('pilot');
  database = connect(testDb.url, { agency: 'migration', schema });
  await runMigrations(database, { agency: 'migration', migrationsFolder: MIGRATIONS });
  db = database.db;
});
afterAll(async () => {
  await database?.close();
  await testDb?.drop();
});

describe('importPilotHolders on the sample file', () => {
  let report: ImportReport;

  it('dry run: checks every row, reports what would happen and writes nothing', async () => {
    const before = await counts();
    const dry = await importPilotHolders(db, { csvText: fixture, clock, actor: ACTOR, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, total: 13, imported: IMPORTED_LINES.length, importedNomadIds: [] });
    expect(codes(dry)).toEqual(EXPECTED_SKIPS);
    expect(await counts()).toEqual(before);
  });

  it('imports the good rows and skips each bad one with its code and column', async () => {
    report = await importPilotHolders(db, { csvText: fixture, clock, actor: ACTOR });
    expect(report).toMatchObject({ dryRun: false, total: 13, imported: IMPORTED_LINES.length });
    expect(report.importedNomadIds).toHaveLength(IMPORTED_LINES.length);
    expect(codes(report)).toEqual(EXPECTED_SKIPS);
    expect(report.warnings.map(({ line, code, column }) => ({ line, code, column }))).toEqual([
      { line: 11, code: 'CITIZENSHIP_NOT_ELIGIBLE', column: 'citizenship' },
      { line: 13, code: 'PASSPORT_EXPIRES_BEFORE_PERIOD_END', column: 'passport_expires_on' },
    ]);
    expect(exitCodeOf(report)).toBe(0);
    // A row with several problems names the first and counts the rest.
    const onlyOne = await importPilotHolders(db, { rows: [{ ...fixtureRow(2), email: 'nope', sex: 'X' }], clock, actor: ACTOR, dryRun: true });
    expect(codes(onlyOne)).toEqual([{ line: 2, code: 'INVALID_FORMAT', column: 'sex' }]);
    expect(onlyOne.skipped[0]?.message).toContain('(and 1 more problem on this row)');
  });

  it('puts no personal data in the report: passports masked to their last 3 characters', async () => {
    const again = await importPilotHolders(db, { csvText: fixture, clock, actor: ACTOR, dryRun: true });
    const text = JSON.stringify([report, again]) + formatReport(again, 'pilot-sample.csv');
    for (const line of [2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 14]) {
      const row = fixtureRow(line);
      for (const column of ['surname', 'date_of_birth', 'passport_number', 'email', 'pin']) {
        const value = row[column];
        if (value) expect(text, `line ${line} ${column}`).not.toContain(value);
      }
    }
    expect(again.skipped.find((s) => s.line === 2)?.message).toContain('RUS ***501');
  });

  it('marks the nomads, periods and GRANTED events with the pilot as source', async () => {
    const nomads = await db.select().from(schema.nomads).where(inArray(schema.nomads.id, report.importedNomadIds));
    expect(nomads).toHaveLength(IMPORTED_LINES.length);
    expect(new Set(nomads.map((n) => n.source))).toEqual(new Set(['PILOT_2022_2024']));
    const ivanova = nomads.find((n) => n.passportNumber === '751234501');
    expect(ivanova).toMatchObject({ surname: 'IVANOVA', givenNames: 'ANNA', sex: 'FEMALE', citizenship: 'RUS', email: 'anna.ivanova@example.org', pin: '11403199100042' });
    expect(nomads.find((n) => n.passportNumber === 'FA123456')?.givenNames).toBe('OLHA MARIIA');

    const periods = await db.select().from(schema.statusPeriods).where(inArray(schema.statusPeriods.nomadId, report.importedNomadIds));
    expect(periods).toHaveLength(IMPORTED_LINES.length);
    for (const p of periods) expect(p).toMatchObject({ kind: 'PILOT_2022_2024', source: 'PILOT_2022_2024', grantedBy: ACTOR, applicationId: null });
    expect(periods.find((p) => p.nomadId === ivanova?.id)).toMatchObject({ validFrom: '2022-09-01', validUntil: '2023-08-31' });

    const events = await db.select().from(schema.statusEvents).where(inArray(schema.statusEvents.nomadId, report.importedNomadIds));
    expect(events).toHaveLength(IMPORTED_LINES.length);
    for (const e of events) {
      const period = periods.find((p) => p.id === e.periodId);
      expect(e).toMatchObject({ kind: 'GRANTED', actor: ACTOR, nomadId: period?.nomadId, effectiveOn: period?.validFrom });
    }
  });

  it('publishes a StatusGranted per imported holder, as a grant does, marked as imported', async () => {
    const nomads = await db.select().from(schema.nomads).where(inArray(schema.nomads.id, report.importedNomadIds));
    const periods = await db.select().from(schema.statusPeriods).where(inArray(schema.statusPeriods.nomadId, report.importedNomadIds));
    const published = await db.select().from(schema.outbox).where(inArray(schema.outbox.aggregateId, report.importedNomadIds));
    expect(nomads).toHaveLength(IMPORTED_LINES.length);
    expect(published.map((e) => e.type)).toEqual(Array<string>(IMPORTED_LINES.length).fill('StatusGranted'));
    for (const nomad of nomads) {
      const period = periods.find((p) => p.nomadId === nomad.id);
      expect(published.find((e) => e.aggregateId === nomad.id)?.payload).toEqual({
        nomadId: nomad.id,
        pin: nomad.pin,
        periodKind: 'PILOT_2022_2024',
        validFrom: period?.validFrom,
        validUntil: period?.validUntil,
        imported: true,
      });
    }
  });

  it('derives ACTIVE within the pilot period and EXPIRED after it', async () => {
    const periods = await db.select().from(schema.statusPeriods).where(inArray(schema.statusPeriods.nomadId, report.importedNomadIds));
    const events = await db.select().from(schema.statusEvents).where(inArray(schema.statusEvents.nomadId, report.importedNomadIds));
    for (const id of report.importedNomadIds) {
      const own = periods.filter((p) => p.nomadId === id);
      const history = events.filter((e) => e.nomadId === id);
      const [period] = own;
      if (!period) throw new Error(`no period for ${id}`);
      expect(deriveStatus(own, history, addDays(period.validFrom, -1))).toBeNull();
      expect(deriveStatus(own, history, period.validFrom)?.state).toBe('ACTIVE');
      expect(deriveStatus(own, history, period.validUntil)).toMatchObject({ state: 'ACTIVE', validUntil: period.validUntil, chainStartedOn: period.validFrom });
      expect(deriveStatus(own, history, addDays(period.validUntil, 1))?.state).toBe('EXPIRED');
    }
  });

  it('assigns a valid PIN that encodes the person to rows without one, and keeps ZHAAK past the pilot PINs', async () => {
    const assigned = await db.select().from(schema.nomads).where(inArray(schema.nomads.passportNumber, ['N12345602', 'B01122334']));
    expect(assigned).toHaveLength(2);
    // NURLANOV, a man born 2 November 1988; CEBAN, a woman born 30 September 1994 (the fixture's rows).
    expect(assigned.find((n) => n.passportNumber === 'N12345602')?.pin).toMatch(/^202111988[0-9]{5}$/);
    expect(assigned.find((n) => n.passportNumber === 'B01122334')?.pin).toMatch(/^130091994[0-9]{5}$/);
    // A PIN from the file moves the embedded ZHAAK's counter past its serial.
    const [serial] = await db.select().from(schema.zhaakSerials).where(eq(schema.zhaakSerials.dateOfBirth, '1991-03-14'));
    expect(serial?.lastSerial).toBe(42);
  });

  it('imports nothing on a second run: every imported row is ALREADY_IMPORTED, the bad rows keep their codes', async () => {
    const before = await counts();
    const second = await importPilotHolders(db, { csvText: fixture, clock, actor: ACTOR });
    expect(second).toMatchObject({ total: 13, imported: 0, importedNomadIds: [], warnings: [] });
    const expected = [...IMPORTED_LINES.map((line) => ({ line, code: 'ALREADY_IMPORTED', column: 'passport_number' })), ...EXPECTED_SKIPS].sort((a, b) => a.line - b.line);
    expect(codes(second)).toEqual(expected);
    expect(exitCodeOf(second)).toBe(2);
    expect(await counts()).toEqual(before);
  });

  it('a re-run announces, once, the holders imported before the import announced anything, and nothing twice (the outbox pruned or not)', async () => {
    const [legacyA, legacyB, ...announcedBefore] = report.importedNomadIds;
    if (!legacyA || !legacyB) throw new Error('the fixture imports fewer than two holders');
    expect(announcedBefore.length).toBeGreaterThan(0);
    // As an import before announcements existed left them: no StatusGranted, no record of one. The outbox pruned too.
    await db.delete(schema.pilotAnnouncements).where(inArray(schema.pilotAnnouncements.nomadId, [legacyA, legacyB]));
    const pruneOutbox = async () => {
      await db.delete(schema.outboxDeliveries);
      await db.delete(schema.outbox);
    };
    await pruneOutbox();
    const statusGranted = async (ids: string[]) => (await db.select().from(schema.outbox).where(inArray(schema.outbox.aggregateId, ids))).map((e) => [e.aggregateId, e.type, (e.payload as { imported?: boolean }).imported]);

    const dry = await importPilotHolders(db, { csvText: fixture, clock, actor: ACTOR, dryRun: true });
    expect(dry).toMatchObject({ imported: 0, announced: 2, announcedNomadIds: [] });
    expect(await statusGranted(report.importedNomadIds)).toEqual([]);

    const rerun = await importPilotHolders(db, { csvText: fixture, clock, actor: ACTOR });
    expect(rerun).toMatchObject({ imported: 0, importedNomadIds: [], announced: 2 });
    expect([...rerun.announcedNomadIds].sort()).toEqual([legacyA, legacyB].sort());
    expect(exitCodeOf(rerun)).toBe(0);
    // Every imported row is still ALREADY_IMPORTED; the two announced say so.
    expect(codes(rerun).filter((c) => c.code === 'ALREADY_IMPORTED').map((c) => c.line)).toEqual(IMPORTED_LINES);
    expect(rerun.skipped.filter((i) => i.message.includes('announced now'))).toHaveLength(2);
    expect((await statusGranted(report.importedNomadIds)).sort()).toEqual([[legacyA, 'StatusGranted', true], [legacyB, 'StatusGranted', true]].sort());
    const [grantA] = await db.select().from(schema.outbox).where(eq(schema.outbox.aggregateId, legacyA));
    const [nomadA] = await db.select().from(schema.nomads).where(eq(schema.nomads.id, legacyA));
    const [periodA] = await db.select().from(schema.statusPeriods).where(eq(schema.statusPeriods.nomadId, legacyA));
    expect(grantA?.payload).toEqual({ nomadId: legacyA, pin: nomadA?.pin, periodKind: 'PILOT_2022_2024', validFrom: periodA?.validFrom, validUntil: periodA?.validUntil, imported: true });

    // Again, and again after the outbox is pruned: nothing is announced twice.
    const before = await counts();
    expect(await importPilotHolders(db, { csvText: fixture, clock, actor: ACTOR })).toMatchObject({ imported: 0, announced: 0, announcedNomadIds: [] });
    expect(await counts()).toEqual(before);
    await pruneOutbox();
    expect(await importPilotHolders(db, { csvText: fixture, clock, actor: ACTOR })).toMatchObject({ imported: 0, announced: 0 });
    expect(await statusGranted(report.importedNomadIds)).toEqual([]);
  });

  it('reads the file as Excel saves it (BOM, CRLF) and rows given as data the same way', async () => {
    const excel = `\uFEFF${fixture.replace(/\n/g, '\r\n')}`;
    const fromExcel = await importPilotHolders(db, { csvText: excel, clock, actor: ACTOR, dryRun: true });
    const fromText = await importPilotHolders(db, { csvText: fixture, clock, actor: ACTOR, dryRun: true });
    expect(fromExcel).toEqual(fromText);
    const fromRows = await importPilotHolders(db, { rows: [fixtureRow(2), fixtureRow(5)], clock, actor: ACTOR, dryRun: true });
    expect(codes(fromRows)).toEqual([
      { line: 2, code: 'ALREADY_IMPORTED', column: 'passport_number' },
      { line: 3, code: 'INVALID_DATE', column: 'date_of_birth' },
    ]);
  });
});

describe('importPilotHolders: clashes and failures', () => {
  const newcomer = (overrides: PilotRowInput = {}): PilotRowInput => ({
    surname: 'Sokolova',
    given_names: 'Elena',
    date_of_birth: '1990-05-17',
    sex: 'female',
    citizenship: 'rus',
    passport_country: 'RUS',
    passport_number: '759900001',
    passport_expires_on: '2032-01-01',
    email: 'Elena.Sokolova@Example.org',
    status_valid_from: '2023-02-01',
    status_valid_until: '2024-01-31',
    ...overrides,
  });

  it('tells a passport of another person, a PIN held by another nomad and a portal record apart', async () => {
    await db.insert(schema.nomads).values({
      surname: 'POPOV',
      givenNames: 'IVAN',
      dateOfBirth: '1986-02-02',
      sex: 'MALE',
      citizenship: 'RUS',
      passportCountry: 'RUS',
      passportNumber: '758800002',
      passportExpiresOn: '2031-01-01',
      email: 'ivan.popov@example.org',
    });
    const report = await importPilotHolders(db, {
      rows: [
        // IVANOVA's passport, another person.
        newcomer({ passport_number: '751234501' }),
        // IVANOVA's PIN (same sex and birth date), another passport.
        newcomer({ date_of_birth: '1991-03-14', pin: '11403199100042', passport_number: '759900003' }),
        // Registered through the portal, same person.
        newcomer({ surname: 'Popov', given_names: 'Ivan', sex: 'M', date_of_birth: '1986-02-02', passport_number: '758800002' }),
        // Two rows of one file with one PIN.
        newcomer({ date_of_birth: '1991-03-14', pin: '11403199100077', passport_number: '759900004' }),
        newcomer({ date_of_birth: '1991-03-14', pin: '11403199100077', passport_number: '759900005' }),
      ],
      clock,
      actor: ACTOR,
    });
    expect(codes(report)).toEqual([
      { line: 2, code: 'PASSPORT_BELONGS_TO_ANOTHER_PERSON', column: 'passport_number' },
      { line: 3, code: 'PIN_BELONGS_TO_ANOTHER_NOMAD', column: 'pin' },
      { line: 4, code: 'ALREADY_REGISTERED', column: 'passport_number' },
      { line: 6, code: 'DUPLICATE_IN_FILE', column: 'pin' },
    ]);
    expect(report.imported).toBe(1);
    const [imported] = await db.select().from(schema.nomads).where(eq(schema.nomads.passportNumber, '759900004'));
    expect(imported).toMatchObject({ surname: 'SOKOLOVA', givenNames: 'ELENA', citizenship: 'RUS', email: 'elena.sokolova@example.org', source: 'PILOT_2022_2024' });
  });

  it('skips a row with ZHAAK_UNAVAILABLE when ZHAAK fails, writes nothing for it, and imports the rest', async () => {
    let calls = 0;
    const failing: Zhaak = {
      assignPin: () => {
        calls += 1;
        return Promise.reject(new ZhaakError('ZHAAK is down'));
      },
    };
    const before = await counts();
    const report = await importPilotHolders(db, {
      rows: [newcomer({ passport_number: '757700001' }), newcomer({ passport_number: '757700002', date_of_birth: '1990-05-18', pin: '11805199000001' })],
      zhaak: failing,
      clock,
      actor: ACTOR,
    });
    expect(calls).toBe(1);
    expect(codes(report)).toEqual([{ line: 2, code: 'ZHAAK_UNAVAILABLE', column: 'pin' }]);
    expect(report.imported).toBe(1);
    const written = await db.select({ passportNumber: schema.nomads.passportNumber }).from(schema.nomads).where(inArray(schema.nomads.passportNumber, ['757700001', '757700002']));
    expect(written).toEqual([{ passportNumber: '757700002' }]);
    const after = await counts();
    expect(after).toMatchObject({ nomads: (before.nomads ?? 0) + 1, periods: (before.periods ?? 0) + 1, events: (before.events ?? 0) + 1, outbox: (before.outbox ?? 0) + 1 });
  });

  it('does not ask ZHAAK in a dry run, nor for a passport already registered', async () => {
    let calls = 0;
    const counting: Zhaak = {
      assignPin: () => {
        calls += 1;
        return Promise.reject(new ZhaakError('must not be called'));
      },
    };
    const dry = await importPilotHolders(db, { rows: [newcomer({ passport_number: '756600001' })], zhaak: counting, clock, actor: ACTOR, dryRun: true });
    expect(dry).toMatchObject({ imported: 1, skipped: [] });
    const rerun = await importPilotHolders(db, { rows: [newcomer({ passport_number: '757700002', date_of_birth: '1990-05-18' })], zhaak: counting, clock, actor: ACTOR });
    expect(codes(rerun)).toEqual([{ line: 2, code: 'ALREADY_IMPORTED', column: 'passport_number' }]);
    expect(calls).toBe(0);
  });

  it('accepts a citizenship outside the eligible list with a warning', async () => {
    const report = await importPilotHolders(db, { rows: [newcomer({ citizenship: 'GEO', passport_number: '755500001' })], clock, actor: ACTOR, dryRun: true });
    expect(report.imported).toBe(1);
    expect(report.warnings).toEqual([expect.objectContaining({ line: 2, code: 'CITIZENSHIP_NOT_ELIGIBLE', column: 'citizenship' })]);
  });

  it('refuses a file that lacks a required column or has malformed quoting, naming the problem', async () => {
    const noEmail = fixture.replace(',Email', ',Mail');
    await expect(importPilotHolders(db, { csvText: noEmail, clock, actor: ACTOR })).rejects.toThrow(PilotFileError);
    await expect(importPilotHolders(db, { csvText: noEmail, clock, actor: ACTOR })).rejects.toThrow(/lacks the column email/);
    await expect(importPilotHolders(db, { csvText: `${fixture}"open,quote\n`, clock, actor: ACTOR })).rejects.toThrow(/line 15: a quoted field is never closed/);
    const shifted = await importPilotHolders(db, { csvText: fixture.replace('"PETROSYAN, ARAM"', 'PETROSYAN, ARAM'), clock, actor: ACTOR, dryRun: true });
    expect(codes(shifted)).toContainEqual({ line: 10, code: 'COLUMN_COUNT', column: null });
  });

  it('formats the report for a human: counts, then one line per skipped row', async () => {
    const report = await importPilotHolders(db, { csvText: fixture, clock, actor: ACTOR, dryRun: true });
    const text = formatReport(report, 'pilot-sample.csv');
    expect(text).toMatch(/^Pilot import of pilot-sample.csv \(dry run: nothing written\)\n {2}rows {8}13\n {2}importable {3}0\n {2}skipped {5}13\n/);
    expect(text).toContain('line  5  INVALID_DATE ');
    expect(text.trimEnd().split('\n')).toHaveLength(5 + 2 + 13);
  });

  /**
   * A holder imported long ago (2025-03-01) by an import that announced nothing, whose period
   * then ended: maintenance published the expiry (which the agencies dead-letter: no grant
   * announced the holder). Returns the nomad's id.
   */
  async function legacyHolderExpired(passportNumber: string): Promise<string> {
    const imported = await importPilotHolders(db, { rows: [newcomer({ passport_number: passportNumber })], clock: fixedClock('2025-03-01T06:00:00Z'), actor: ACTOR });
    const [nomadId] = imported.importedNomadIds;
    if (!nomadId) throw new Error('the holder was not imported');
    await db.delete(schema.outboxDeliveries).where(inArray(schema.outboxDeliveries.eventId, db.select({ id: schema.outbox.id }).from(schema.outbox).where(eq(schema.outbox.aggregateId, nomadId))));
    await db.delete(schema.outbox).where(eq(schema.outbox.aggregateId, nomadId));
    await db.delete(schema.pilotAnnouncements).where(eq(schema.pilotAnnouncements.nomadId, nomadId));
    await runMaintenance(db, { clock, zhaak: embeddedZhaak(db) });
    return nomadId;
  }

  it("announces a legacy holder's grant as of the time it was granted: their expiry published before the re-run stays the newer fact", async () => {
    const nomadId = await legacyHolderExpired('759900090');

    const rerun = await importPilotHolders(db, { rows: [newcomer({ passport_number: '759900090' })], clock, actor: ACTOR });
    expect(rerun.announcedNomadIds).toEqual([nomadId]);
    const published = await db.select().from(schema.outbox).where(eq(schema.outbox.aggregateId, nomadId)).orderBy(schema.outbox.seq);
    // The expiry, still undelivered (no relay runs here), is published again after the grant:
    // the same fact and time, a new id, and the deliveries move to the copy.
    expect(published.map((e) => e.type)).toEqual(['StatusExpired', 'StatusGranted', 'StatusExpired']);
    const [expiry, grant, again] = published;
    if (!again) throw new Error('no copy of the expiry');
    expect(again.payload).toEqual(expiry?.payload);
    expect(again.occurredAt).toBe(expiry?.occurredAt);
    expect(again.id).not.toBe(expiry?.id);
    const deliveries = await db.select({ eventId: schema.outboxDeliveries.eventId, subscriber: schema.outboxDeliveries.subscriber }).from(schema.outboxDeliveries).where(eq(schema.outboxDeliveries.aggregateId, nomadId));
    const to = (eventId: string | undefined) => deliveries.filter((d) => d.eventId === eventId).map((d) => d.subscriber).sort();
    expect(to(expiry?.id)).toEqual([]);
    expect(to(grant?.id)).toEqual(['labor', 'security', 'tax']);
    expect(to(again.id)).toEqual(['labor', 'security', 'tax']);
    const [granted] = await db.select().from(schema.statusEvents).where(and(eq(schema.statusEvents.nomadId, nomadId), eq(schema.statusEvents.kind, 'GRANTED')));
    if (!expiry || !grant || !granted) throw new Error('missing event');
    expect(parsePgTimestamp(grant.occurredAt).toISOString()).toBe(parsePgTimestamp(granted.at).toISOString());
    expect(parsePgTimestamp(grant.occurredAt).toISOString()).toBe('2025-03-01T06:00:00.000Z');
    expect(parsePgTimestamp(grant.occurredAt).getTime()).toBeLessThan(parsePgTimestamp(expiry.occurredAt).getTime());
  });

  it('a re-run releases a grant an earlier re-run announced behind the holder\'s dead expiry: the expiry is published again after it, once', async () => {
    const nomadId = await legacyHolderExpired('759900091');
    await db.update(schema.outboxDeliveries).set({ state: 'DEAD' }).where(eq(schema.outboxDeliveries.aggregateId, nomadId));
    // An earlier re-run announced the grant and published nothing again: the grant waits behind the dead expiry.
    const [holder] = await db.select({ pin: schema.nomads.pin }).from(schema.nomads).where(eq(schema.nomads.id, nomadId));
    await db.transaction((tx) => announcePilotGrant(tx, { nomadId, pin: holder?.pin ?? '', validFrom: '2024-01-15', validUntil: '2025-12-31' }));
    const types = async () => (await db.select({ type: schema.outbox.type }).from(schema.outbox).where(eq(schema.outbox.aggregateId, nomadId)).orderBy(schema.outbox.seq)).map((e) => e.type);
    expect(await types()).toEqual(['StatusExpired', 'StatusGranted']);

    const dry = await importPilotHolders(db, { rows: [newcomer({ passport_number: '759900091' })], clock, actor: ACTOR, dryRun: true });
    expect(dry.skipped.map((s) => s.message)).toEqual([expect.stringMatching(/waited behind facts the agencies refused/)]);
    expect(await types()).toEqual(['StatusExpired', 'StatusGranted']);

    const rerun = await importPilotHolders(db, { rows: [newcomer({ passport_number: '759900091' })], clock, actor: ACTOR });
    expect(rerun.skipped.map((s) => [s.code, s.message])).toEqual([['ALREADY_IMPORTED', expect.stringMatching(/published again after it now/)]]);
    expect(await types()).toEqual(['StatusExpired', 'StatusGranted', 'StatusExpired']);
    const deliveries = await db.select({ type: schema.outbox.type, seq: schema.outbox.seq, state: schema.outboxDeliveries.state }).from(schema.outboxDeliveries).innerJoin(schema.outbox, eq(schema.outbox.id, schema.outboxDeliveries.eventId)).where(eq(schema.outboxDeliveries.aggregateId, nomadId)).orderBy(schema.outbox.seq);
    // The dead deliveries are gone; the grant, then the copy, wait for every agency.
    expect(deliveries.map((d) => `${d.type} ${d.state}`)).toEqual([...Array<string>(3).fill('StatusGranted PENDING'), ...Array<string>(3).fill('StatusExpired PENDING')]);

    // Nothing older waits behind the grant now: a third run publishes nothing.
    const third = await importPilotHolders(db, { rows: [newcomer({ passport_number: '759900091' })], clock, actor: ACTOR });
    expect(third.skipped.map((s) => s.message)).toEqual([expect.not.stringMatching(/published again/)]);
    expect(await types()).toEqual(['StatusExpired', 'StatusGranted', 'StatusExpired']);
  });
});

/** Runs the CLI as an operator would, against its own database. */
function runCli(args: string[], databaseUrl: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
  for (const key of ['MIGRATION_DATABASE_URL', 'LOG_LEVEL', 'INIT_CWD', 'NODE_OPTIONS']) delete env[key];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/pilot/cli.ts', ...args], { cwd: PACKAGE_DIR, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('import:pilot command', () => {
  let cliDb: TestDatabase;
  beforeAll(async () => {
    cliDb = await createTestDatabase('pilot_cli');
  });
  afterAll(async () => {
    await cliDb?.drop();
  });

  it('imports the file and prints the JSON report; exits 2 on a re-run and 1 on a missing file', async () => {
    const first = await runCli([FIXTURE, '--json'], cliDb.url);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as ImportReport;
    expect(report).toMatchObject({ dryRun: false, total: 13, imported: IMPORTED_LINES.length });
    expect(codes(report)).toEqual(EXPECTED_SKIPS);

    const second = await runCli([FIXTURE], cliDb.url);
    expect(second.code).toBe(2);
    expect(second.stdout).toMatch(/^Pilot import of .*pilot-sample\.csv\n {2}rows {8}13\n {2}imported {5}0\n/);

    const missing = await runCli(['no-such-file.csv'], cliDb.url);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*no-such-file\.csv \(ENOENT\)/);
    const noArgs = await runCli(['--json'], cliDb.url);
    expect(noArgs.code).toBe(1);
    expect(noArgs.stderr).toContain('Usage: npm run import:pilot');
    // Four CLI processes, each loading the agency through tsx: beside turbo's other packages on 2 cores that took over a minute.
  }, 240_000);
});
