import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import setupDatabase from '@nomad/kit/testing/global-setup';
import { DEV_GATEWAY_SECRET, type Role } from '@nomad/kit';
import { startGraph, token, type TestGraph } from '../src/harness.ts';
import { SUBMIT, validApplication } from '../src/fixtures.ts';
import { PROGRAM_SEEDERS } from '../src/program.ts';
import { SUPERGRAPH_PATH } from '@nomad/schema';
import { hive, stockApollo, type Contender, type Subgraphs } from './contenders.ts';
import { drive } from './drive.ts';
import { mustSucceed, START_REVIEW } from './workloads.ts';

/**
 * Where the scoreboard's contenders run (scoreboard.ts): each in its own process over the
 * built stack (process-stage.ts, the default), or all in this one process with the harness's
 * subgraphs (`BENCH_STACK=in-process`, below).
 */
export interface Stage {
  /** The world measured, for the report. */
  world: string;
  /** How and where the contenders and subgraphs run, for the report. */
  setting: string;
  /** Our gateway's GraphQL endpoint. */
  ours: string;
  /** The other gateways, started over `subgraphs`. */
  others: Contender[];
  subgraphs: Subgraphs;
  /** A token the subgraphs accept; `nomadId` for a nomad's own. */
  token(roles: Role[], claims?: { nomadId?: string }): Promise<string>;
  /** The migration subgraph's database, to pick the nomads the reads ask for. */
  migrationSql: postgres.Sql;
  /** So far, every subgraph together: SQL statements run for GraphQL operations, GraphQL requests answered. */
  counters(): Promise<{ sql: number; fetches: number }>;
  /** `count` applications under review whose screening cleared: ready to approve. Outside the timing. */
  approvable(officer: string, count: number): Promise<string[]>;
  /** Resident memory now, by process or group of processes (bytes). */
  memory(): { name: string; processes: number; rss: number }[];
  /** Stops everything it started (also after a failure). */
  stop(): Promise<void>;
}

/** The program's day (`npm run seed:large`'s and `bench -- statistics`'), and the harness's. */
export const PROGRAM_DAY = '2026-11-24';

/** A counter of every subgraph's Prometheus registry, summed. */
async function metricTotal(graph: TestGraph, name: string): Promise<number> {
  let total = 0;
  for (const agency of Object.values(graph.agencies)) {
    const value = await agency.server.registry.getSingleMetric(name)?.get();
    total += value?.values.reduce((sum, v) => sum + v.value, 0) ?? 0;
  }
  return total;
}

/**
 * Applications under review with the screening cleared, one per new nomad: submitted and put
 * under review through our gateway, the clearance delivered as GKNB's relay would. Every
 * event is delivered afterwards, so that the timed part does not carry the preparation's.
 */
async function approvableInProcess(graph: TestGraph, officer: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  const send = async (who: string, query: string, variables: Record<string, unknown>) => {
    const res = await graph.request(who, query, variables);
    return { status: res.status, text: res.text };
  };
  await drive(4, count, async () => {
    const nomad = await token(['nomad'], { nomadId: randomUUID() });
    const id = mustSucceed(await send(nomad, SUBMIT, { input: validApplication() }), 'a submission').submitApplication!.application.id;
    mustSucceed(await send(officer, START_REVIEW, { input: { applicationId: id } }), 'startReview');
    const status = await graph.deliverToMigration('ScreeningConcluded', id, { applicationId: id, screeningId: randomUUID(), outcome: 'CLEARED', concludedAt: new Date().toISOString() });
    if (status !== 200) throw new Error(`preparing the write mix: the clearance of ${id} was answered ${status}`);
    ids.push(id);
  });
  await graph.flushEvents();
  return ids;
}

/**
 * Everything in this process (`BENCH_STACK=in-process`): the harness's four subgraphs and our
 * gateway, on the program in `program` (kept) or a world of `nomads` seeded in every agency
 * (dropped after), and the other gateways beside them.
 */
export async function startInProcessStage(program: string | undefined, nomads: number): Promise<Stage> {
  const teardown = program ? undefined : await setupDatabase();
  const graph = program
    ? await startGraph({ today: PROGRAM_DAY, databaseUrls: Object.fromEntries(PROGRAM_SEEDERS.map((s) => [s.agency, program])), autoSeal: true })
    : await startGraph({ seed: true, ...(nomads === 400 ? {} : { seedNomads: nomads }), autoSeal: true });
  const urls = Object.fromEntries(Object.entries(graph.agencies).map(([name, a]) => [name, a.server.url]));
  const subgraphs: Subgraphs = { urls, supergraphPath: SUPERGRAPH_PATH, credentials: Object.fromEntries(Object.keys(urls).map((name) => [name, DEV_GATEWAY_SECRET])) };
  const others: Contender[] = [];
  const stop = async () => {
    for (const c of others) await c.stop().catch(() => undefined);
    await graph.stop();
    await teardown?.();
  };
  try {
    others.push(await stockApollo(subgraphs), await hive(subgraphs, false), await hive(subgraphs, true));
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    world: program ? `the program in \`BENCH_PROGRAM_DATABASE_URL\` (its day ${PROGRAM_DAY})` : `${nomads} nomads seeded in every agency`,
    setting: 'every contender in this one process with the four subgraphs and their PostgreSQL clients (the harness, `BENCH_STACK=in-process`)',
    ours: graph.gateway.url,
    others,
    subgraphs,
    token,
    migrationSql: graph.migration.database.client,
    counters: async () => ({ sql: await metricTotal(graph, 'nomad_sql_statements_total'), fetches: await metricTotal(graph, 'nomad_graphql_operations_total') }),
    approvable: (officer, count) => approvableInProcess(graph, officer, count),
    memory: () => [{ name: 'everything (one process)', processes: 1, rss: process.memoryUsage().rss }],
    stop,
  };
}
