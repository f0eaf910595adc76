import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './errors.ts';

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
