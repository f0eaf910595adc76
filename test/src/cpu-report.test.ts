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
    // Process 5 ended in between: /proc no longer has its time, and it is lost, not subtracted.
    from.byPid.set(5, { part: 'ours', ms: 1_000 });
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
      // Never taken off the driver, whose part is its own during the requests.
      [DRIVER, 0.5],
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

  it('gives the floor no gateway row: every gateway is another one there', () => {
    const floor = cell('subgraph alone', 0, 0, {});
    addRound(floor, GATEWAYS, new Map([['ours', 40], ['subgraph migration', 100]]), 90, new Map(), 1_000);
    expect(floor.ms).toEqual(new Map([[OTHER_GATEWAYS, 40], ['subgraph migration', 100], [DRIVER, 90]]));
  });

  it('prints a column per endpoint, the gateway first, a dash where a part had no process, errors, and the total without the gateways at rest', () => {
    const ours = cell('ours', 100, 2, { [GATEWAY]: 200, 'subgraph migration': 300, [OTHER_GATEWAYS]: 50 });
    ours.errors = 3;
    const table = cellTable([ours, cell('subgraph alone', 100, 1, { 'subgraph migration': 250, PostgreSQL: 20 })]).split('\n');
    expect(table).toEqual([
      '| ms of CPU per request | ours | subgraph alone |',
      '|---|---|---|',
      '| requests/s (errors) | 50 (3) | 100 (0) |',
      '| the gateway | 2.00 | — |',
      '| PostgreSQL | — | 0.20 |',
      '| subgraph migration | 3.00 | 2.50 |',
      '| the other gateways | 0.50 | — |',
      '| total, without the other gateways | 5.00 | 2.70 |',
    ]);
  });

  it("bounds ours by the cores' CPU with a free gateway, compares each gateway's own CPU, and says what 0.8 of the floor leaves", () => {
    const cells = [
      // Not CPU-bound (0.8 of the cores): the bound is the cores' CPU, not what the run used.
      cell('ours', 100, 0.25, { [GATEWAY]: 100, 'subgraph migration': 300 }),
      cell('stock Apollo', 100, 0.3, { [GATEWAY]: 250, 'subgraph migration': 350 }),
      cell('subgraph alone', 100, 0.1, { 'subgraph migration': 200 }),
    ];
    expect(cellSummary(cells, 'ours', 'subgraph alone', 2)).toEqual([
      "ours used 0.80 of the 2 cores' CPU (1: the run was CPU-bound)",
      "each gateway's own CPU per request over ours (1.00 ms): stock Apollo 2.50×",
      "the whole machine's CPU per request over ours (4.00 ms): stock Apollo 1.50×",
      'with a gateway that cost nothing ours could serve at most 667 req/s (3.00 ms of the rest of a request): over each endpoint\'s rate, stock Apollo 2.00×, subgraph alone 0.67×',
      "0.8 of the floor's 1000 req/s leaves a request through a gateway at most 2.50 ms of CPU: 0.50 ms more than the floor's own 2.00 (our gateway alone: 1.00)",
    ]);
    expect(cellSummary(cells.slice(1), 'ours', 'subgraph alone', 2)).toEqual([]);
  });

  it('calls out gateways at rest that spent over 5% of a cell, and bounds nothing when the gateway is the whole request', () => {
    const cells = [cell('ours', 100, 1, { [GATEWAY]: 300, [OTHER_GATEWAYS]: 16 }), cell('Hive', 100, 1, { [GATEWAY]: 300, [OTHER_GATEWAYS]: 14 })];
    const lines = cellSummary(cells, 'ours', 'subgraph alone', 2);
    expect(lines.some((l) => l.startsWith('with a gateway that cost nothing'))).toBe(false);
    expect(lines.filter((l) => l.includes('at rest'))).toEqual(['ours: the other gateways, at rest, spent 0.16 ms per request meanwhile (left out of its total)']);
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
