import { GraphQLError } from 'graphql';
import postgres from 'postgres';
import { ErrorCode } from '@nomad/contract';

// Shared with the gateway: defined in @nomad/contract, re-exported so the kit's importers keep working.
export { ErrorCode, PUBLIC_ERROR_CODES } from '@nomad/contract';

function coded(code: ErrorCode, message: string, extra?: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export const unauthenticated = (message = 'A valid bearer token is required.') =>
  coded(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'You may not perform this operation.') => coded(ErrorCode.FORBIDDEN, message);
/** Bad input that a schema cannot catch; `field` names the argument path, e.g. `input.passport.number`. */
export const badUserInput = (message: string, field?: string) =>
  coded(ErrorCode.BAD_USER_INPUT, message, field ? { field } : undefined);
export const conflict = (message = 'The record changed since you read it; reload and try again.') =>
  coded(ErrorCode.CONFLICT, message);

/**
 * An expected failure of a mutation, returned as data: `{ code, field, message }`.
 * `field` is the input path (`input.citizenship`) or null when the rule is not about one field.
 */
export interface UserError {
  code: string;
  field: string | null;
  message: string;
}

export function userError(code: string, message: string, field: string | null = null): UserError {
  return { code, field, message };
}

/**
 * Thrown inside a service transaction to abort it and report user errors as data.
 * `runMutation` catches it, so nothing is written when a rule fails.
 */
export class UserErrorsAbort extends Error {
  constructor(readonly userErrors: UserError[]) {
    super(userErrors.map((e) => e.code).join(', '));
    this.name = 'UserErrorsAbort';
  }
}

/** The code of a mutation that kept losing races to other writers until its retries ran out. */
export const BUSY = 'BUSY';

/**
 * A guarded write (`UPDATE … WHERE version = $read`) found its row changed by another writer
 * after this transaction read it: an incoming event, another officer, a relay. That is not
 * the caller's doing, so the mutation envelope (`runIdempotent`, hence `runMutation`) runs the
 * whole transaction again on a fresh read: a caller who sent `expectedVersion` then gets
 * CONFLICT from the fresh read's version check, one who did not gets the outcome on the
 * current state (success or a domain error such as INVALID_TRANSITION). Reaches a caller only
 * when the retries run out, as BUSY.
 */
export class ConcurrentChange extends UserErrorsAbort {
  constructor(message: string, field: string | null) {
    super([userError(BUSY, message, field)]);
    this.name = 'ConcurrentChange';
  }
}

/** See `ConcurrentChange`: throw it where a guarded write updated no row. */
export function concurrentChange(message: string, field: string | null = null): ConcurrentChange {
  return new ConcurrentChange(message, field);
}

/** Whether `err` or an error it wraps as its `cause` (drizzle's DrizzleQueryError wraps the driver's) passes `test`. */
function inCauses(err: unknown, test: (e: object) => boolean, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 5) return false;
  if (test(err)) return true;
  const cause = (err as { cause?: unknown }).cause;
  return cause !== err && inCauses(cause, test, depth + 1);
}

/** PostgreSQL error code helpers: stores catch the violation they expect and rethrow the rest. */
export function isPgError(err: unknown, code: string, constraint?: string): boolean {
  return inCauses(err, (e) => {
    const { code: found, constraint_name } = e as { code?: unknown; constraint_name?: unknown };
    return found === code && (constraint === undefined || constraint_name === constraint);
  });
}
/**
 * The database cannot be reached: the socket was refused or dropped, connecting timed out, or
 * the server is shutting down or starting (`57P0x`) or lost the connection (class `08`).
 * Errors of the agency's own statements (constraints, statement_timeout) are not this.
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 5) return false;
  const e = err as { code?: unknown; errno?: unknown; cause?: unknown; originalError?: unknown };
  const code = typeof e.code === 'string' ? e.code : typeof e.errno === 'string' ? e.errno : undefined;
  if (code !== undefined && (DATABASE_UNAVAILABLE_CODES.has(code) || /^57P0[1-3]$|^08/.test(code))) return true;
  // drizzle wraps driver errors (`cause`); GraphQL wraps a resolver's error (`originalError`).
  return [e.cause, e.originalError].some((next) => next !== undefined && next !== err && isDatabaseUnavailable(next, depth + 1));
}
/**
 * PostgreSQL answered the statement with an error of its own (a constraint, a type, a
 * timeout): the statement did not commit. A connection lost on the way is not this: the
 * statement may have committed before its answer was lost.
 */
export function isRefusedByDatabase(err: unknown): boolean {
  return !isDatabaseUnavailable(err) && inCauses(err, (e) => e instanceof postgres.PostgresError);
}
const DATABASE_UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  // postgres.js's own connection errors.
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
]);
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_SERIALIZATION_FAILURE = '40001';
export const PG_DEADLOCK_DETECTED = '40P01';
