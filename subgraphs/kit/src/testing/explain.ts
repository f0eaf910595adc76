import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';
import { connect, type Database } from '../db/database.ts';
import { runMigrations } from '../db/migrate.ts';
import { analyzeProgram, inReservedTransaction, type ProgramSeeder } from '../db/program-seed.ts';
import { createTestDatabase } from './database.ts';

/** A statement as a query function sent it: its SQL and parameters. */
export interface CapturedStatement {
  sql: string;
  params: unknown[];
}

/**
 * One row of an agency's EXPLAIN table (issue 16): a query function called as the service
 * calls it (a documented filter or grouping of an analysts' list or statistics field), and the
 * big tables none of its statements may read with a sequential scan.
 */
export interface ExplainCase<TDb> {
  name: string;
  run: (db: TDb) => Promise<unknown>;
  bigTables: readonly string[];
}

/**
 * Runs `run` on a drizzle database over `client` that records every statement it sends (the
 * SQL the service really runs, not a copy typed into a test).
 */
export async function captureStatements<TSchema extends Record<string, unknown>>(
  client: postgres.Sql,
  schema: TSchema,
  run: (db: PostgresJsDatabase<TSchema>) => Promise<unknown>,
): Promise<CapturedStatement[]> {
  const statements: CapturedStatement[] = [];
  const db = drizzle(client, { schema, logger: { logQuery: (sql, params) => statements.push({ sql, params }) } });
  await run(db);
  return statements;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

/** The tables a statement's plan reads with a Seq Scan (EXPLAIN, not run). */
export async function seqScannedTables(client: postgres.Sql, statement: CapturedStatement): Promise<string[]> {
  const [row] = await client.unsafe<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(`explain (format json) ${statement.sql}`, statement.params as postgres.ParameterOrJSON<never>[]);
  const out: string[] = [];
  const walk = (node: PlanNode) => {
    if (node['Node Type'] === 'Seq Scan' && node['Relation Name']) out.push(node['Relation Name']);
    for (const child of node.Plans ?? []) walk(child);
  };
  const plan = row?.['QUERY PLAN'][0]?.Plan;
  if (!plan) throw new Error(`EXPLAIN returned no plan for: ${statement.sql}`);
  walk(plan);
  return out;
}

/** What one statement of an EXPLAIN case read with a Seq Scan among the case's big tables. */
export interface BigTableScans {
  sql: string;
  scanned: string[];
}

/**
 * Runs an EXPLAIN case's query function, capturing its statements, and gives each statement's
 * Seq Scans of the case's big tables (empty: the plan reads them through indexes).
 */
export async function bigTableSeqScans<TSchema extends Record<string, unknown>>(
  client: postgres.Sql,
  schema: TSchema,
  explainCase: ExplainCase<PostgresJsDatabase<TSchema>>,
): Promise<BigTableScans[]> {
  const out: BigTableScans[] = [];
  for (const statement of await captureStatements(client, schema, explainCase.run)) {
    const scanned = (await seqScannedTables(client, statement)).filter((t) => explainCase.bigTables.includes(t));
    out.push({ sql: statement.sql, scanned });
  }
  return out;
}

/** An agency's database holding a large program, for its EXPLAIN tests. */
export interface ExplainProgram<TSchema extends Record<string, unknown>> {
  database: Database<TSchema>;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/**
 * A fresh test database for one agency, migrated, with `nomads` nomads of the large program
 * (`npm run seed:large`'s writer) over ten years up to `today`, then `extend` (rows the writer
 * does not draw), then ANALYZEd, so that plans are those of a program of that size.
 */
export async function openExplainProgram<TSchema extends Record<string, unknown>>(options: {
  seeder: ProgramSeeder;
  schema: TSchema;
  today: string;
  nomads: number;
  extend?: (client: postgres.Sql) => Promise<void>;
}): Promise<ExplainProgram<TSchema>> {
  const { seeder } = options;
  const testDb = await createTestDatabase(`${seeder.agency}_explain`);
  const database = connect(testDb.url, { agency: seeder.agency, schema: options.schema, statementTimeoutMs: 0 });
  const drop = async () => {
    await database.close();
    await testDb.drop();
  };
  try {
    await runMigrations(database, { agency: seeder.agency, migrationsFolder: seeder.migrationsFolder });
    await inReservedTransaction(database.client, (conn) => seeder.write(conn, { today: options.today, nomads: options.nomads, years: 10, chunkSize: 5000 }, database.client));
    await options.extend?.(database.client);
    await analyzeProgram(database.client, seeder);
    return { database, drop };
  } catch (err) {
    await drop().catch(() => undefined);
    throw err;
  }
}
