import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import type { Format } from './args.ts';
import { EXIT, RunnerError } from './errors.ts';

/**
 * `<out>.progress.json`: what an interrupted export has committed. The output holds exactly
 * `bytes` bytes of whole pages; `cursor` is the last of them. A resume truncates the output to
 * `bytes` (a page written after the last commit is dropped) and asks for the page after `cursor`.
 */
export interface ProgressState {
  version: 1;
  /** sha256 of the operation as sent (prepareOperation's hash). */
  queryHash: string;
  variables: Record<string, unknown>;
  format: Format;
  /** The last committed page's endCursor; null before the first page. */
  cursor: string | null;
  rows: number;
  pages: number;
  bytes: number;
  totalCount: number | null;
}

export const statePathOf = (out: string) => `${out}.progress.json`;

function isState(value: unknown): value is ProgressState {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  const count = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
  return (
    v.version === 1 &&
    typeof v.queryHash === 'string' &&
    v.variables !== null &&
    typeof v.variables === 'object' &&
    !Array.isArray(v.variables) &&
    (v.format === 'csv' || v.format === 'json' || v.format === 'ndjson') &&
    (v.cursor === null || typeof v.cursor === 'string') &&
    count(v.rows) &&
    count(v.pages) &&
    count(v.bytes) &&
    (v.totalCount === null || count(v.totalCount))
  );
}

/** The progress file, or null when there is none. A file that is not one is a usage error. */
export async function readState(path: string): Promise<ProgressState | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (!isState(value)) throw new RunnerError(`${path} is not a progress file the runner wrote: delete it and the output to start over.`, EXIT.USAGE);
  return value;
}

/** Replaces the progress file in one step (written beside, synced, renamed). */
export async function writeState(path: string, state: ProgressState): Promise<void> {
  const temporary = `${path}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(`${JSON.stringify(state, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
}

export async function removeState(path: string): Promise<void> {
  await rm(path, { force: true });
}

/**
 * Checks that `state` belongs to this export (same operation, variables and format) and that
 * the output still holds what it committed. A mismatch is a usage error naming what differs.
 */
export async function checkResumable(state: ProgressState, expected: { queryHash: string; variables: Record<string, unknown>; format: Format }, out: string, statePath: string): Promise<void> {
  const differs = [
    ...(state.queryHash === expected.queryHash ? [] : ['the operation']),
    ...(isDeepStrictEqual(state.variables, expected.variables) ? [] : ['the variables']),
    ...(state.format === expected.format ? [] : [`the format (${state.format}, not ${expected.format})`]),
  ];
  if (differs.length > 0) {
    throw new RunnerError(
      `${out} is an interrupted export of another query: ${differs.join(', ')} differ. Choose another --out, or delete ${out} and ${statePath} to start over.`,
      EXIT.USAGE,
    );
  }
  const size = await stat(out).then(
    (s) => s.size,
    () => -1,
  );
  if (size < state.bytes) {
    throw new RunnerError(`${out} holds ${Math.max(size, 0)} bytes, fewer than the ${state.bytes} its progress file committed: delete both to start over.`, EXIT.USAGE);
  }
}
