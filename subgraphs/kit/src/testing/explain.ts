import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';

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
