import { open, readFile, rename, writeFile, type FileHandle } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildSchema, getVariableValues, Kind, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { MAX_PAGE_SIZE, type RunnerOptions } from './args.ts';
import { EXIT, RunnerError, type ExitCode } from './errors.ts';
import { flattenRow, FRAMING } from './flatten.ts';
import { post, withRetry, type Fetch, type RetryOptions } from './graph.ts';
import { prepareOperation, type PreparedOperation } from './operation.ts';
import { createProgress, type Progress, type ProgressStream } from './progress.ts';
import { checkResumable, readState, removeState, statePathOf, writeState, type ProgressState } from './state.ts';

/** The committed public API and its personal fields (`npm run compose` writes both). */
export const API_SCHEMA_PATH = fileURLToPath(new URL('../../../schema/api.graphql', import.meta.url));
export const PERSONAL_FIELDS_PATH = fileURLToPath(new URL('../../../schema/personal-fields.json', import.meta.url));

export interface RunDeps {
  fetch: Fetch;
  /** Standard output: where rows go without --out. */
  stdout: { write(chunk: string, callback: (error?: Error | null) => void): unknown };
  /** Standard error: progress, notes and the final message. */
  stderr: ProgressStream;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Set when the user asked to stop (Ctrl-C): the run stops after the page it is on. */
  stop: { requested: boolean };
  /** Called after each committed page. */
  onPage?: (counts: { rows: number; pages: number }) => void;
  retry?: Partial<Pick<RetryOptions, 'attempts' | 'baseDelayMs' | 'maxDelayMs'>>;
  /** The schema and personal fields, when not the committed files (tests). */
  schema?: GraphQLSchema;
  personalFields?: ReadonlySet<string>;
}

/** schema/api.graphql and schema/personal-fields.json, as the runner checks operations against them. */
export async function loadSchema(): Promise<{ schema: GraphQLSchema; personalFields: ReadonlySet<string> }> {
  const [sdl, personal] = await Promise.all([readFile(API_SCHEMA_PATH, 'utf8'), readFile(PERSONAL_FIELDS_PATH, 'utf8')]);
  const { fields } = JSON.parse(personal) as { fields: Record<string, unknown> };
  return { schema: buildSchema(sdl), personalFields: new Set(Object.keys(fields)) };
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new RunnerError(`Cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`, EXIT.USAGE);
  }
}

async function readVariables(path: string | undefined): Promise<Record<string, unknown>> {
  if (path === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(await readText(path, 'the variables file'));
  } catch (error) {
    if (error instanceof RunnerError) throw error;
    throw new RunnerError(`${path} is not JSON: ${(error as Error).message}`, EXIT.USAGE);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new RunnerError(`${path} must hold a JSON object of variables.`, EXIT.USAGE);
  return value as Record<string, unknown>;
}

/** The value at `path` of an answer's data. */
function at(data: unknown, path: readonly string[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return null;
    current = (current as Record<string, unknown>)[key];
  }
  return current ?? null;
}

/** Runs `fn`, which opens or writes `out`; a file that cannot be written is a usage error naming it. */
async function writable<T>(out: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new RunnerError(`Cannot write ${out}: ${code}.`, EXIT.USAGE);
  }
}

/** Writes to standard output, waiting for it to drain. */
const toStdout = (deps: RunDeps, text: string) =>
  text === ''
    ? Promise.resolve()
    : new Promise<void>((resolve, reject) => {
        deps.stdout.write(text, (error) => (error ? reject(error) : resolve()));
      });

/**
 * Runs the export `options` describe. Returns EXIT.OK or EXIT.INTERRUPTED (the message how to
 * resume printed); throws RunnerError for everything that stops it, with its exit code.
 */
export async function runQuery(options: RunnerOptions, deps: RunDeps): Promise<ExitCode> {
  const source = await readText(options.file, 'the operation file');
  const variables = await readVariables(options.varsFile);
  const loaded = deps.schema && deps.personalFields ? { schema: deps.schema, personalFields: deps.personalFields } : await loadSchema();
  const prepared = prepareOperation(source, options.file, loaded.schema, loaded.personalFields);
  const operation = prepared.document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const coerced = operation ? getVariableValues(loaded.schema, operation.variableDefinitions ?? [], variables) : { errors: [] };
  if (coerced.errors) throw new RunnerError(`The variables do not fit the operation:\n${coerced.errors.map((e) => `  ${e.message}`).join('\n')}`, EXIT.REFUSED);

  const progress = createProgress(deps.stderr, { quiet: options.quiet, now: deps.now, startRows: 0 });
  const retry: RetryOptions = {
    attempts: deps.retry?.attempts ?? 5,
    baseDelayMs: deps.retry?.baseDelayMs ?? 500,
    maxDelayMs: deps.retry?.maxDelayMs ?? 30_000,
    sleep: deps.sleep,
    onRetry: (attempt, delay, error) => progress.note(`query: ${error.message.split('\n')[0] ?? ''}; retrying in ${Math.round(delay / 100) / 10}s (attempt ${attempt + 1} of ${deps.retry?.attempts ?? 5})`),
  };
  const ask = (vars: Record<string, unknown>) =>
    withRetry(() => post(deps.fetch, options.url, options.token, { query: prepared.text, ...(prepared.operationName ? { operationName: prepared.operationName } : {}), variables: vars }), retry);

  if (prepared.shape.kind !== 'connection') return writeAtOnce(options, deps, prepared, await ask(variables).then((a) => a.data), progress);
  return follow(options, deps, prepared, variables, ask);
}

/** A list or a single answer: written in one go (to a file beside, renamed: never half a file). */
async function writeAtOnce(options: RunnerOptions, deps: RunDeps, prepared: PreparedOperation, data: Record<string, unknown>, progress: Progress): Promise<ExitCode> {
  const framing = FRAMING[options.format];
  const items = prepared.shape.kind === 'list' ? at(data, prepared.shape.path) : data;
  const rows = Array.isArray(items) ? (items as unknown[]) : items === null ? [] : [items];
  const text = framing.header(prepared.columns) + rows.map((r, i) => framing.row(flattenRow(r, prepared.columns), prepared.columns, i)).join('') + framing.footer(rows.length);
  if (options.out) {
    const out = options.out;
    await writable(out, () => writeFile(`${out}.tmp`, text));
    await rename(`${options.out}.tmp`, options.out);
  } else {
    await toStdout(deps, text);
  }
  progress.done({ rows: rows.length, pages: 1, total: null });
  return EXIT.OK;
}

type Ask = (vars: Record<string, unknown>) => Promise<{ data: Record<string, unknown> }>;
type ConnectionShape = Extract<PreparedOperation['shape'], { kind: 'connection' }>;

/** Where pages go: a file committed page by page with its progress file, or standard output. */
interface Output {
  state: ProgressState;
  /** True once a progress file exists: a failure then says how to resume. */
  resumable: boolean;
  /** Writes a page's text after the last one written, synced; returns its bytes. */
  append(text: string): Promise<number>;
  /** Records `state` (a file: the progress file; standard output: nothing). */
  commit(state: ProgressState): Promise<void>;
  /** Writes the footer and removes the progress file. */
  complete(footer: string): Promise<void>;
  close(): Promise<void>;
}

/** The output file, resumed from its progress file (truncated to the committed bytes) or started afresh. */
async function openFile(options: RunnerOptions, deps: RunDeps, out: string, header: string, fresh: ProgressState): Promise<Output> {
  const statePath = statePathOf(out);
  const saved = await readState(statePath);
  let handle: FileHandle;
  let state: ProgressState;
  if (saved) {
    await checkResumable(saved, fresh, out, statePath);
    state = saved;
    handle = await open(out, 'r+');
    // Whatever was written after the last committed page goes: it is asked for again.
    await handle.truncate(state.bytes);
    if (!options.quiet) deps.stderr.write(`query: resuming ${out} after ${state.rows.toLocaleString('en-US')} rows (${state.pages} pages)\n`);
  } else {
    if (options.resume) throw new RunnerError(`Nothing to resume: ${statePath} does not exist (the export finished, or never started).`, EXIT.USAGE);
    handle = await writable(out, () => open(out, 'w'));
    const bytes = Buffer.from(header);
    await handle.write(bytes, 0, bytes.length, 0);
    await handle.datasync();
    state = { ...fresh, bytes: bytes.length };
    await writeState(statePath, state);
  }
  /** Where the next page goes: the committed end, then after each page written. */
  let end = state.bytes;
  let closed = false;
  const append = async (text: string) => {
    const bytes = Buffer.from(text);
    await handle.write(bytes, 0, bytes.length, end);
    await handle.datasync();
    end += bytes.length;
    return bytes.length;
  };
  return {
    state,
    resumable: true,
    append,
    commit: (next) => writeState(statePath, next),
    complete: async (footer) => {
      await append(footer);
      await handle.close();
      closed = true;
      await removeState(statePath);
    },
    close: async () => {
      if (!closed) await handle.close();
      closed = true;
    },
  };
}

async function openStdout(deps: RunDeps, header: string, fresh: ProgressState): Promise<Output> {
  await toStdout(deps, header);
  const append = async (text: string) => (await toStdout(deps, text), Buffer.byteLength(text));
  return { state: fresh, resumable: false, append, commit: () => Promise.resolve(), complete: async (footer) => void (await append(footer)), close: () => Promise.resolve() };
}

/** A page of the connection: its nodes and where the next one starts. */
function readPage(data: Record<string, unknown>, shape: ConnectionShape, cursor: string | null) {
  const connection = at(data, shape.path);
  if (connection === null || typeof connection !== 'object') throw new RunnerError(`The answer has no ${shape.path.join('.')} (null).`, EXIT.GRAPH_ERROR);
  const c = connection as Record<string, unknown>;
  const [listKey = '', nodeKey] = shape.nodes;
  const list = c[listKey];
  const nodes = Array.isArray(list) ? (nodeKey === undefined ? list : list.map((edge) => at(edge, [nodeKey]))) : [];
  const pageInfo = c[shape.pageInfoKey] as { endCursor?: unknown; hasNextPage?: unknown } | null | undefined;
  const hasNextPage = pageInfo?.hasNextPage === true;
  const endCursor = typeof pageInfo?.endCursor === 'string' ? pageInfo.endCursor : null;
  if (hasNextPage && (endCursor === null || endCursor === cursor)) throw new RunnerError(`The graph says another page follows ${shape.path.join('.')} but gives no new endCursor.`, EXIT.GRAPH_ERROR);
  const total = shape.totalCountKey && typeof c[shape.totalCountKey] === 'number' ? (c[shape.totalCountKey] as number) : null;
  return { nodes, hasNextPage, endCursor, total };
}

/** A connection: page after page, each committed (output synced, then the progress file) before the next. */
async function follow(options: RunnerOptions, deps: RunDeps, prepared: PreparedOperation, variables: Record<string, unknown>, ask: Ask): Promise<ExitCode> {
  if (prepared.shape.kind !== 'connection') throw new Error('unreachable: follow() of a non-connection');
  const shape = prepared.shape;
  const framing = FRAMING[options.format];
  const fromVars = variables[shape.firstVariable];
  const pageSize = options.pageSize ?? (typeof fromVars === 'number' ? fromVars : undefined) ?? prepared.firstInOperation ?? MAX_PAGE_SIZE;
  const startCursor = variables[shape.afterVariable];
  const fresh: ProgressState = {
    version: 1,
    queryHash: prepared.hash,
    variables,
    format: options.format,
    cursor: typeof startCursor === 'string' ? startCursor : (prepared.afterInOperation ?? null),
    rows: 0,
    pages: 0,
    bytes: 0,
    totalCount: null,
  };
  const header = framing.header(prepared.columns);
  const output = options.out ? await openFile(options, deps, options.out, header, fresh) : await openStdout(deps, header, fresh);
  let state = output.state;
  const progress = createProgress(deps.stderr, { quiet: options.quiet, now: deps.now, startRows: state.rows });
  try {
    for (;;) {
      if (deps.stop.requested) return interrupted(options, deps, state, progress);
      const { data } = await ask({ ...variables, [shape.firstVariable]: pageSize, [shape.afterVariable]: state.cursor });
      const page = readPage(data, shape, state.cursor);
      const text = page.nodes.map((node, i) => framing.row(flattenRow(node, prepared.columns), prepared.columns, state.rows + i)).join('');
      const bytes = await output.append(text);
      state = { ...state, cursor: page.endCursor ?? state.cursor, rows: state.rows + page.nodes.length, pages: state.pages + 1, bytes: state.bytes + bytes, totalCount: page.total ?? state.totalCount };
      const counts = { rows: state.rows, pages: state.pages, total: state.totalCount };
      // The last page is not committed: a crash before the footer asks for it again.
      if (page.hasNextPage) await output.commit(state);
      deps.onPage?.(counts);
      if (!page.hasNextPage) {
        await output.complete(framing.footer(state.rows));
        progress.done(counts);
        return EXIT.OK;
      }
      progress.update(counts);
    }
  } catch (error) {
    if (error instanceof RunnerError && output.resumable && options.out) {
      throw new RunnerError(`${error.message}\n${options.out} keeps ${state.rows.toLocaleString('en-US')} rows; re-run the same command to continue from there.`, error.exitCode);
    }
    throw error;
  } finally {
    await output.close();
  }
}

function interrupted(options: RunnerOptions, deps: RunDeps, state: ProgressState, progress: Progress): ExitCode {
  progress.done({ rows: state.rows, pages: state.pages, total: state.totalCount });
  const rows = state.rows.toLocaleString('en-US');
  deps.stderr.write(
    options.out
      ? `query: interrupted after ${rows} rows (${state.pages} pages); ${options.out} holds them. Re-run the same command (or add --resume) to continue.\n`
      : `query: interrupted after ${rows} rows (${state.pages} pages); standard output cannot be resumed (use --out).\n`,
  );
  return EXIT.INTERRUPTED;
}
