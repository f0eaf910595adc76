import { getTableColumns, type Column, type InferInsertModel } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type postgres from 'postgres';

/** Quotes an identifier for PostgreSQL (`"a""b"`). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** One value in COPY's text format: `\N` for null, backslash escapes for the rest. */
function copyText(column: Column, value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const driver: unknown = column.mapToDriverValue(value);
  const text =
    typeof driver === 'string'
      ? driver
      : typeof driver === 'boolean'
        ? driver
          ? 't'
          : 'f'
        : driver instanceof Date
          ? driver.toISOString()
          : typeof driver === 'number' || typeof driver === 'bigint'
            ? String(driver)
            : JSON.stringify(driver);
  return text.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'));
}

/** A column's literal Drizzle default (`.default(false)`), or undefined when it has none or its default is SQL. */
export function literalDefaultOf(column: Column): unknown {
  const value: unknown = column.default;
  return typeof value !== 'object' || value === null || Array.isArray(value) ? value : undefined;
}

/** A column's value for a row that leaves it out: drizzle's `$defaultFn` or literal default, else null. */
function defaultOf(column: Column): unknown {
  if (column.defaultFn) return column.defaultFn();
  const literal = literalDefaultOf(column);
  if (literal !== undefined) return literal;
  if (column.notNull) {
    throw new Error(`copyRows: ${column.name} is left out of some rows but not others, and its default is SQL: give it in every row or in none`);
  }
  return null;
}

/** Rows per COPY data message: big enough to keep the stream busy, small enough to stay out of the way. */
const ROWS_PER_WRITE = 2000;

/**
 * Bulk-loads `rows` (drizzle insert shapes of `table`) with one `COPY … FROM STDIN`: for the
 * large sample (`npm run seed:large`), where multi-row INSERTs would spend their time building
 * SQL. The columns are those given in any row (the others take their database default);
 * values go through each column's own driver mapping (jsonb, arrays, dates) as an INSERT's
 * would. Runs on `sql` (a pool or a transaction). Returns the rows written.
 */
export async function copyRows<T extends PgTable>(sql: postgres.Sql | postgres.TransactionSql, table: T, rows: readonly InferInsertModel<T>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const byKey = getTableColumns(table) as Record<string, Column>;
  const given = new Set<string>();
  for (const row of rows) for (const [key, value] of Object.entries(row)) if (value !== undefined) given.add(key);
  const columns = Object.entries(byKey).filter(([key]) => given.has(key));
  // A missing value that cannot be filled fails here, before the COPY starts.
  const defaults = new Map<string, () => unknown>();
  for (const [key, column] of columns) {
    if (rows.some((row) => (row as Record<string, unknown>)[key] === undefined)) {
      defaultOf(column);
      defaults.set(key, () => defaultOf(column));
    }
  }
  const { name, schema } = getTableConfig(table);
  const target = `${schema ? `${quoteIdent(schema)}.` : ''}${quoteIdent(name)}`;
  const stream = await sql.unsafe(`copy ${target} (${columns.map(([, c]) => quoteIdent(c.name)).join(', ')}) from stdin`).writable();
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  try {
    for (let start = 0; start < rows.length; start += ROWS_PER_WRITE) {
      let chunk = '';
      for (const row of rows.slice(start, start + ROWS_PER_WRITE)) {
        const record = row as Record<string, unknown>;
        chunk += `${columns.map(([key, c]) => copyText(c, record[key] === undefined ? defaults.get(key)?.() : record[key])).join('\t')}\n`;
      }
      if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', resolve));
    }
  } catch (err) {
    // A value that does not map ends the COPY with the error (nothing of it is kept).
    stream.destroy(err instanceof Error ? err : new Error(String(err)));
    await done.catch(() => undefined);
    throw err;
  }
  stream.end();
  await done;
  return rows.length;
}
