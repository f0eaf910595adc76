import type { ImportIssue } from './row.ts';
import type { ImportReport } from './import.ts';

/**
 * Exit status of `import:pilot`: 0 the file was processed, 2 every row was skipped and no holder
 * was announced. (1: file, arguments or configuration.)
 */
export function exitCodeOf(report: ImportReport): 0 | 2 {
  return report.total > 0 && report.imported === 0 && report.announced === 0 ? 2 : 0;
}

function issueLines(issues: readonly ImportIssue[]): string[] {
  const lineWidth = Math.max(...issues.map((i) => String(i.line).length));
  const codeWidth = Math.max(...issues.map((i) => i.code.length));
  const columnWidth = Math.max(...issues.map((i) => (i.column ?? '-').length));
  return issues.map(
    (i) => `  line ${String(i.line).padStart(lineWidth)}  ${i.code.padEnd(codeWidth)}  ${(i.column ?? '-').padEnd(columnWidth)}  ${i.message}`,
  );
}

/**
 * The report as an operator reads it: counts, then one line per skipped row and per
 * warning. Holds what the report holds: line numbers, codes, masked passports, no names.
 */
export function formatReport(report: ImportReport, file: string): string {
  const out: string[] = [];
  out.push(`Pilot import of ${file}${report.dryRun ? ' (dry run: nothing written)' : ''}`);
  const width = String(report.total).length;
  const count = (label: string, n: number) => `  ${label.padEnd(12)}${String(n).padStart(width)}`;
  out.push(count('rows', report.total));
  out.push(count(report.dryRun ? 'importable' : 'imported', report.imported));
  // Holders an earlier run imported but never announced (their rows are among the skipped).
  if (report.announced > 0) out.push(count(report.dryRun ? 'to announce' : 'announced', report.announced));
  out.push(count('skipped', report.skipped.length));
  out.push(count('warnings', report.warnings.length));
  if (report.skipped.length > 0) out.push('', 'Skipped:', ...issueLines(report.skipped));
  if (report.warnings.length > 0) out.push('', 'Warnings:', ...issueLines(report.warnings));
  return `${out.join('\n')}\n`;
}
