import { discloseStatistics, type DisclosureRules } from './disclosure.ts';

/** One value of a breakdown as an analyst sees it: null count when suppressed. */
export interface DisclosedCount {
  key: string;
  suppressed: boolean;
  count: number | null;
}

/**
 * A breakdown of counts (one per key, the keys partitioning what is counted) protected as every
 * statistics answer is: keys under k suppressed, with the secondary suppression the total calls
 * for, counts rounded to the base. `total` is the rounded sum, null under k. For aggregate fields
 * that count without the statistics' grouped statement (e.g. cases per risk level).
 */
export function discloseCounts(counts: readonly { key: string; count: number }[], rules: DisclosureRules): { rows: DisclosedCount[]; total: number | null } {
  const sum = counts.reduce((n, c) => n + c.count, 0);
  const raw = [
    ...counts.map((c) => ({ isTotal: false, dimensions: { key: c.key }, count: c.count, values: { count: c.count } })),
    { isTotal: true, dimensions: {}, count: sum, values: { count: sum } },
  ];
  const disclosed = discloseStatistics(raw, { measures: { count: { kind: 'count' } }, asked: new Set(['count']), rules });
  const countOf = (row: Record<string, unknown>) => (typeof row.count === 'number' ? row.count : null);
  return {
    rows: disclosed.rows.map((r, i) => ({ key: counts[i]?.key ?? '', suppressed: r.suppressed, count: countOf(r) })),
    total: countOf(disclosed.total),
  };
}
