import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type postgres from 'postgres';

/** What `npm run seed:large` asks of every agency's bulk writer. */
export interface ProgramSeedOptions {
  /** Bishkek "today" of the sample world. */
  today: string;
  nomads: number;
  /** How many years the program has run (`sampleWorld({ years })`). */
  years: number;
  /** The world's random seed. @default the sample's */
  seed?: number;
  /** Nomads drawn and written per chunk: what is held in memory at once. */
  chunkSize: number;
  /** Called after each chunk is written, with the nomads done so far. */
  onChunk?: (nomadsDone: number) => void;
}

/** Rows written per table (its SQL name). */
export type RowCounts = Record<string, number>;

/**
 * An agency's part of the large sample program (`npm run seed:large`, issue 16): drawn from
 * the same world as every other agency's (same nomad ids, PINs and facts), written in bulk.
 */
export interface ProgramSeeder {
  agency: string;
  /** Where its migrations are (the seeder migrates as the service would). */
  migrationsFolder: string;
  /** The tables the program fills, parents first: counted before, emptied by `--replace` (children first). */
  tables: readonly PgTable[];
  /**
   * Writes the program into an empty agency on `conn`, one connection inside one transaction;
   * `pool` (the agency's pool, outside that transaction) is for reading its rule tables.
   */
  write(conn: postgres.ReservedSql, options: ProgramSeedOptions, pool: postgres.Sql): Promise<RowCounts>;
}

function qualified(table: PgTable): string {
  const { name, schema } = getTableConfig(table);
  return `${schema ? `"${schema}".` : ''}"${name}"`;
}

/** Rows already in the program's tables, per table (0 everywhere: empty). */
export async function programRows(sql: postgres.Sql, seeder: ProgramSeeder): Promise<RowCounts> {
  const counts: RowCounts = {};
  for (const table of seeder.tables) {
    const [row] = await sql.unsafe<{ n: number }[]>(`select count(*)::int as n from ${qualified(table)}`);
    counts[getTableConfig(table).name] = row?.n ?? 0;
  }
  return counts;
}

/**
 * Empties the program's tables (`--replace`) with one TRUNCATE, which append-only tables'
 * row triggers do not stop; tables referencing them (family members, passport history) go
 * with them (CASCADE). Rule tables, migrations, the event tables and the access ledger are
 * kept. Needs the TRUNCATE privilege: the schema's owner, not the runtime role.
 */
export async function clearProgram(conn: postgres.ReservedSql, seeder: ProgramSeeder): Promise<void> {
  await conn.unsafe(`truncate table ${seeder.tables.map(qualified).join(', ')} cascade`);
}

/**
 * VACUUM ANALYZE of the program's tables after a bulk load (outside a transaction): the
 * planner's statistics, and the visibility map that lets it answer from an index alone.
 */
export async function analyzeProgram(sql: postgres.Sql, seeder: ProgramSeeder): Promise<void> {
  await sql.unsafe(`vacuum (analyze) ${seeder.tables.map(qualified).join(', ')}`);
}

/** Runs `work` in one transaction on one reserved connection (COPY and drizzle alike), committed or rolled back. */
export async function inReservedTransaction<T>(client: postgres.Sql, work: (conn: postgres.ReservedSql) => Promise<T>): Promise<T> {
  const conn = await client.reserve();
  try {
    await conn`begin`;
    try {
      const out = await work(conn);
      await conn`commit`;
      return out;
    } catch (err) {
      await conn`rollback`.catch(() => undefined);
      throw err;
    }
  } finally {
    conn.release();
  }
}
