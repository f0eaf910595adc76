/**
 * The accounting of `npm run bench -- cpu` (test/bench/cpu.ts): CPU time per process between
 * two reads of /proc, attributed to a cell of the table (one endpoint, every round), and the
 * table and the conclusions printed from it. Pure, so that what the figures claim is tested.
 */

import { median } from './scoreboard-report.ts';

/** The load driver's row: the bench's own process, counted during the requests only. */
export const DRIVER = 'load driver';
/** The row of the gateway a cell's requests went through, whichever it is. */
export const GATEWAY = 'the gateway';
/** Every other gateway's row, summed: at rest during the cell, it should be near zero once the idle rate is off. */
export const OTHER_GATEWAYS = 'the other gateways';

/** Each process's part and CPU time so far (ms), and when that was read. */
export interface Snapshot {
  at: number;
  byPid: Map<number, { part: string; ms: number }>;
}

/**
 * The CPU each part spent between two snapshots: a process in both counts its difference, one
 * started since counts whole. One that ended in between (a pooled connection's backend closed
 * when idle) is lost: /proc no longer has its time, and its earlier time is not subtracted.
 */
export function spent(from: Snapshot, to: Snapshot): Map<string, number> {
  const parts = new Map<string, number>();
  for (const [pid, { part, ms }] of to.byPid) parts.set(part, (parts.get(part) ?? 0) + ms - (from.byPid.get(pid)?.ms ?? 0));
  return parts;
}

/** The sum of a map's values (ms of every part). */
export const sumOf = (parts: Map<string, number>): number => [...parts.values()].reduce((sum, ms) => sum + ms, 0);

/**
 * Each part's rate at rest (ms of CPU per ms) from several windows with no request: per part,
 * the median of its rate over the windows, so that one busy window (a service still finishing
 * its start, a vacuum) does not stand for rest, nor one quiet window for a periodic task. A part
 * missing from a window counts 0 there.
 */
export function restRates(windows: { span: number; spent: Map<string, number> }[]): Map<string, number> {
  const parts = new Set(windows.flatMap((w) => [...w.spent.keys()]));
  return new Map([...parts].map((part) => [part, median(windows.map((w) => (w.spent.get(part) ?? 0) / w.span))]));
}

/** One endpoint's cell, over every round: its requests, their time, errors and the CPU (ms) each part spent on them, the gateway it went through as GATEWAY. */
export interface CpuCell {
  endpoint: string;
  requests: number;
  elapsed: number;
  errors: number;
  ms: Map<string, number>;
}

/**
 * Adds one round's CPU to its cell, by row: each part of `during` with the idle rate taken off
 * over the round's span, the endpoint's gateway as GATEWAY, every other gateway (of `gateways`)
 * summed as OTHER_GATEWAYS; and `driver`, what the driver spent during the requests alone (a
 * DRIVER part of `during`, which covers its settling too, is not its own).
 */
export function addRound(cell: CpuCell, gateways: Set<string>, during: Map<string, number>, driver: number, idle: Map<string, number>, span: number): void {
  for (const [part, ms] of during) {
    if (part === DRIVER) continue;
    const row = part === cell.endpoint ? GATEWAY : gateways.has(part) ? OTHER_GATEWAYS : part;
    cell.ms.set(row, (cell.ms.get(row) ?? 0) + ms - (idle.get(part) ?? 0) * span);
  }
  cell.ms.set(DRIVER, (cell.ms.get(DRIVER) ?? 0) + driver);
}

const fixed = (value: number | undefined) => (value === undefined ? '—' : value.toFixed(2));
/**
 * A cell's CPU per request of one row, or in all: every row but OTHER_GATEWAYS, whose gateways
 * were at rest and did none of the cell's work (when they do something now and then, it is
 * shown on its row and left out of the total).
 */
const perRequest = (cell: CpuCell, row?: string) => (row === undefined ? sumOf(cell.ms) - (cell.ms.get(OTHER_GATEWAYS) ?? 0) : (cell.ms.get(row) ?? 0)) / cell.requests;
const rate = (cell: CpuCell) => cell.requests / cell.elapsed;

/** A cell group as a markdown table: a column per endpoint, a row per part (the gateway first, the total last). */
export function cellTable(cells: CpuCell[]): string {
  const rows = [...new Set(cells.flatMap((c) => [...c.ms.keys()]))].sort((a, b) => (a === GATEWAY ? -1 : b === GATEWAY ? 1 : a.localeCompare(b)));
  const lines = [
    `| ms of CPU per request | ${cells.map((c) => c.endpoint).join(' | ')} |`,
    `|---|${cells.map(() => '---|').join('')}`,
    `| requests/s (errors) | ${cells.map((c) => `${rate(c).toFixed(0)} (${c.errors})`).join(' | ')} |`,
    ...rows.map((row) => `| ${row} | ${cells.map((c) => (c.ms.has(row) ? fixed(perRequest(c, row)) : '—')).join(' | ')} |`),
    `| total, without ${OTHER_GATEWAYS} | ${cells.map((c) => fixed(perRequest(c))).join(' | ')} |`,
  ];
  return lines.join('\n');
}

/** The share of a cell's total above which OTHER_GATEWAYS' row is called out: gateways at rest should cost nothing. */
const OTHERS_NOTICE = 0.05;

/**
 * What a cell group says, on a machine of `cores` cores (their CPU, `cores` × 1,000 ms a second,
 * bounds every throughput whatever the run waits on):
 * - the share of the cores ours used (near 1: the run was CPU-bound);
 * - each other gateway's own CPU per request, and the whole machine's, over ours;
 * - the most ours could serve with a gateway that cost nothing (the cores' CPU over the rest of
 *   its request), and that over each other endpoint's measured throughput: the highest ratio
 *   over it any gateway could reach in this run;
 * - with the floor (`floorName`, the subgraph alone): how much CPU a request through a gateway
 *   may cost the machine, at most, for 0.8 of the floor's throughput, against the floor's own.
 * Nothing without `oursName`'s cell.
 */
export function cellSummary(cells: CpuCell[], oursName: string, floorName: string, cores: number): string[] {
  const ours = cells.find((c) => c.endpoint === oursName);
  if (!ours) return [];
  const capacity = cores * 1_000;
  const gateway = perRequest(ours, GATEWAY);
  const total = perRequest(ours);
  const rest = total - gateway;
  const others = cells.filter((c) => c !== ours && c.endpoint !== floorName);
  const lines = [
    `ours used ${((rate(ours) * total) / capacity).toFixed(2)} of the ${cores} cores' CPU (1: the run was CPU-bound)`,
    `each gateway's own CPU per request over ours (${fixed(gateway)} ms): ${others.map((c) => `${c.endpoint} ${(perRequest(c, GATEWAY) / gateway).toFixed(2)}×`).join(', ')}`,
    `the whole machine's CPU per request over ours (${fixed(total)} ms): ${others.map((c) => `${c.endpoint} ${(perRequest(c) / total).toFixed(2)}×`).join(', ')}`,
  ];
  if (rest > 0) {
    const most = capacity / rest;
    const over = cells.filter((c) => c !== ours).map((c) => `${c.endpoint} ${(most / rate(c)).toFixed(2)}×`);
    lines.push(`with a gateway that cost nothing ours could serve at most ${most.toFixed(0)} req/s (${fixed(rest)} ms of the rest of a request): over each endpoint's rate, ${over.join(', ')}`);
  }
  const floor = cells.find((c) => c.endpoint === floorName);
  if (floor) {
    const allowed = capacity / (0.8 * rate(floor));
    lines.push(
      `0.8 of the floor's ${rate(floor).toFixed(0)} req/s leaves a request through a gateway at most ${fixed(allowed)} ms of CPU: ${fixed(allowed - perRequest(floor))} ms more than the floor's own ${fixed(perRequest(floor))} (our gateway alone: ${fixed(gateway)})`,
    );
  }
  for (const c of cells) {
    const idleOthers = perRequest(c, OTHER_GATEWAYS);
    if (idleOthers > OTHERS_NOTICE * perRequest(c)) lines.push(`${c.endpoint}: the other gateways, at rest, spent ${fixed(idleOthers)} ms per request meanwhile (left out of its total)`);
  }
  return lines;
}
