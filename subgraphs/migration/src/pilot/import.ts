import { databaseErrorOf, type Logger } from '@nomad/kit';
import type { Clock } from '../clock.ts';
import type { MigrationDb } from '../db/index.ts';
import { loadRules, type Rules } from '../modules/rules/service.ts';
import { embeddedZhaak, type Zhaak } from '../zhaak.ts';
import { importHolder, type RowContext, type RowOutcome } from './holder.ts';
import { rowsFromCsv, rowsFromData, type PilotRowInput, type SourceRow } from './source.ts';
import { checkPilotRow, maskPassport, PILOT_SPAN, SkipCode, type PilotHolder, type RowCheck, type SkipIssue, type WarningIssue } from './row.ts';

export { PILOT_COLUMNS, PILOT_SPAN, SkipCode, WarningCode, type PilotColumn, type SkipIssue, type WarningIssue } from './row.ts';
export { PilotFileError, type PilotRowInput } from './source.ts';

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

/**
 * A failure no row explains. The message names the line and SQLSTATE only: drizzle's own
 * message repeats the query's parameters, which are the row's personal data.
 */
function stopped(line: number, err: unknown, dryRun: boolean): PilotImportError {
  const pg = databaseErrorOf(err);
  const what = pg ? `database error (SQLSTATE ${pg.code})` : err instanceof Error ? err.name : 'unknown error';
  return new PilotImportError(line, `The import stopped at line ${line}: ${what}. ${afterStop(dryRun)}`, { cause: err });
}

/** What an interrupted run leaves behind, for the operator. */
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
  const run: ImportRun = {
    db,
    options,
    dryRun,
    rules: await loadRules(db),
    today: options.clock.today(),
    span: options.span ?? PILOT_SPAN,
    report: { dryRun, total: rows.length, imported: 0, skipped: [], warnings, importedNomadIds: [], announced: 0, announcedNomadIds: [] },
    context: { zhaak: options.zhaak ?? embeddedZhaak(db), clock: options.clock, actor: options.actor, dryRun, logger: options.logger },
    duplicateOf: duplicateFinder(),
  };
  for (const row of rows) {
    if (options.signal?.aborted) {
      throw new PilotImportError(row.line, `The import was interrupted before line ${row.line}. ${afterStop(dryRun)}`, { cause: options.signal.reason });
    }
    await importRow(run, row);
  }
  const { report } = run;
  options.logger?.info(
    { dryRun, total: report.total, imported: report.imported, announced: report.announced, skipped: report.skipped.length, warnings: report.warnings.length },
    dryRun ? 'pilot import checked (dry run)' : 'pilot import finished',
  );
  return report;
}

/** One run of the import: its options, what the checks need, the report it fills. */
interface ImportRun {
  db: MigrationDb;
  options: ImportPilotOptions;
  dryRun: boolean;
  rules: Rules;
  today: string;
  span: { firstDay: string; lastDay: string };
  report: ImportReport;
  context: Omit<RowContext, 'line'>;
  duplicateOf: (holder: PilotHolder, line: number) => SkipIssue | null;
}

/** One row: its defect, its checks, a duplicate in the file, then the database; the outcome goes into the report. */
async function importRow(run: ImportRun, row: SourceRow): Promise<void> {
  if (row.defect) return skipRow(run, row.defect);
  const check = checkPilotRow(row.values, { line: row.line, today: run.today, rules: run.rules, span: run.span });
  const [first, ...others] = check.problems;
  if (first || !check.holder) {
    if (first) skipRow(run, others.length > 0 ? { ...first, message: `${first.message} (and ${others.length} more problem${others.length > 1 ? 's' : ''} on this row)` } : first);
    return;
  }
  const duplicate = run.duplicateOf(check.holder, row.line);
  if (duplicate) return skipRow(run, duplicate);
  let outcome: RowOutcome;
  try {
    outcome = await importHolder(run.db, check.holder, { ...run.context, line: row.line });
  } catch (err) {
    throw stopped(row.line, err, run.dryRun);
  }
  record(run, outcome, check);
}

/** Reports a skipped row; the log line has its line, code and column only. */
function skipRow(run: ImportRun, issue: SkipIssue): void {
  run.report.skipped.push(issue);
  run.options.logger?.debug({ line: issue.line, code: issue.code, column: issue.column }, 'pilot row skipped');
}

/** Counts a holder imported (with the row's warnings), or a skip and perhaps an announcement. Ids are kept outside a dry run only. */
function record(run: ImportRun, outcome: RowOutcome, check: RowCheck): void {
  const { report, dryRun } = run;
  if ('skip' in outcome) {
    skipRow(run, outcome.skip);
    if (outcome.announcedNomadId) {
      report.announced += 1;
      if (!dryRun) report.announcedNomadIds.push(outcome.announcedNomadId);
    }
    return;
  }
  report.imported += 1;
  if (!dryRun) report.importedNomadIds.push(outcome.nomadId);
  report.warnings.push(...check.warnings);
}

/**
 * Remembers the first line of each passport and PIN among the rows that passed the checks: a
 * later duplicate is reported as such on every run, not as ALREADY_IMPORTED after the first.
 */
function duplicateFinder(): (holder: PilotHolder, line: number) => SkipIssue | null {
  const passportLines = new Map<string, number>();
  const pinLines = new Map<string, number>();
  return (holder, line) => {
    const passportKey = `${holder.passportCountry} ${holder.passportNumber}`;
    const earlier = passportLines.get(passportKey);
    if (earlier !== undefined) {
      return { line, code: SkipCode.DUPLICATE_IN_FILE, column: 'passport_number', message: `Passport ${holder.passportCountry} ${maskPassport(holder.passportNumber)} is also on line ${earlier}; only the first row counts.` };
    }
    passportLines.set(passportKey, line);
    if (holder.pin === null) return null;
    const pinEarlier = pinLines.get(holder.pin);
    if (pinEarlier !== undefined) {
      return { line, code: SkipCode.DUPLICATE_IN_FILE, column: 'pin', message: `The same pin is also on line ${pinEarlier} (another passport); only the first row counts.` };
    }
    pinLines.set(holder.pin, line);
    return null;
  };
}
