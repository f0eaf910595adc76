/**
 * What of an error may go into a log line. Errors carry the data they failed on: drizzle's
 * `DrizzleQueryError` puts every query parameter into its message ("Failed query: … params:
 * Asel,Bishkek,…"), postgres.js errors carry `parameters` and a `detail` ("Failing row contains
 * (…)"), and PostgreSQL quotes the offending value in messages such as `invalid input syntax
 * for type uuid: "…"`. A database error is therefore described by its SQLSTATE, the names of
 * the constraint, table and column, and the statement's name (its verb and table), never its
 * message, detail, query text or parameters. A zod error by its issues' paths and codes.
 */

/** A loggable description of an error: codes and names only for database and validation errors. */
export interface SafeError {
  type: string;
  /** SQLSTATE for database errors, else the error's own code when it is a short token. */
  code?: string;
  /** `insert migration.applications`: the statement's verb and first table, never its text. */
  statement?: string;
  constraint?: string;
  table?: string;
  column?: string;
  /** Zod issues: where and what kind, never the received value. */
  issues?: { path: string; code: string }[];
  message?: string;
  stack?: string;
  cause?: SafeError;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
const TOKEN = /^[A-Za-z0-9_.:-]{1,64}$/;
const MAX_MESSAGE = 300;

type Fields = Record<string, unknown>;

function str(v: unknown): string | undefined {
  return typeof v === 'string' && TOKEN.test(v) ? v : undefined;
}

/** `insert into "migration"."applications" (…)` → `insert migration.applications`. */
export function statementName(sql: unknown): string | undefined {
  if (typeof sql !== 'string') return undefined;
  const verb = /^\s*(?:with\b[\s\S]*?\)\s*)?(select|insert|update|delete|lock|listen|notify|set|call)\b/i.exec(sql)?.[1]?.toLowerCase();
  const table = /\b(?:from|into|update|table)\s+((?:"[^"]{1,63}"|\w{1,63})(?:\.(?:"[^"]{1,63}"|\w{1,63}))?)/i.exec(sql)?.[1]?.replaceAll('"', '');
  if (!verb) return 'statement';
  return table ? `${verb} ${table}` : verb;
}

/**
 * A postgres.js `PostgresError`, or anything carrying a statement and its parameters (drizzle's
 * `DrizzleQueryError`, whose `name` is plain `Error`), or wrapping one.
 */
function isDatabaseError(e: Fields, depth = 0): boolean {
  if (typeof e.code === 'string' && SQLSTATE.test(e.code) && (e.severity !== undefined || e.name === 'PostgresError')) return true;
  if (typeof e.query === 'string' && (Array.isArray(e.params) || Array.isArray(e.parameters))) return true;
  return depth < 3 && typeof e.cause === 'object' && e.cause !== null && isDatabaseError(e.cause as Fields, depth + 1);
}

/** `DrizzleQueryError` by its class, since its `name` says only `Error`. */
function typeOf(e: Fields): string {
  const ctor = (e as { constructor?: { name?: unknown } }).constructor?.name;
  if (e.name === 'Error' && typeof ctor === 'string' && ctor !== 'Object' && ctor !== 'Error') return ctor;
  return typeof e.name === 'string' ? e.name : 'Error';
}

function describeDatabaseError(e: Fields, depth: number): SafeError {
  const out: SafeError = { type: typeOf(e) };
  const code = typeof e.code === 'string' && SQLSTATE.test(e.code) ? e.code : undefined;
  if (code) out.code = code;
  const statement = statementName(e.query);
  if (statement) out.statement = statement;
  const constraint = str(e.constraint_name);
  if (constraint) out.constraint = constraint;
  const table = str(e.table_name);
  if (table) out.table = table;
  const column = str(e.column_name);
  if (column) out.column = column;
  if (e.cause !== undefined) out.cause = describeError(e.cause, depth + 1);
  return out;
}

/** The frames of a stack without its first line, which repeats the message. */
function framesOf(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return frames.length > 0 ? frames.slice(0, 12).join('\n') : undefined;
}

/**
 * Describes any thrown value for a log line. Messages are kept only for errors that are
 * neither database nor validation errors (those are ours and name no values), cut to 300
 * characters; stacks lose their message line.
 */
export function describeError(err: unknown, depth = 0): SafeError {
  if (typeof err !== 'object' || err === null) return { type: typeof err };
  const e = err as Fields;
  if (depth > 3) return { type: typeOf(e) };
  if (isDatabaseError(e)) return describeDatabaseError(e, depth);
  const type = typeOf(e);
  if (Array.isArray(e.issues)) {
    const issues = (e.issues as Fields[]).slice(0, 20).map((i) => ({
      path: Array.isArray(i.path) ? i.path.map(String).join('.') : '',
      code: typeof i.code === 'string' ? i.code : 'invalid',
    }));
    return { type, issues };
  }
  const out: SafeError = { type };
  const code = str(e.code);
  if (code) out.code = code;
  if (typeof e.message === 'string') out.message = e.message.slice(0, MAX_MESSAGE);
  const stack = framesOf(e.stack);
  if (stack) out.stack = stack;
  if (e.cause !== undefined) out.cause = describeError(e.cause, depth + 1);
  return out;
}

/** SQLSTATE, constraint and statement name of a database error, through drizzle's wrapping; null for any other error. */
export function databaseErrorOf(err: unknown): { code: string; constraint: string | null; statement: string | null } | null {
  if (typeof err !== 'object' || err === null || !isDatabaseError(err as Fields)) return null;
  // drizzle's wrapper knows the statement, the postgres.js error inside it the SQLSTATE; a
  // GraphQLError or one of our errors may wrap both.
  const found: { code: string; constraint: string | null; statement: string | null } = { code: 'unknown', constraint: null, statement: null };
  for (let d: SafeError | undefined = describeError(err); d; d = d.cause) {
    if (found.code === 'unknown' && d.code && SQLSTATE.test(d.code)) found.code = d.code;
    found.constraint ??= d.constraint ?? null;
    found.statement ??= d.statement ?? null;
  }
  return found;
}

/** One line for an operator or a dead letter: `database error (SQLSTATE 23505, insert x.y, constraint z)`. */
export function describeErrorBriefly(err: unknown): string {
  const db = databaseErrorOf(err);
  if (db) {
    const parts = [`SQLSTATE ${db.code}`, db.statement, db.constraint ? `constraint ${db.constraint}` : null].filter(Boolean);
    return `database error (${parts.join(', ')})`;
  }
  const d = describeError(err);
  if (d.issues) return `${d.type}: invalid ${d.issues.map((i) => i.path || '(value)').join(', ')}`;
  return `${d.type}: ${d.message ?? ''}`.slice(0, MAX_MESSAGE);
}
