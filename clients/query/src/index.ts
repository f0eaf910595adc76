/**
 * @nomad/query: the analysts' command-line query runner as a library (the command is
 * `npm run query`, src/cli.ts). See docs/analysts.md, "The query runner".
 */
export { DEFAULT_URL, FORMATS, formatOf, MAX_PAGE_SIZE, parseArguments, USAGE, type Format, type RunnerOptions } from './args.ts';
export { runCli } from './cli.ts';
export { readEnv, type RunnerEnv } from './env.ts';
export { EXIT, RunnerError, type ExitCode } from './errors.ts';
export { csvCell, flattenRow, FRAMING, type Column } from './flatten.ts';
export { post, TRANSIENT_CODES, TransientError, withRetry, type Fetch } from './graph.ts';
export { prepareOperation, type PreparedOperation, type Shape } from './operation.ts';
export { createProgress, PLAIN_INTERVAL_MS, type Progress } from './progress.ts';
export { API_SCHEMA_PATH, loadSchema, PERSONAL_FIELDS_PATH, runQuery, type RunDeps } from './run.ts';
export { readState, statePathOf, type ProgressState } from './state.ts';
