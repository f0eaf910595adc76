import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/**
 * The scalars every agency's subgraph declares (in the kit's shared SDL) and the gateway
 * enforces on input before planning, so that a bad `Date` is refused at the edge. One
 * implementation, so the two can never disagree.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new GraphQLError('Date must be a real calendar date in the form YYYY-MM-DD.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string') return value.slice(0, 10);
    throw new GraphQLError('Date cannot represent this value.');
  },
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

/**
 * PostgreSQL prints timestamptz as `2026-03-01 08:30:00.123456+00` (or `+05:30`); turns
 * that, or an ISO string, into a Date.
 */
export function parsePgTimestamp(value: string): Date {
  const iso = value.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
  return new Date(iso);
}

function parseDateTime(value: unknown): Date {
  const d = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(d.getTime()) || typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    throw new GraphQLError('DateTime must be an ISO 8601 timestamp, e.g. 2026-03-01T08:30:00Z.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return d;
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => {
    const d = value instanceof Date ? value : typeof value === 'string' ? parsePgTimestamp(value) : new Date(Number.NaN);
    if (Number.isNaN(d.getTime())) throw new GraphQLError('DateTime cannot represent this value.');
    return d.toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseSafeInt(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new GraphQLError('SafeInt must be a whole number between -(2^53 - 1) and 2^53 - 1.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

export const SafeIntScalar = new GraphQLScalarType({
  name: 'SafeInt',
  serialize: (value) => {
    const n = typeof value === 'string' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw new GraphQLError('SafeInt cannot represent this value.');
    return n;
  },
  parseValue: parseSafeInt,
  parseLiteral: (ast) => parseSafeInt(ast.kind === Kind.INT ? Number(ast.value) : undefined),
});
