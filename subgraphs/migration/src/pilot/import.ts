import { randomUUID } from 'node:crypto';
import type { Logger } from '@nomad/kit';
import type { Clock } from '../clock.ts';
import type { MigrationDb } from '../db/index.ts';
import { loadRules } from '../modules/rules/service.ts';
import { insertPeriod, insertStatusEvent } from '../modules/status/queries.ts';
import { databaseErrorOf, parsePgTimestamp, pinMatches } from '@nomad/kit';
import { embeddedZhaak, type Zhaak } from '../zhaak.ts';
import { publish } from '../events.ts';
import { CsvError, readCsvTable } from './csv.ts';
import { reserveZhaakSerial } from '../modules/nomads/queries.ts';
import { getIdentityByPassport, getNomadIdByPin, getUnannouncedPilotGrant, insertNomad, insertPilotAnnouncement, lockNomad, type RegisteredIdentity } from './queries.ts';
import {
  checkPilotRow,
  isPilotColumn,
  maskPassport,
  normaliseColumnName,
  OPTIONAL_COLUMNS,
  PILOT_COLUMNS,
  PILOT_SPAN,
  SkipCode,
  WarningCode,
  type PilotColumn,
  type PilotHolder,
  type SkipIssue,
  type WarningIssue,
} from './row.ts';

export { PILOT_COLUMNS, PILOT_SPAN, SkipCode, WarningCode, type PilotColumn, type SkipIssue, type WarningIssue } from './row.ts';

/** One row given as data: column name (any case) → value. */
export type PilotRowInput = Readonly<Record<string, string | null | undefined>>;

type PilotSource =
  | {
      /** The file's text: a header row naming the columns, then one row per holder. */
      csvText: string;
      rows?: never;
    }
  | {
      /** Rows as data; row i is reported as line i + 2, as if a header line preceded it. */
      rows: readonly PilotRowInput[];
      csvText?: never;
    };

export type ImportPilotOptions = PilotSource & {
  /** Assigns a PIN to a row without one. @default embeddedZhaak(db) */
  zhaak?: Zhaak;
  /** "Today" for the birth-date check, and the recording time of what is written. */
  clock: Clock;
  /** Recorded as `grantedBy` of the period and `actor` of the GRANTED event (an officer's `sub` or a job name). */
  actor: string;
  /**
   * Runs each row's transaction and rolls it back: every database check runs, nothing stays.
   * ZHAAK is not asked for PINs (a real ZHAAK would issue them for good); such rows are
   * checked with no PIN. @default false
   */
  dryRun?: boolean;
  /** Receives counts, line numbers and codes only, never a row's personal data. */
  logger?: Logger;
  /** @default PILOT_SPAN */
  span?: { firstDay: string; lastDay: string };
  /**
   * Checked before each row: once aborted, the import stops with a `PilotImportError` naming
   * the first row not processed (the row in flight finishes first, so none is left half-done).
   */
  signal?: AbortSignal;
};

export interface ImportReport {
  dryRun: boolean;
  /** Data rows read (the header not counted). */
  total: number;
  /** Rows imported (in a dry run: rows that would be). */
  imported: number;
  /** One entry per row not imported, in file order: the first reason found. */
  skipped: SkipIssue[];
  /** Facts that did not stop a row: unknown columns, and those of rows imported. */
  warnings: WarningIssue[];
  /** Ids of the nomads created, in file order; empty in a dry run. */
  importedNomadIds: string[];
  /**
   * Holders imported by an earlier run but never announced (imported before the import published
   * StatusGranted): their grant is announced now, once (in a dry run: would be). Their rows are
   * still reported as skipped (`ALREADY_IMPORTED`): nothing is imported again.
   */
  announced: number;
  /** Ids of the holders announced so, in file order; empty in a dry run. */
  announcedNomadIds: string[];
}

/** The file cannot be read as a pilot file at all (bad CSV, missing columns): nothing was imported. */
export class PilotFileError extends Error {
  override name = 'PilotFileError';
}

/**
 * The database failed in a way no row explains (connection lost, permissions): the import
 * stops. Rows before `line` are committed; running the file again skips them.
 */
export class PilotImportError extends Error {
  override name = 'PilotImportError';
  constructor(
    readonly line: number,
    message: string,
    options?: { cause: unknown },
  ) {
    super(message, options);
  }
}

interface SourceRow {
  line: number;
  values: Partial<Record<PilotColumn, string>>;
  /** A defect of the record itself (wrong number of values): the row is skipped before any check. */
  defect?: SkipIssue;
}

function rowsFromCsv(csvText: string): { rows: SourceRow[]; warnings: WarningIssue[] } {
  let table;
  try {
    table = readCsvTable(csvText);
  } catch (err) {
    if (err instanceof CsvError) throw new PilotFileError(`Not a readable CSV file: ${err.message}.`, { cause: err });
    throw err;
  }
  const warnings: WarningIssue[] = [];
  const columns: (PilotColumn | null)[] = [];
  const seen = new Set<string>();
  for (const raw of table.header.fields) {
    const name = normaliseColumnName(raw);
    if (seen.has(name)) throw new PilotFileError(`The header names the column ${name} twice.`);
    seen.add(name);
    if (isPilotColumn(name)) {
      columns.push(name);
    } else {
      columns.push(null);
      warnings.push({ line: table.header.line, code: WarningCode.UNKNOWN_COLUMN, column: null, message: `Column "${raw.trim()}" is not a pilot column; its values are ignored.` });
    }
  }
  const missing = PILOT_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.has(c) && !seen.has(c));
  if (missing.length > 0) {
    throw new PilotFileError(`The header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}. Expected: ${PILOT_COLUMNS.join(', ')} (pin and activity_code optional).`);
  }
  const rows = table.records.map((record): SourceRow => {
    const values: Partial<Record<PilotColumn, string>> = {};
    record.fields.forEach((value, i) => {
      const column = columns[i];
      if (column) values[column] = value;
    });
    if (record.fields.length !== columns.length) {
      return {
        line: record.line,
        values,
        defect: {
          line: record.line,
          code: SkipCode.COLUMN_COUNT,
          column: null,
          message: `The row has ${record.fields.length} values for ${columns.length} columns; a value with a comma must be in double quotes.`,
        },
      };
    }
    return { line: record.line, values };
  });
  return { rows, warnings };
}

function rowsFromData(rows: readonly PilotRowInput[]): SourceRow[] {
  return rows.map((input, i) => {
    const values: Partial<Record<PilotColumn, string>> = {};
    for (const [key, value] of Object.entries(input)) {
      const name = normaliseColumnName(key);
      if (isPilotColumn(name) && value != null) values[name] = value;
    }
    return { line: i + 2, values };
  });
}

function sameName(a: string, b: string): boolean {
  return a.trim().toUpperCase().replace(/\s+/g, ' ') === b.trim().toUpperCase().replace(/\s+/g, ' ');
}

/** Why a row whose passport is already registered is skipped: a re-run, a portal record, or a clash. */
function registeredSkip(line: number, holder: PilotHolder, existing: RegisteredIdentity): SkipIssue {
  const passport = `${holder.passportCountry} ${maskPassport(holder.passportNumber)}`;
  const same =
    sameName(existing.surname, holder.surname) &&
    sameName(existing.givenNames, holder.givenNames) &&
    existing.dateOfBirth === holder.dateOfBirth &&
    existing.sex === holder.sex;
  if (!same) {
    return {
      line,
      code: SkipCode.PASSPORT_BELONGS_TO_ANOTHER_PERSON,
      column: 'passport_number',
      message: `Passport ${passport} is registered to a person with a different name, date of birth or sex.`,
    };
  }
  if (existing.source === 'PILOT_2022_2024') {
    return { line, code: SkipCode.ALREADY_IMPORTED, column: 'passport_number', message: `Passport ${passport} was imported from the pilot records before; nothing changed.` };
  }
  return {
    line,
    code: SkipCode.ALREADY_REGISTERED,
    column: 'passport_number',
    message: `Passport ${passport} belongs to a nomad registered through the portal; add the pilot period to that record by hand if it is missing.`,
  };
}

/** Thrown inside a row's transaction to roll it back and skip the row. */
class SkipRow extends Error {
  constructor(readonly issue: SkipIssue) {
    super(issue.code);
  }
}

/** Thrown at the end of a dry run's row transaction: everything checked, nothing kept. */
class DryRunRollback extends Error {}

interface RowContext {
  line: number;
  zhaak: Zhaak;
  clock: Clock;
  actor: string;
  dryRun: boolean;
  logger: Logger | undefined;
}

type RowOutcome = { nomadId: string } | { skip: SkipIssue; announcedNomadId?: string };

/**
 * The fact a grant publishes, marked as imported: tax queues the IE for re-registration (the
 * decree: every holder), labor opens monitoring, GKNB learns the holder. Recorded in
 * `pilot_announcements`, so that no run announces the holder twice. In the caller's transaction.
 * A grant announced by a later run (`grantedAt`: its GRANTED event's `at`) keeps the time it was
 * granted as its `occurredAt`: the agencies order status facts by it, so the holder's expiry or
 * revocation published since (and re-queued after the run) stays newer than the grant.
 */
async function announcePilotGrant(tx: MigrationDb, grant: { nomadId: string; pin: string; validFrom: string; validUntil: string; grantedAt?: string }): Promise<void> {
  const eventId = await publish(
    tx,
    'StatusGranted',
    grant.nomadId,
    {
      nomadId: grant.nomadId,
      pin: grant.pin,
      periodKind: 'PILOT_2022_2024',
      validFrom: grant.validFrom,
      validUntil: grant.validUntil,
      imported: true,
    },
    grant.grantedAt === undefined ? {} : { occurredAt: parsePgTimestamp(grant.grantedAt).toISOString() },
  );
  await insertPilotAnnouncement(tx, { nomadId: grant.nomadId, eventId });
}

/**
 * A holder an earlier run imported but never announced (before the import published anything)
 * gets the announcement now, once: the nomad's row is locked and `pilot_announcements` checked
 * in the transaction. Returns whether it announced (in a dry run: whether it would). A holder
 * without a PIN cannot be announced (the fact carries it) and is left as it is.
 */
async function announceIfNeverAnnounced(db: MigrationDb, nomadId: string, dryRun: boolean): Promise<boolean> {
  if (dryRun) {
    const grant = await getUnannouncedPilotGrant(db, { nomadId });
    return grant !== undefined && grant.pin !== null;
  }
  return db.transaction(async (tx) => {
    await lockNomad(tx, { nomadId });
    const grant = await getUnannouncedPilotGrant(tx, { nomadId });
    if (!grant || grant.pin === null) return false;
    await announcePilotGrant(tx, { nomadId, pin: grant.pin, validFrom: grant.validFrom, validUntil: grant.validUntil, grantedAt: grant.grantedAt });
    return true;
  });
}

/**
 * Writes one holder: nomad, pilot period, GRANTED event, StatusGranted, all or nothing. A missing PIN is
 * asked of ZHAAK before the transaction opens (another system: no transaction stays open
 * across the call), and only once the passport is known to be new, so that a re-run does not
 * spend PINs on rows it will skip.
 */
async function importHolder(db: MigrationDb, holder: PilotHolder, ctx: RowContext): Promise<RowOutcome> {
  const { line } = ctx;
  const passport = { country: holder.passportCountry, number: holder.passportNumber };
  const registered = await getIdentityByPassport(db, passport);
  if (registered) {
    const skip = registeredSkip(line, holder, registered);
    if (skip.code === SkipCode.ALREADY_IMPORTED && (await announceIfNeverAnnounced(db, registered.id, ctx.dryRun))) {
      return { skip: { ...skip, message: `${skip.message.replace(/; nothing changed\.$/, '')}; never announced, its grant is announced now.` }, announcedNomadId: registered.id };
    }
    return { skip };
  }

  const nomadId = randomUUID();
  let pin = holder.pin;
  const pinFromZhaak = pin === null && !ctx.dryRun;
  if (pinFromZhaak) {
    const zhaakSkip = (message: string): RowOutcome => ({ skip: { line, code: SkipCode.ZHAAK_UNAVAILABLE, column: 'pin', message } });
    try {
      pin = await ctx.zhaak.assignPin({ nomadId, dateOfBirth: holder.dateOfBirth, sex: holder.sex });
    } catch (err) {
      // The error's message may name the birth date: log its kind only.
      ctx.logger?.warn({ line, error: err instanceof Error ? err.name : 'unknown' }, 'ZHAAK did not assign a PIN');
      return zhaakSkip('ZHAAK could not assign a PIN; nothing was written for this row. Run the file again later.');
    }
    if (!pinMatches(pin, holder)) {
      ctx.logger?.warn({ line }, 'ZHAAK returned a PIN that does not encode the person');
      return zhaakSkip('ZHAAK returned a PIN that does not encode this sex and date_of_birth; nothing was written for this row.');
    }
  }
  const now = ctx.clock.now().toISOString();
  try {
    await db.transaction(async (tx) => {
      // Again inside the transaction: another import may have taken the passport meanwhile.
      const taken = await getIdentityByPassport(tx, passport);
      if (taken) throw new SkipRow(registeredSkip(line, holder, taken));
      if (pin !== null) {
        const owner = await getNomadIdByPin(tx, { pin });
        if (owner) {
          throw new SkipRow(
            pinFromZhaak
              ? { line, code: SkipCode.ZHAAK_UNAVAILABLE, column: 'pin', message: 'ZHAAK assigned a PIN that another nomad holds; nothing was written for this row.' }
              : { line, code: SkipCode.PIN_BELONGS_TO_ANOTHER_NOMAD, column: 'pin', message: 'pin is held by another nomad (a different passport).' },
          );
        }
        if (!pinFromZhaak) await reserveZhaakSerial(tx, { dateOfBirth: holder.dateOfBirth, serial: Number(pin.slice(9)) });
      }
      await insertNomad(tx, {
        nomad: {
          id: nomadId,
          surname: holder.surname,
          givenNames: holder.givenNames,
          dateOfBirth: holder.dateOfBirth,
          sex: holder.sex,
          citizenship: holder.citizenship,
          passportCountry: holder.passportCountry,
          passportNumber: holder.passportNumber,
          passportExpiresOn: holder.passportExpiresOn,
          email: holder.email,
          pin,
          source: 'PILOT_2022_2024',
          createdAt: now,
          updatedAt: now,
        },
      });
      const period = await insertPeriod(tx, {
        period: {
          nomadId,
          kind: 'PILOT_2022_2024',
          validFrom: holder.validFrom,
          validUntil: holder.validUntil,
          grantedAt: now,
          grantedBy: ctx.actor,
          source: 'PILOT_2022_2024',
        },
      });
      await insertStatusEvent(tx, { event: { nomadId, kind: 'GRANTED', effectiveOn: holder.validFrom, actor: ctx.actor, periodId: period.id, at: now } });
      if (ctx.dryRun) throw new DryRunRollback();
      // Announced in the row's transaction; a re-run skips the row and finds it announced, so
      // it is published once. Not in a dry run: nothing is written there, and no PIN was asked for.
      if (pin === null) throw new Error('an imported holder has no PIN');
      await announcePilotGrant(tx, { nomadId, pin, validFrom: period.validFrom, validUntil: period.validUntil });
    });
  } catch (err) {
    if (err instanceof SkipRow) return { skip: err.issue };
    if (err instanceof DryRunRollback) return { nomadId };
    const pg = databaseErrorOf(err);
    if (pg?.code === '23505' && pg.constraint === 'nomads_passport_key') {
      // Lost a race with another import of the same passport: classify as if it had come first.
      const winner = await getIdentityByPassport(db, passport);
      if (winner) return { skip: registeredSkip(line, holder, winner) };
    }
    if (pg?.code === '23505' && pg.constraint === 'nomads_pin_key') {
      return { skip: { line, code: pinFromZhaak ? SkipCode.ZHAAK_UNAVAILABLE : SkipCode.PIN_BELONGS_TO_ANOTHER_NOMAD, column: 'pin', message: 'pin is held by another nomad.' } };
    }
    // Data (22…) and integrity (23…) errors are this row's: skip it and go on. Only the
    // constraint is named; the driver's message and the query's parameters may hold personal data.
    if (pg && (pg.code.startsWith('22') || pg.code.startsWith('23'))) {
      return {
        skip: { line, code: SkipCode.DATABASE_REFUSED, column: null, message: `The database refused the row (SQLSTATE ${pg.code}${pg.constraint ? `, constraint ${pg.constraint}` : ''}).` },
      };
    }
    throw err;
  }
  return { nomadId };
}

/**
 * A failure no row explains. The message names the line and SQLSTATE only: drizzle's own
 * message repeats the query's parameters, which are the row's personal data.
 */
function stopped(line: number, err: unknown, dryRun: boolean): PilotImportError {
  const pg = databaseErrorOf(err);
  const what = pg ? `database error (SQLSTATE ${pg.code})` : err instanceof Error ? err.name : 'unknown error';
  return new PilotImportError(line, `The import stopped at line ${line}: ${what}. ${afterStop(dryRun)}`, { cause: err });
}

function afterStop(dryRun: boolean): string {
  return dryRun ? 'Nothing was written.' : 'Rows before it are imported; running the file again skips them.';
}

/**
 * Imports holders of the 2022–2024 pilot status: for each valid row, a nomad, a period of
 * kind PILOT_2022_2024, its GRANTED event and the StatusGranted domain event (`imported`),
 * all marked with the pilot as their source. One
 * transaction per row: a bad row never blocks the others. A row whose passport is already
 * registered is skipped, so running the same file twice imports nothing twice; a holder an
 * earlier run imported but never announced is announced then, once (`pilot_announcements`).
 *
 * Throws `PilotFileError` when the file cannot be read as a pilot file (nothing imported),
 * `PilotImportError` when the database fails for a reason no row explains.
 */
export async function importPilotHolders(db: MigrationDb, options: ImportPilotOptions): Promise<ImportReport> {
  const dryRun = options.dryRun ?? false;
  const { rows, warnings } = options.csvText !== undefined ? rowsFromCsv(options.csvText) : { rows: rowsFromData(options.rows), warnings: [] as WarningIssue[] };
  const rules = await loadRules(db);
  const today = options.clock.today();
  const span = options.span ?? PILOT_SPAN;
  const report: ImportReport = { dryRun, total: rows.length, imported: 0, skipped: [], warnings, importedNomadIds: [], announced: 0, announcedNomadIds: [] };
  const context = { zhaak: options.zhaak ?? embeddedZhaak(db), clock: options.clock, actor: options.actor, dryRun, logger: options.logger };
  // First line of each passport and PIN among the rows that passed the checks: a later
  // duplicate is reported as such on every run, not as ALREADY_IMPORTED after the first.
  const passportLines = new Map<string, number>();
  const pinLines = new Map<string, number>();

  const skip = (issue: SkipIssue) => {
    report.skipped.push(issue);
    options.logger?.debug({ line: issue.line, code: issue.code, column: issue.column }, 'pilot row skipped');
  };

  for (const row of rows) {
    if (options.signal?.aborted) {
      throw new PilotImportError(row.line, `The import was interrupted before line ${row.line}. ${afterStop(dryRun)}`, { cause: options.signal.reason });
    }
    if (row.defect) {
      skip(row.defect);
      continue;
    }
    const check = checkPilotRow(row.values, { line: row.line, today, rules, span });
    const [first, ...others] = check.problems;
    if (first || !check.holder) {
      if (first) skip(others.length > 0 ? { ...first, message: `${first.message} (and ${others.length} more problem${others.length > 1 ? 's' : ''} on this row)` } : first);
      continue;
    }
    const holder = check.holder;
    const passportKey = `${holder.passportCountry} ${holder.passportNumber}`;
    const earlier = passportLines.get(passportKey);
    if (earlier !== undefined) {
      skip({ line: row.line, code: SkipCode.DUPLICATE_IN_FILE, column: 'passport_number', message: `Passport ${holder.passportCountry} ${maskPassport(holder.passportNumber)} is also on line ${earlier}; only the first row counts.` });
      continue;
    }
    passportLines.set(passportKey, row.line);
    if (holder.pin !== null) {
      const pinEarlier = pinLines.get(holder.pin);
      if (pinEarlier !== undefined) {
        skip({ line: row.line, code: SkipCode.DUPLICATE_IN_FILE, column: 'pin', message: `The same pin is also on line ${pinEarlier} (another passport); only the first row counts.` });
        continue;
      }
      pinLines.set(holder.pin, row.line);
    }
    let outcome: RowOutcome;
    try {
      outcome = await importHolder(db, holder, { ...context, line: row.line });
    } catch (err) {
      throw stopped(row.line, err, dryRun);
    }
    if ('skip' in outcome) {
      skip(outcome.skip);
      if (outcome.announcedNomadId) {
        report.announced += 1;
        if (!dryRun) report.announcedNomadIds.push(outcome.announcedNomadId);
      }
      continue;
    }
    report.imported += 1;
    if (!dryRun) report.importedNomadIds.push(outcome.nomadId);
    report.warnings.push(...check.warnings);
  }
  options.logger?.info(
    { dryRun, total: report.total, imported: report.imported, announced: report.announced, skipped: report.skipped.length, warnings: report.warnings.length },
    dryRun ? 'pilot import checked (dry run)' : 'pilot import finished',
  );
  return report;
}
