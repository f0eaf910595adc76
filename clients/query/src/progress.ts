/** Where progress goes: standard error, a terminal or not. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ProgressCounts {
  rows: number;
  pages: number;
  /** The connection's totalCount, when it has one. */
  total: number | null;
}

export interface Progress {
  update(counts: ProgressCounts): void;
  /** Ends the bar's line (a terminal) or prints the last line. */
  done(counts: ProgressCounts): void;
  /** A message on its own line (a retry, the interruption), not overwritten by the bar. */
  note(text: string): void;
}

/** Lines for a log (standard error not a terminal): at most one per this many ms. */
export const PLAIN_INTERVAL_MS = 5_000;
const BAR_WIDTH = 24;

const number = (n: number) => n.toLocaleString('en-US');

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/**
 * A progress bar on a terminal (rows, pages, rows/s, ETA from totalCount), plain periodic lines
 * otherwise, nothing when quiet. The rate counts this run's rows only (a resumed run's earlier
 * rows took no time now); `startRows` are the rows already written when it started.
 */
export function createProgress(stream: ProgressStream, options: { quiet: boolean; now: () => number; startRows: number }): Progress {
  const started = options.now();
  let lastPlain = -Infinity;
  let barShown = false;
  const describe = ({ rows, pages, total }: ProgressCounts): string => {
    const seconds = (options.now() - started) / 1000;
    const rate = seconds > 0 ? (rows - options.startRows) / seconds : 0;
    const left = total !== null ? Math.max(total - rows, 0) : null;
    const eta = left === null ? '' : left === 0 ? ' · ETA 0s' : rate > 0 ? ` · ETA ${duration(left / rate)}` : ' · ETA ?';
    return `${number(rows)}${total !== null ? `/${number(total)}` : ''} rows · ${number(pages)} page${pages === 1 ? '' : 's'} · ${number(Math.round(rate))} rows/s${eta}`;
  };
  const bar = (counts: ProgressCounts): string => {
    if (counts.total === null || counts.total === 0) return '';
    const filled = Math.min(BAR_WIDTH, Math.round((counts.rows / counts.total) * BAR_WIDTH));
    return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] `;
  };
  const tty = stream.isTTY === true;
  return {
    update(counts) {
      if (options.quiet) return;
      if (tty) {
        stream.write(`\r\x1b[K${bar(counts)}${describe(counts)}`);
        barShown = true;
        return;
      }
      const now = options.now();
      if (now - lastPlain < PLAIN_INTERVAL_MS) return;
      lastPlain = now;
      stream.write(`query: ${describe(counts)}\n`);
    },
    done(counts) {
      if (options.quiet) return;
      if (tty) stream.write(`\r\x1b[K${bar(counts)}${describe(counts)}\n`);
      else stream.write(`query: ${describe(counts)}\n`);
      barShown = false;
    },
    note(text) {
      if (options.quiet) return;
      if (tty && barShown) stream.write('\r\x1b[K');
      stream.write(`${text}\n`);
    },
  };
}
