/** A column of the output: a leaf (or a list) of the row, named by its response keys joined with dots. */
export interface Column {
  name: string;
  path: string[];
  /** A list inside the row: a JSON text in CSV, the list itself in JSON and NDJSON. */
  list: boolean;
}

/** The value at `path` in `value`, or null where an object on the way is null or missing. */
function at(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return null;
    current = (current as Record<string, unknown>)[key];
  }
  return current === undefined ? null : current;
}

/** A row as flat columns (`nomad.citizenship`), every column present (null where the answer has none). */
export function flattenRow(value: unknown, columns: readonly Column[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const column of columns) row[column.name] = at(value, column.path);
  return row;
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or leading or
 * trailing space, quotes doubled. Null is an empty field, the empty string `""`; lists and
 * objects are their JSON text.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  if (text === '' || /[",\r\n]/.test(text) || text !== text.trim()) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

/** How each format frames the rows; byte-exact, so a resumed file is the file an uninterrupted run writes. */
export interface Framing {
  header(columns: readonly Column[]): string;
  /** `index`: the row's position in the whole output, from 0. */
  row(row: Record<string, unknown>, columns: readonly Column[], index: number): string;
  footer(rows: number): string;
}

export const FRAMING: Record<'csv' | 'json' | 'ndjson', Framing> = {
  csv: {
    header: (columns) => `${columns.map((c) => csvCell(c.name)).join(',')}\r\n`,
    row: (row, columns) => `${columns.map((c) => csvCell(row[c.name])).join(',')}\r\n`,
    footer: () => '',
  },
  json: {
    header: () => '[',
    row: (row, _columns, index) => `${index === 0 ? '\n' : ',\n'}${JSON.stringify(row)}`,
    footer: (rows) => (rows === 0 ? ']\n' : '\n]\n'),
  },
  ndjson: {
    header: () => '',
    row: (row) => `${JSON.stringify(row)}\n`,
    footer: () => '',
  },
};
