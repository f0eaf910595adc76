import { describe, expect, it } from 'vitest';
import { median, percentile, ratios, scoreTable, throughputSvg, type Cell } from './scoreboard-report.ts';

const cell = (contender: string, rounds: number[], latencies: number[] = [10, 20, 30, 40], errors = 0): Cell => ({
  workload: 'case view',
  clients: 10,
  contender,
  rounds,
  latencies,
  errors,
  sqlPerRequest: 11,
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

  it('puts each contender in its column, with errors shown, and a dash where it did not run', () => {
    const cells = [cell('ours', [100, 120, 110]), cell('Hive', [50, 40, 60], [5, 6], 3)];
    const table = scoreTable(cells, ['ours', 'Hive', 'floor']).split('\n');
    expect(table[0]).toBe('| workload | clients | ours | Hive | floor |');
    expect(table[2]).toBe('| case view | 10 | 110 req/s, p50 20.0 ms, p99 40.0 ms | 50 req/s, p50 5.0 ms, p99 6.0 ms, 3 errors | — |');
  });

  it('gives our throughput over another contender per workload', () => {
    const cells = [cell('ours', [100, 120, 110]), cell('Hive', [50, 40, 60])];
    expect(ratios(cells, 'ours', 'Hive')).toEqual([{ workload: 'case view', clients: 10, ratio: 2.2 }]);
    expect(ratios(cells, 'ours', 'nobody')).toEqual([]);
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
});
