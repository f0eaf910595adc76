import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AgencyUnavailableError } from '../subgraphs/fetcher.ts';
import { maskError, MASKED_MESSAGE, type MaskedErrorReport } from './useErrorMasking.ts';

function mask(formatted: GraphQLFormattedError, error: unknown = new GraphQLError(formatted.message)) {
  const reports: MaskedErrorReport[] = [];
  const result = maskError(formatted, error, (r) => reports.push(r));
  return { result, reports, text: JSON.stringify(result) };
}

const INTERNAL = { message: MASKED_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } };

describe('maskError', () => {
  it('passes a public error with message, locations, path and code only', () => {
    const { result, reports } = mask({
      message: 'You may not read this nomad.',
      locations: [{ line: 1, column: 3 }],
      path: ['nomad'],
      extensions: {
        code: 'FORBIDDEN',
        serviceName: 'migration',
        stacktrace: ['Error: You may not', '    at resolve (/app/src/nomad.ts:10:5)'],
        exception: { stacktrace: ['…'] },
      },
    });
    expect(result).toEqual({
      message: 'You may not read this nomad.',
      locations: [{ line: 1, column: 3 }],
      path: ['nomad'],
      extensions: { code: 'FORBIDDEN' },
    });
    expect(reports).toEqual([]);
  });

  it('keeps the input path of BAD_USER_INPUT, and nothing else', () => {
    const { result } = mask({
      message: 'The passport has expired.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.passport.expiresOn', response: undefined, sql: 'select 1' },
    });
    expect(result.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.passport.expiresOn' });
  });

  it('masks an error without a code and reports it', () => {
    const error = new Error('Cannot read properties of undefined (reading "id")');
    const { result, reports } = mask(
      { message: error.message, path: ['nomads'], extensions: { stacktrace: error.stack?.split('\n') } },
      new GraphQLError(error.message, { originalError: error }),
    );
    expect(result).toEqual({ ...INTERNAL, path: ['nomads'] });
    expect(reports).toEqual([
      expect.objectContaining({ code: undefined, path: ['nomads'], errorName: 'Error', detail: error.message }),
    ]);
  });

  it('masks a code that is not public', () => {
    const { result, text } = mask({
      message: 'Error while fetching subquery from service "migration"',
      extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'migration' },
    });
    expect(result).toEqual(INTERNAL);
    expect(text).not.toContain('migration');
  });

  it('masks INTERNAL_SERVER_ERROR messages even though the code is public', () => {
    const { result } = mask({ message: 'relation "nomad" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(result).toEqual(INTERNAL);
  });

  it('masks a subgraph that is down without its URL or errno, and reports the errno', () => {
    const cause = Object.assign(
      new Error('request to http://127.0.0.1:4001/graphql failed, reason: connect ECONNREFUSED 127.0.0.1:4001'),
      { name: 'FetchError', code: 'ECONNREFUSED', errno: 'ECONNREFUSED' },
    );
    const { result, reports, text } = mask(
      { message: cause.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new GraphQLError(cause.message, { originalError: cause }),
    );
    expect(result).toEqual(INTERNAL);
    expect(text).not.toMatch(/127\.0\.0\.1|4001|ECONNREFUSED|http/);
    expect(reports[0]).toMatchObject({ errno: 'ECONNREFUSED', errorName: 'FetchError' });
  });

  it('masks a failed subgraph hop even under a public code, keeping extensions.response out', () => {
    const { result, reports, text } = mask({
      message: '401: Unauthorized',
      extensions: {
        code: 'UNAUTHENTICATED',
        serviceName: 'migration',
        response: { url: 'http://127.0.0.1:4001/graphql', status: 401, statusText: 'Unauthorized', body: {} },
      },
    });
    expect(result).toEqual(INTERNAL);
    expect(text).not.toContain('response');
    // A subgraph's text may quote personal data: the report carries ids and kinds only.
    expect(reports[0]).toEqual({ code: 'UNAUTHENTICATED', path: undefined, serviceName: 'migration', httpStatus: 401 });
  });

  it.each([
    ['a URL', 'Cannot reach https://tax.internal:4003/graphql'],
    ['an errno', 'connect ECONNREFUSED 10.0.0.5:5432'],
    ['a stack', 'Boom\n    at Object.<anonymous> (/srv/app.js:1:1)'],
    ['SQL', 'duplicate key value violates unique constraint "nomad_passport_key"'],
    ['a drizzle query', 'Failed query: select "surname" from "nomad" where "id" = $1'],
  ])('masks a public-coded message that holds %s', (_kind, message) => {
    const { result } = mask({ message, extensions: { code: 'BAD_USER_INPUT' } });
    expect(result).toEqual(INTERNAL);
  });

  it('names an agency that did not answer, without its URL, and reports why', () => {
    const socket = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4003'), { code: 'ECONNREFUSED' });
    const cause = new AgencyUnavailableError('tax', 'ECONNREFUSED', { cause: socket });
    const { result, reports, text } = mask(
      { message: cause.message, path: ['nomad', 'taxRegistration'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new GraphQLError(cause.message, { originalError: cause }),
    );
    expect(result).toEqual({
      message: 'The tax agency is unavailable right now; what it holds is missing from this answer. Try again shortly.',
      path: ['nomad', 'taxRegistration'],
      extensions: { code: 'AGENCY_UNAVAILABLE', agency: 'tax' },
    });
    expect(text).not.toMatch(/127\.0\.0\.1|4003|ECONNREFUSED|http/);
    expect(reports).toEqual([
      { code: 'AGENCY_UNAVAILABLE', path: ['nomad', 'taxRegistration'], serviceName: 'tax', detail: 'ECONNREFUSED' },
    ]);
  });

  it('passes ordinary parse and validation errors', () => {
    const { result } = mask({
      message: 'Cannot query field "passportNumber" on type "Nomad".',
      locations: [{ line: 1, column: 12 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(result.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});
