import { getTableColumns, sql, type Column, type InferInsertModel } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './database.ts';
import { literalDefaultOf, quoteIdent } from './copy.ts';

type AnyExecutor = Executor<Record<string, unknown>>;

/** A column the statement writes: its key in a row, and its Drizzle definition (name in the JSON, SQL type, default). */
interface JsonColumn {
  key: string;
  column: Column;
}

/**
 * Writes rows of `table` with one INSERT whose text never changes (`insert … select … from
 * jsonb_to_recordset($1)`): the rows travel as one JSON parameter, so PostgreSQL parses and
 * plans the statement once per connection whatever the number of rows, and building it costs
 * one `JSON.stringify`, where a multi-row Drizzle INSERT builds a placeholder per value (for
 * the access log, a fifth of a subgraph's time on a list of 50 nomads).
 *
 * Every column but those in `omit` (left to their database defaults and triggers) is written;
 * a row without a value takes the column's literal Drizzle default, else null. Values must be
 * what JSON carries into the column's type: strings, numbers, booleans, arrays of them (into
 * `text[]`), ISO timestamps, null.
 */
export function jsonRowsInsert<TTable extends PgTable>(table: TTable, omit: readonly string[]) {
  const { name, schema } = getTableConfig(table);
  const all = getTableColumns(table) as Record<string, Column>;
  for (const key of omit) if (!Object.hasOwn(all, key)) throw new Error(`jsonRowsInsert: ${name} has no column ${key} to leave out`);
  const target = `${schema ? `${quoteIdent(schema)}.` : ''}${quoteIdent(name)}`;
  const columns: JsonColumn[] = Object.entries(all)
    .filter(([key]) => !omit.includes(key))
    .map(([key, column]) => ({ key, column }));
  if (columns.length === 0) throw new Error(`jsonRowsInsert: ${name} has no column left to write`);
  const list = columns.map(({ column }) => quoteIdent(column.name)).join(', ');
  const definitions = columns.map(({ column }) => `${quoteIdent(column.name)} ${column.getSQLType()}`).join(', ');
  const head = sql.raw(`insert into ${target} (${list}) select ${list} from jsonb_to_recordset(`);
  const tail = sql.raw(`::jsonb) as r(${definitions})`);
  return async (db: AnyExecutor, rows: readonly InferInsertModel<TTable>[]): Promise<void> => {
    if (rows.length === 0) return;
    const values = rows.map((row) => {
      const record = row as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const { key, column } of columns) out[column.name] = record[key] === undefined ? (literalDefaultOf(column) ?? null) : record[key];
      return out;
    });
    await db.execute(sql`${head}${JSON.stringify(values)}${tail}`);
  };
}
