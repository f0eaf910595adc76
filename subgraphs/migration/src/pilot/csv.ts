/**
 * A small RFC 4180 reader: enough for the files a registry exports (Excel "CSV UTF-8",
 * LibreOffice, scripts), without a dependency. Pure: text in, records out.
 *
 * - fields are separated by `,`; records by CRLF, LF or a lone CR (old spreadsheets);
 * - a field in double quotes may hold commas, line breaks and `""` (one quote);
 * - a byte-order mark at the start is dropped (Excel writes one);
 * - a line with no characters at all is not a record (a trailing newline, a blank line
 *   between rows), so it is neither data nor an error.
 *
 * Spaces or tabs around a quoted field are tolerated (hand-edited files have them) and
 * dropped. Other malformed quoting (text after a closing quote, a quote inside an unquoted
 * field, a quote left open) is a `CsvError` naming the line: guessing would shift values
 * into the wrong columns, which for identity data is worse than refusing the file.
 */

export class CsvError extends Error {
  override name = 'CsvError';
  constructor(
    /** 1-based line of the file where the problem is. */
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export interface CsvRecord {
  /** 1-based line where the record starts (a quoted line break makes a record span lines). */
  line: number;
  fields: string[];
}

const QUOTE = '"';
const COMMA = ',';
const CR = '\r';
const LF = '\n';
const BLANK = /^[ \t]*$/;

/** Every record of `text`, in order. Throws `CsvError` on malformed quoting. */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  // Whether the current record has any character yet: an empty line is skipped, not read as one empty field.
  let recordStarted = false;
  let i = 0;

  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    if (recordStarted) {
      endField();
      records.push({ line: recordLine, fields });
    }
    fields = [];
    field = '';
    recordStarted = false;
  };
  /** Consumes a line break at `i` (CRLF, LF or CR); returns whether there was one. */
  const lineBreak = (): boolean => {
    const c = input[i];
    if (c === CR) {
      i += input[i + 1] === LF ? 2 : 1;
    } else if (c === LF) {
      i += 1;
    } else {
      return false;
    }
    line += 1;
    return true;
  };

  while (i < input.length) {
    if (!recordStarted) recordLine = line;
    if (lineBreak()) {
      endRecord();
      continue;
    }
    const c = input[i];
    recordStarted = true;
    if (c === QUOTE) {
      if (!BLANK.test(field)) throw new CsvError(line, 'a quote inside an unquoted field (quote the whole field and double the quote)');
      field = '';
      const openedOn = line;
      i += 1;
      for (;;) {
        if (i >= input.length) throw new CsvError(openedOn, 'a quoted field is never closed');
        const q = input[i];
        if (q === QUOTE) {
          if (input[i + 1] === QUOTE) {
            field += QUOTE;
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (q === CR || q === LF) {
          // A line break inside quotes is data; normalise it so the value does not depend on the exporter.
          lineBreak();
          field += LF;
          continue;
        }
        field += q;
        i += 1;
      }
      while (input[i] === ' ' || input[i] === '\t') i += 1;
      const next = input[i];
      if (next !== undefined && next !== COMMA && next !== CR && next !== LF) {
        throw new CsvError(line, 'text after a closing quote (a quote inside a quoted field must be doubled)');
      }
      continue;
    }
    if (c === COMMA) {
      endField();
      i += 1;
      continue;
    }
    field += c;
    i += 1;
  }
  endRecord();
  return records;
}

export interface CsvTable {
  /** The first record: the column names as written. */
  header: CsvRecord;
  /** Every record after the header. */
  records: CsvRecord[];
}

/** Splits `text` into its header and data records. Throws `CsvError` when there is no header. */
export function readCsvTable(text: string): CsvTable {
  const [header, ...records] = parseCsv(text);
  if (!header) throw new CsvError(1, 'the file is empty: expected a header row');
  return { header, records };
}
