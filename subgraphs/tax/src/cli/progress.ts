import type { CampaignProgress } from '../modules/campaign/service.ts';

export interface ProgressWriter {
  update(progress: CampaignProgress): void;
  /** Ends the bar's line (TTY) so that what follows starts on its own line. */
  finish(): void;
}

const BAR_WIDTH = 30;

/** `[##########--------------------]  34%  340/1000 done, 2 failed, 658 pending` */
export function formatProgress(p: CampaignProgress, width = BAR_WIDTH): string {
  const processed = p.done + p.failed;
  const ratio = p.total === 0 ? 1 : processed / p.total;
  const filled = Math.round(ratio * width);
  const pct = String(Math.floor(ratio * 100)).padStart(3);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${pct}%  ${processed}/${p.total} processed: ${p.done} done, ${p.failed} failed, ${p.pending} pending`;
}

/**
 * A progress bar on `stream`: redrawn in place on a terminal; on anything else (a log file, CI,
 * a parent process) one plain line per update, so the output stays readable and parseable.
 */
export function progressWriter(stream: NodeJS.WriteStream): ProgressWriter {
  let drawn = false;
  return {
    update(progress) {
      if (stream.isTTY) {
        stream.write(`\r${formatProgress(progress)}`);
        drawn = true;
      } else {
        stream.write(`progress ${formatProgress(progress)}\n`);
      }
    },
    finish() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
