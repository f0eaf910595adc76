import { describe, expect, it } from 'vitest';
import { median, memoryTable, notePeaks, percentile, ratios, scoreTable, throughputSvg, workloadRatios, type Cell } from './scoreboard-report.ts';

const cell = (contender: string, rounds: number[], latencies: number[] = [10, 20, 30, 40], errors = 0, fetchesPerRequest = 4): Cell => ({
  workload: 'case view',
  clients: 10,
  contender,
  rounds,
  latencies,
  errors,
  sqlPerRequest: 11,
  fetchesPerRequest,
});

describe('the scoreboard report', () => {
  it('takes medians of odd and even counts, and nearest-rank percentiles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });

  it('puts each contender in its column, with SQL and fetches per request, errors shown, and a dash where it did not run', () => {
    const cells = [cell('ours', [100, 120, 110]), cell('Hive', [50, 40, 60], [5, 6], 3, 6.25)];
    const table = scoreTable(cells, ['ours', 'Hive', 'floor']).split('\n');
    expect(table[0]).toBe('| workload | clients | ours | Hive | floor |');
    expect(table[2]).toBe(
      '| case view | 10 | 110 req/s, p50 20.0 ms, p99 40.0 ms, 11.0 SQL/req, 4.0 fetches/req | 50 req/s, p50 5.0 ms, p99 6.0 ms, 11.0 SQL/req, 6.3 fetches/req, 3 errors | — |',
    );
  });

  it('gives one row per workload and client count', () => {
    const cells = [cell('ours', [100]), { ...cell('ours', [80]), clients: 50 }, { ...cell('ours', [30], [1], 0, 1), workload: 'write mix' }];
    const rows = scoreTable(cells, ['ours']).split('\n').slice(2);
    expect(rows.map((r) => r.split(' | ').slice(0, 2).join(' | '))).toEqual(['| case view | 10', '| case view | 50', '| write mix | 10']);
    expect(rows[2]).toContain('1.0 fetches/req');
  });

  it('gives our throughput over another contender per workload', () => {
    const cells = [cell('ours', [100, 120, 110]), cell('Hive', [50, 40, 60])];
    expect(ratios(cells, 'ours', 'Hive')).toEqual([{ workload: 'case view', clients: 10, ratio: 2.2 }]);
    expect(ratios(cells, 'ours', 'nobody')).toEqual([]);
  });

  it("gives each contender's throughput on one workload over its own on another, per client count", () => {
    const personal = (contender: string, rounds: number[], clients = 10) => ({ ...cell(contender, rounds), workload: 'personal', clients });
    const plain = (contender: string, rounds: number[], clients = 10) => ({ ...cell(contender, rounds), workload: 'plain', clients });
    const cells = [personal('ours', [70, 80, 90]), plain('ours', [100]), personal('ours', [30], 50), plain('ours', [60], 50), personal('Hive', [10]), plain('Hive', [40]), personal('floor', [5])];
    expect(workloadRatios(cells, 'personal', 'plain')).toEqual([
      { contender: 'ours', clients: 10, ratio: 0.8 },
      { contender: 'ours', clients: 50, ratio: 0.5 },
      { contender: 'Hive', clients: 10, ratio: 0.25 },
    ]);
    expect(workloadRatios(cells, 'personal', 'nothing')).toEqual([]);
  });

  it('draws one bar per contender that ran, scaled to the fastest, with escaped labels', () => {
    const svg = throughputSvg([cell('ours', [100]), cell('<Hive & co>', [50])], ['ours', '<Hive & co>', 'floor']);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const bars = [...svg.matchAll(/<rect x="300" y="\d+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(bars).toHaveLength(2);
    expect(bars[0]).toBeCloseTo(2 * (bars[1] ?? 0), 5);
    expect(svg).toContain('&lt;Hive &amp; co&gt;');
    expect(svg).not.toContain('<Hive');
  });

  it('tabulates RSS per process: the peak of every sample, then MiB at the end of each workload, a dash where a process was not there', () => {
    const MiB = 2 ** 20;
    const peak = new Map<string, number>();
    const first = [{ name: 'ours', processes: 1, rss: 100 * MiB }, { name: 'PostgreSQL backends', processes: 8, rss: 400 * MiB }];
    const second = [{ name: 'ours', processes: 1, rss: 120 * MiB }];
    notePeaks(peak, first);
    notePeaks(peak, [{ name: 'ours', processes: 1, rss: 150 * MiB }]);
    notePeaks(peak, second);
    const table = memoryTable([first, second], peak).split('\n');
    expect(table[0]).toBe('| process | processes | peak RSS, MiB | after 1 | after 2 |');
    expect(table[2]).toBe('| ours | 1 | 150 | 100 | 120 |');
    expect(table[3]).toBe('| PostgreSQL backends | 8 | 400 | 400 | — |');
  });
});
