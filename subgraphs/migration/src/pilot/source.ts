import { CsvError, readCsvTable } from './csv.ts';
import { isPilotColumn, normaliseColumnName, OPTIONAL_COLUMNS, PILOT_COLUMNS, SkipCode, WarningCode, type PilotColumn, type SkipIssue, type WarningIssue } from './row.ts';

// Where a pilot import's rows come from: a CSV file's text or rows given as data.

/** One row given as data: column name (any case) → value. */
export type PilotRowInput = Readonly<Record<string, string | null | undefined>>;

/** The file cannot be read as a pilot file at all (bad CSV, missing columns): nothing was imported. */
export class PilotFileError extends Error {
  override name = 'PilotFileError';
}

export interface SourceRow {
  line: number;
  values: Partial<Record<PilotColumn, string>>;
  /** A defect of the record itself (wrong number of values): the row is skipped before any check. */
  defect?: SkipIssue;
}

/** The rows of a CSV file, with a warning per unknown header column; throws PilotFileError for an unreadable file or header. */
export function rowsFromCsv(csvText: string): { rows: SourceRow[]; warnings: WarningIssue[] } {
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

/** Rows given as data, numbered as if a header line preceded them. */
export function rowsFromData(rows: readonly PilotRowInput[]): SourceRow[] {
  return rows.map((input, i) => {
    const values: Partial<Record<PilotColumn, string>> = {};
    for (const [key, value] of Object.entries(input)) {
      const name = normaliseColumnName(key);
      if (isPilotColumn(name) && value != null) values[name] = value;
    }
    return { line: i + 2, values };
  });
}
