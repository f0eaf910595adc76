import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { isDatabaseUnavailable, isPgError, isRefusedByDatabase } from './errors.ts';

/** An error shaped as postgres.js or node's net module raise it, wrapped as drizzle does. */
function coded(code: string, wrapped = true): Error {
  const driver = Object.assign(new Error('driver'), { code });
  return wrapped ? new Error('Failed query: select 1', { cause: driver }) : driver;
}

describe('isDatabaseUnavailable', () => {
  it('is true for a refused, dropped or timed-out connection and a server shutting down, through drizzle and GraphQL wrappers', () => {
    const unavailable = ['ECONNREFUSED', 'CONNECTION_CLOSED', 'CONNECT_TIMEOUT', 'CONNECTION_ENDED', '57P01', '57P03', '08006'];
    expect(unavailable.length).toBeGreaterThan(0);
    for (const code of unavailable) {
      expect(isDatabaseUnavailable(coded(code)), code).toBe(true);
      expect(isDatabaseUnavailable(new GraphQLError('resolver failed', { originalError: coded(code) })), code).toBe(true);
    }
  });

  it('is false for the agency\'s own statement errors and for errors without a code', () => {
    for (const code of ['23505', '57014', '40001', '42P01']) expect(isDatabaseUnavailable(coded(code)), code).toBe(false);
    expect(isDatabaseUnavailable(new Error('plain'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});

describe('isRefusedByDatabase', () => {
  /** An error PostgreSQL sent back, as postgres.js raises it, wrapped as drizzle does. */
  const refused = (code: string) => new Error('Failed query: insert …', { cause: new (postgres.PostgresError as unknown as new (fields: object) => Error)({ message: 'refused', code }) });

  it('is true for an error PostgreSQL answered the statement with, through drizzle', () => {
    const codes = ['22001', '23505', '57014', '42P01'];
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(isRefusedByDatabase(refused(code)), code).toBe(true);
  });

  it('is false when the connection was lost or the server went away, and for errors not from PostgreSQL', () => {
    for (const code of ['CONNECTION_CLOSED', 'ECONNRESET', '08006']) expect(isRefusedByDatabase(coded(code)), code).toBe(false);
    expect(isRefusedByDatabase(refused('57P01'))).toBe(false);
    expect(isRefusedByDatabase(refused('08006'))).toBe(false);
    expect(isRefusedByDatabase(new Error('plain'))).toBe(false);
    expect(isRefusedByDatabase(null)).toBe(false);
  });
});

describe('isPgError', () => {
  it('finds the code, and the constraint when asked, on the error or the one drizzle wraps', () => {
    const violation = Object.assign(new Error('duplicate key'), { code: '23505', constraint_name: 'nomads_pin_key' });
    const wrapped = new Error('Failed query: insert …', { cause: violation });
    expect(isPgError(violation, '23505')).toBe(true);
    expect(isPgError(wrapped, '23505')).toBe(true);
    expect(isPgError(wrapped, '23505', 'nomads_pin_key')).toBe(true);
    expect(isPgError(wrapped, '23505', 'other_key')).toBe(false);
    expect(isPgError(wrapped, '23503')).toBe(false);
    expect(isPgError(null, '23505')).toBe(false);
  });
});
