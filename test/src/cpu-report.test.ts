import { describe, expect, it } from 'vitest';
import { addRound, cellSummary, cellTable, DRIVER, GATEWAY, OTHER_GATEWAYS, restRates, spent, sumOf, type CpuCell, type Snapshot } from './cpu-report.ts';

const snap = (at: number, entries: [pid: number, part: string, ms: number][]): Snapshot => ({ at, byPid: new Map(entries.map(([pid, part, ms]) => [pid, { part, ms }])) });
const cell = (endpoint: string, requests: number, elapsed: number, ms: Record<string, number>): CpuCell => ({ endpoint, requests, elapsed, errors: 0, ms: new Map(Object.entries(ms)) });
const GATEWAYS = new Set(['ours', 'stock Apollo', 'Hive']);

describe('the cpu bench accounting', () => {
  it("sums each part's processes between two snapshots, a process started since counting whole", () => {
    const from = snap(0, [
      [1, 'ours', 100],
      [2, 'PostgreSQL', 50],
      [3, 'PostgreSQL', 70],
    ]);
    const to = snap(1_000, [
      [1, 'ours', 160],
      [2, 'PostgreSQL', 55],
      [3, 'PostgreSQL', 80],
      [4, 'PostgreSQL', 12],
    ]);
    expect(spent(from, to)).toEqual(
      new Map([
        ['ours', 60],
        ['PostgreSQL', 27],
      ]),
    );
    expect(sumOf(spent(from, to))).toBe(87);
  });

  it("takes the idle rate off over the round's span, names the cell's gateway, and sums the others", () => {
    const c = cell('stock Apollo', 0, 0, {});
    const during = new Map([
      ['stock Apollo', 700],
      ['ours', 30],
      ['Hive', 25],
      ['subgraph migration', 400],
      [DRIVER, 999],
    ]);
    const idle = new Map([
      ['ours', 0.01],
      ['Hive', 0.01],
      ['subgraph migration', 0.05],
    ]);
    addRound(c, GATEWAYS, during, 120, idle, 2_000);
    // The driver counts what it spent during the requests, not its settling.
    expect(c.ms).toEqual(
      new Map([
        [GATEWAY, 700],
        [OTHER_GATEWAYS, 15],
        ['subgraph migration', 300],
        [DRIVER, 120],
      ]),
    );
    addRound(c, GATEWAYS, new Map([['stock Apollo', 300]]), 0, idle, 1_000);
    expect(c.ms.get(GATEWAY)).toBe(1_000);
  });

  it('prints a column per endpoint, the gateway first, a dash where a part had no process, and the total', () => {
    const table = cellTable([cell('ours', 100, 2, { [GATEWAY]: 200, 'subgraph migration': 300 }), cell('subgraph alone', 100, 1, { 'subgraph migration': 250 })]).split('\n');
    expect(table).toEqual([
      '| ms of CPU per request | ours | subgraph alone |',
      '|---|---|---|',
      '| requests/s (errors) | 50 (0) | 100 (0) |',
      '| the gateway | 2.00 | — |',
      '| subgraph migration | 3.00 | 2.50 |',
      '| total | 5.00 | 2.50 |',
    ]);
  });

  it("compares each gateway's own CPU and the whole machine's with ours, the floor's, and bounds a free gateway", () => {
    const cells = [
      cell('ours', 100, 1, { [GATEWAY]: 100, 'subgraph migration': 300 }),
      cell('stock Apollo', 100, 2, { [GATEWAY]: 250, 'subgraph migration': 350 }),
      cell('subgraph alone', 100, 0.5, { 'subgraph migration': 200 }),
    ];
    expect(cellSummary(cells, 'ours', 'subgraph alone')).toEqual([
      "each gateway's own CPU per request over ours (1.00 ms): stock Apollo 2.50×",
      "the whole machine's CPU per request over ours (4.00 ms): stock Apollo 1.50×",
      "the subgraph alone's CPU per request over ours: 0.50 (the most of the floor's throughput ours could reach, if the run is CPU-bound)",
      'a gateway that cost nothing: at most 133 req/s (1.33 times ours), if the run is CPU-bound',
    ]);
    expect(cellSummary(cells.slice(1), 'ours', 'subgraph alone')).toEqual([]);
  });
});

describe('the rest rates', () => {
  it("takes each part's median rate over the windows, a part missing from one counting 0 there", () => {
    const window = (span: number, parts: Record<string, number>) => ({ span, spent: new Map(Object.entries(parts)) });
    const rates = restRates([window(1_000, { gateway: 10, postgres: 900 }), window(2_000, { gateway: 40, postgres: 20 }), window(1_000, { postgres: 30 })]);
    // A vacuum's busy window does not stand for rest.
    expect(rates).toEqual(
      new Map([
        ['gateway', 0.01],
        ['postgres', 0.03],
      ]),
    );
  });
});
