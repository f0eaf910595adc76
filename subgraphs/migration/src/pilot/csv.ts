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
  return new CsvScanner(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).read();
}

/** One pass over the text: the position, the line, and the record being built. */
class CsvScanner {
  private readonly records: CsvRecord[] = [];
  private fields: string[] = [];
  private field = '';
  private line = 1;
  private recordLine = 1;
  /** Whether the current record has any character yet: an empty line is skipped, not read as one empty field. */
  private recordStarted = false;
  private i = 0;

  constructor(private readonly input: string) {}

  /** Every record, the last one ended by the end of the text. */
  read(): CsvRecord[] {
    while (this.i < this.input.length) this.step();
    this.endRecord();
    return this.records;
  }

  /** One step: a line break, a quoted field, a comma, or one character of an unquoted field. */
  private step(): void {
    if (!this.recordStarted) this.recordLine = this.line;
    if (this.lineBreak()) {
      this.endRecord();
      return;
    }
    const c = this.input[this.i];
    this.recordStarted = true;
    if (c === QUOTE) {
      this.quotedField();
    } else if (c === COMMA) {
      this.endField();
      this.i += 1;
    } else {
      this.field += c;
      this.i += 1;
    }
  }

  /** A field in double quotes, from its opening quote to the comma or line break after it. */
  private quotedField(): void {
    if (!BLANK.test(this.field)) throw new CsvError(this.line, 'a quote inside an unquoted field (quote the whole field and double the quote)');
    this.field = '';
    const openedOn = this.line;
    this.i += 1;
    while (!this.quotedCharacter(openedOn));
    while (this.input[this.i] === ' ' || this.input[this.i] === '\t') this.i += 1;
    const next = this.input[this.i];
    if (next !== undefined && next !== COMMA && next !== CR && next !== LF) {
      throw new CsvError(this.line, 'text after a closing quote (a quote inside a quoted field must be doubled)');
    }
  }

  /** Reads one character (or `""`, or a line break) inside quotes; returns true at the closing quote. */
  private quotedCharacter(openedOn: number): boolean {
    const { input } = this;
    if (this.i >= input.length) throw new CsvError(openedOn, 'a quoted field is never closed');
    const q = input[this.i];
    if (q === QUOTE) {
      if (input[this.i + 1] === QUOTE) {
        this.field += QUOTE;
        this.i += 2;
        return false;
      }
      this.i += 1;
      return true;
    }
    if (q === CR || q === LF) {
      // A line break inside quotes is data; normalise it so the value does not depend on the exporter.
      this.lineBreak();
      this.field += LF;
      return false;
    }
    this.field += q;
    this.i += 1;
    return false;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
  }

  /** Ends the record at hand; a line with no characters at all is no record. */
  private endRecord(): void {
    if (this.recordStarted) {
      this.endField();
      this.records.push({ line: this.recordLine, fields: this.fields });
    }
    this.fields = [];
    this.field = '';
    this.recordStarted = false;
  }

  /** Consumes a line break at the position (CRLF, LF or CR); returns whether there was one. */
  private lineBreak(): boolean {
    const c = this.input[this.i];
    if (c === CR) {
      this.i += this.input[this.i + 1] === LF ? 2 : 1;
    } else if (c === LF) {
      this.i += 1;
    } else {
      return false;
    }
    this.line += 1;
    return true;
  }
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
