/**
 * What `npm run bench -- scoreboard` prints and writes: the table of figures, the ratios the
 * speed issue sets as targets, `BENCHMARKS.md` and its chart (SVG, no dependency).
 */

/** One workload at one client count through one contender, over every round. */
export interface Cell {
  workload: string;
  clients: number;
  contender: string;
  /** Requests per second of each round. */
  rounds: number[];
  /** Latencies of every request of every round, milliseconds. */
  latencies: number[];
  errors: number;
  /** SQL statements per request, every subgraph together. */
  sqlPerRequest: number;
  /** Subgraph fetches per request: the GraphQL requests every subgraph answered, together. */
  fetchesPerRequest: number;
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The p-th percentile (nearest rank) of the values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

const fixed = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

/**
 * Markdown table: one row per workload and client count, one column per contender; each cell
 * gives throughput, p50, p99, SQL statements and subgraph fetches per request, and errors if any.
 */
export function scoreTable(cells: Cell[], contenders: string[]): string {
  const rows = [...new Map(cells.map((c) => [`${c.workload}\u0000${c.clients}`, c])).values()];
  const head = `| workload | clients | ${contenders.join(' | ')} |`;
  const rule = `|---|---|${contenders.map(() => '---|').join('')}`;
  const body = rows.map((row) => {
    const figures = contenders.map((name) => {
      const cell = cells.find((c) => c.workload === row.workload && c.clients === row.clients && c.contender === name);
      if (!cell) return '—';
      const errors = cell.errors > 0 ? `, ${cell.errors} errors` : '';
      const work = `${fixed(cell.sqlPerRequest, 1)} SQL/req, ${fixed(cell.fetchesPerRequest, 1)} fetches/req`;
      return `${fixed(median(cell.rounds))} req/s, p50 ${fixed(percentile(cell.latencies, 50), 1)} ms, p99 ${fixed(percentile(cell.latencies, 99), 1)} ms, ${work}${errors}`;
    });
    return `| ${row.workload} | ${row.clients} | ${figures.join(' | ')} |`;
  });
  return [head, rule, ...body].join('\n');
}

/** The median throughput of each cell `pick` takes over that of its counterpart at the same client count (where there is one). */
function ratiosOver(cells: Cell[], pick: (c: Cell) => boolean, counterpart: (c: Cell, o: Cell) => boolean): { cell: Cell; ratio: number }[] {
  return cells.filter(pick).flatMap((c) => {
    const base = cells.find((o) => o.clients === c.clients && counterpart(c, o));
    return base ? [{ cell: c, ratio: median(c.rounds) / median(base.rounds) }] : [];
  });
}

/** Our gateway's median throughput over another contender's, per workload and client count. */
export function ratios(cells: Cell[], ours: string, other: string): { workload: string; clients: number; ratio: number }[] {
  return ratiosOver(cells, (c) => c.contender === ours, (c, o) => o.contender === other && o.workload === c.workload).map(({ cell, ratio }) => ({ workload: cell.workload, clients: cell.clients, ratio }));
}

/** Each contender's median throughput on `workload` over its own on `other`, per client count (where it ran both). */
export function workloadRatios(cells: Cell[], workload: string, other: string): { contender: string; clients: number; ratio: number }[] {
  return ratiosOver(cells, (c) => c.workload === workload, (c, o) => o.workload === other && o.contender === c.contender).map(({ cell, ratio }) => ({ contender: cell.contender, clients: cell.clients, ratio }));
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const PALETTE = ['#1f6feb', '#8b949e', '#d29922', '#bf8700', '#2da44e', '#cf222e'];

/** A grouped bar chart of median throughput: one group per workload and client count, one bar per contender. */
export function throughputSvg(cells: Cell[], contenders: string[]): string {
  const groups = [...new Map(cells.map((c) => [`${c.workload} (${c.clients} clients)`, c])).entries()];
  const max = Math.max(1, ...cells.map((c) => median(c.rounds)).filter(Number.isFinite));
  const bar = 14;
  const gap = 18;
  const label = 300;
  const width = 900;
  const groupHeight = contenders.length * bar + gap;
  const height = 40 + groups.length * groupHeight + 20 + contenders.length * 18;
  const scale = (width - label - 80) / max;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">Throughput, requests per second (median of rounds)</text>`,
  ];
  groups.forEach(([title, sample], g) => {
    const top = 40 + g * groupHeight;
    parts.push(`<text x="10" y="${top + (contenders.length * bar) / 2 + 4}">${escapeXml(title)}</text>`);
    contenders.forEach((name, i) => {
      const cell = cells.find((c) => c.workload === sample.workload && c.clients === sample.clients && c.contender === name);
      const value = cell ? median(cell.rounds) : Number.NaN;
      if (!Number.isFinite(value)) return;
      const y = top + i * bar;
      parts.push(`<rect x="${label}" y="${y}" width="${Math.max(1, value * scale).toFixed(1)}" height="${bar - 2}" fill="${PALETTE[i % PALETTE.length]}"/>`);
      parts.push(`<text x="${label + value * scale + 4}" y="${y + bar - 4}">${fixed(value)}</text>`);
    });
  });
  const legendTop = 40 + groups.length * groupHeight + 10;
  contenders.forEach((name, i) => {
    parts.push(`<rect x="10" y="${legendTop + i * 18}" width="12" height="12" fill="${PALETTE[i % PALETTE.length]}"/>`);
    parts.push(`<text x="28" y="${legendTop + i * 18 + 10}">${escapeXml(name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

/** Resident memory of one process, or of a group of processes, at one moment. */
export interface MemoryLine {
  name: string;
  processes: number;
  /** VmRSS (summed over the group), bytes. */
  rss: number;
}

const mib = (bytes: number | undefined) => (bytes === undefined ? '—' : (bytes / 2 ** 20).toFixed(0));

/**
 * Markdown table of resident memory: one row per process (or group), its peak over every
 * round, then its RSS at the end of each workload (columns numbered as `workloads` are).
 */
export function memoryTable(afterWorkload: MemoryLine[][], peak: Map<string, number>): string {
  const names = [...new Set(afterWorkload.flatMap((lines) => lines.map((l) => l.name)))];
  const head = `| process | processes | peak RSS, MiB | ${afterWorkload.map((_, i) => `after ${i + 1}`).join(' | ')} |`;
  const rule = `|---|---|---|${afterWorkload.map(() => '---|').join('')}`;
  const body = names.map((name) => {
    const count = Math.max(...afterWorkload.map((lines) => lines.find((l) => l.name === name)?.processes ?? 0));
    const after = afterWorkload.map((lines) => mib(lines.find((l) => l.name === name)?.rss));
    return `| ${name} | ${count} | ${mib(peak.get(name))} | ${after.join(' | ')} |`;
  });
  return [head, rule, ...body].join('\n');
}

/** Keeps the highest RSS seen of each line. */
export function notePeaks(peak: Map<string, number>, lines: MemoryLine[]): void {
  for (const l of lines) peak.set(l.name, Math.max(peak.get(l.name) ?? 0, l.rss));
}
