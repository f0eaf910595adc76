import { describe, expect, it } from 'vitest';
import { discloseCounts } from './counts.ts';

const EXACT = { minCellSize: 5, countRoundingBase: 1, significantFigures: 0 };

describe('discloseCounts', () => {
  it('keeps keys of k or more exact under exact rules, and the total', () => {
    expect(discloseCounts([{ key: 'A', count: 5 }, { key: 'B', count: 9 }], EXACT)).toEqual({
      rows: [
        { key: 'A', suppressed: false, count: 5 },
        { key: 'B', suppressed: false, count: 9 },
      ],
      total: 14,
    });
  });

  it('suppresses a key under k and, since the total would give it back, the smallest other', () => {
    expect(discloseCounts([{ key: 'A', count: 4 }, { key: 'B', count: 6 }, { key: 'C', count: 20 }], EXACT)).toEqual({
      rows: [
        { key: 'A', suppressed: true, count: null },
        { key: 'B', suppressed: true, count: null },
        { key: 'C', suppressed: false, count: 20 },
      ],
      total: 30,
    });
  });

  it('rounds to the base under the default-like rules; a total under k is null', () => {
    const rules = { minCellSize: 5, countRoundingBase: 5, significantFigures: 2 };
    expect(discloseCounts([{ key: 'A', count: 7 }, { key: 'B', count: 13 }], rules)).toEqual({
      rows: [
        { key: 'A', suppressed: false, count: 5 },
        { key: 'B', suppressed: false, count: 15 },
      ],
      total: 20,
    });
    expect(discloseCounts([{ key: 'A', count: 3 }], rules)).toEqual({ rows: [{ key: 'A', suppressed: true, count: null }], total: null });
    expect(discloseCounts([], rules)).toEqual({ rows: [], total: null });
  });
});
