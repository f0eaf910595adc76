import { getTableColumns, sql, type Column, type InferInsertModel } from 'drizzle-orm';
import { getTableConfig, PgCustomColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './database.ts';
import { literalDefaultOf, quoteIdent } from './copy.ts';
import { getOrCreate } from '../memo.ts';
import { preparedSql } from './prepared.ts';

type AnyExecutor = Executor<Record<string, unknown>>;

/** A column the statement writes: its key in a row, and its Drizzle definition (name in the JSON, SQL type, default). */
interface JsonColumn {
  key: string;
  column: Column;
}

/** Why the JSON statement cannot write `column` as Drizzle would, or null: a value computed in JavaScript, or mapped on its way to the driver. */
function unwritableBecause(column: Column): string | null {
  const { defaultFn, onUpdateFn } = column as Column & { defaultFn?: unknown; onUpdateFn?: unknown };
  if (defaultFn !== undefined) return 'has a $defaultFn';
  if (onUpdateFn !== undefined) return 'has an $onUpdateFn';
  if (column instanceof PgCustomColumn && typeof (column as unknown as { mapTo?: unknown }).mapTo === 'function') return "is a custom type with a toDriver";
  return null;
}

/**
 * Writes rows of `table` with one INSERT whose text never changes (`insert … select … from
 * jsonb_to_recordset($1)`): the rows travel as one JSON parameter, so the statement is
 * prepared ({@link preparedSql}: PostgreSQL parses it once per connection whatever the number
 * of rows, and each write is one round trip), and building it costs one `JSON.stringify`,
 * where a multi-row Drizzle INSERT builds a placeholder per value (for the access log, a fifth
 * of a subgraph's time on a list of 50 nomads).
 *
 * Every column but those in `omit` (left to their database defaults and triggers) is written;
 * a row without a value takes the column's literal Drizzle default, else null. Values must be
 * what JSON carries into the column's type: strings, numbers, booleans, arrays of them (into
 * `text[]`), ISO timestamps, null. A column whose value Drizzle would compute or map
 * (`$defaultFn`, `$onUpdateFn`, a custom type's `toDriver`) is refused when the statement is built.
 */
export function jsonRowsInsert<TTable extends PgTable>(table: TTable, omit: readonly string[]): JsonRowsInsert<TTable> {
  // Built once per table and columns left out: callers may ask for it on every write.
  // The map of `table` holds statements of `table`'s rows only.
  const byOmit = getOrCreate(built, table, () => new Map()) as Map<string, JsonRowsInsert<TTable>>;
  return getOrCreate(byOmit, omit.join(','), () => buildJsonRowsInsert(table, omit));
}

/** The statement's runner: writes `rows` through `db` (the pool, a counted view of it, or a transaction); nothing for no row. */
export type JsonRowsInsert<TTable extends PgTable> = (db: AnyExecutor, rows: readonly InferInsertModel<TTable>[]) => Promise<void>;

const built = new WeakMap<PgTable, Map<string, JsonRowsInsert<PgTable>>>();

function buildJsonRowsInsert<TTable extends PgTable>(table: TTable, omit: readonly string[]): JsonRowsInsert<TTable> {
  const { name, schema } = getTableConfig(table);
  const all = getTableColumns(table) as Record<string, Column>;
  for (const key of omit) if (!Object.hasOwn(all, key)) throw new Error(`jsonRowsInsert: ${name} has no column ${key} to leave out`);
  const target = `${schema ? `${quoteIdent(schema)}.` : ''}${quoteIdent(name)}`;
  const columns: JsonColumn[] = Object.entries(all)
    .filter(([key]) => !omit.includes(key))
    .map(([key, column]) => ({ key, column }));
  if (columns.length === 0) throw new Error(`jsonRowsInsert: ${name} has no column left to write`);
  for (const { key, column } of columns) {
    const unwritable = unwritableBecause(column);
    if (unwritable) throw new Error(`jsonRowsInsert: ${name}.${key} ${unwritable}: Drizzle's INSERT would apply it, this statement cannot`);
  }
  const list = columns.map(({ column }) => quoteIdent(column.name)).join(', ');
  const definitions = columns.map(({ column }) => `${quoteIdent(column.name)} ${column.getSQLType()}`).join(', ');
  const run = preparedSql(
    `json_insert_${name}`,
    sql`${sql.raw(`insert into ${target} (${list}) select ${list} from jsonb_to_recordset(`)}${sql.placeholder('rows')}${sql.raw(`::jsonb) as r(${definitions})`)}`,
  );
  return async (db, rows) => {
    if (rows.length === 0) return;
    const values = rows.map((row) => {
      const record = row as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const { key, column } of columns) out[column.name] = record[key] === undefined ? (literalDefaultOf(column) ?? null) : record[key];
      return out;
    });
    await run(db, { rows: JSON.stringify(values) });
  };
}
