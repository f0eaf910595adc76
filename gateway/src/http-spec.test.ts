import { readFile } from 'node:fs/promises';
import { auditServer, type AuditResult } from 'graphql-http';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, post, startFakeSubgraph, startGateway } from './__fixtures__/gateway.ts';
import type { Gateway } from './server.ts';

let gateway: Gateway;
let auth: Record<string, string>;
beforeAll(async () => {
  const hello = await startFakeSubgraph({ hello: 'world' });
  // As `npm start` runs it: introspection on (the audit asks `__type` to check UTF-8 handling).
  gateway = await startGateway({ subgraphUrls: { hello: hello.url }, introspection: true });
  auth = await bearer();
});

describe('GraphQL-over-HTTP status codes', () => {
  it.each([
    ['an unknown operationName', { query: 'query A { hello }', operationName: 'B' }, 'OPERATION_RESOLUTION_FAILURE', /no operation named "B"/],
    ['two operations and no operationName', { query: 'query A { hello } query B { hello }' }, 'OPERATION_RESOLUTION_FAILURE', /name the one/],
    ['a subscription', { query: 'subscription S { hello }' }, 'BAD_REQUEST', /Subscriptions are not supported/],
    ['a mutation on a graph without mutations', { query: 'mutation M { hello }' }, 'BAD_REQUEST', /no mutation operations/],
  ])('answers %s with 400 and a stable code, never 500', async (_case, body, code, message) => {
    const response = await post(gateway, body, auth);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.code).toBe(code);
    expect(response.body.errors?.[0]?.message).toMatch(message);
  });

  it('answers a valid operation with 200, in the media type the client asked for', async () => {
    const response = await post(gateway, { query: '{ hello }' }, { ...auth, accept: 'application/graphql-response+json' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(response.body).toEqual({ data: { hello: 'world' } });
  });
});

/**
 * The `graphql-http` audit (the spec's own conformance suite) against the gateway, with a
 * token on every request. Every MUST passes. SHOULDs the gateway declines, and why:
 * - 572B, FDE2, 7B9B (200 for parse, validation and variable errors under
 *   `application/json`): issue 14 makes every client mistake a 4xx with a stable code;
 *   the gateway answers 400 in both media types.
 * MAYs it declines: operations over GET (5A70, D6D5, 6A70), which would put queries,
 * variables and purposes into URLs and access logs.
 */
describe('graphql-http audit', () => {
  let results: AuditResult[];
  beforeAll(async () => {
    const fetchFn = (input: Parameters<typeof fetch>[0], init: RequestInit = {}) =>
      fetch(input, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), ...auth } });
    results = await auditServer({ url: gateway.url, fetchFn });
  });

  const of = (requirement: string) => results.filter((r) => r.name.startsWith(`${requirement} `));
  const failed = (requirement: string) =>
    of(requirement)
      .filter((r) => r.status !== 'ok')
      .map((r) => r.id)
      .sort();

  it('passes every MUST', () => {
    expect(of('MUST').length).toBeGreaterThan(10);
    expect(failed('MUST')).toEqual([]);
  });

  it('passes every SHOULD but the three that would answer a client mistake with 200', () => {
    expect(of('SHOULD').length).toBeGreaterThan(10);
    expect(failed('SHOULD')).toEqual(['572B', '7B9B', 'FDE2']);
  });

  it('declines only the MAYs that would run operations over GET', () => {
    expect(failed('MAY')).toEqual(['5A70', '6A70', 'D6D5']);
  });

  it('gives the MUST and SHOULD counts that the README states', async () => {
    const page = (await readFile(new URL('../../README.md', import.meta.url), 'utf8')).replace(/\s+/g, ' ');
    const stated = /`graphql-http` audit \(GraphQL over HTTP\) in the suite: \*\*(\d+) of (\d+) MUST, (\d+) of (\d+) SHOULD\*\*/.exec(page);
    expect(stated).not.toBeNull();
    const count = (requirement: string) => [of(requirement).length - failed(requirement).length, of(requirement).length].map(String);
    expect(stated?.slice(1)).toEqual([...count('MUST'), ...count('SHOULD')]);
  });

  it('gives the counts that docs/operators.md states', async () => {
    const page = (await readFile(new URL('../../docs/operators.md', import.meta.url), 'utf8')).replace(/\s+/g, ' ');
    const stated = /\*\*(\d+) of (\d+) MUST pass, (\d+) of (\d+) SHOULD, (\d+) of (\d+) MAY\*\*/.exec(page);
    expect(stated).not.toBeNull();
    const count = (requirement: string) => [of(requirement).length - failed(requirement).length, of(requirement).length].map(String);
    expect(stated?.slice(1)).toEqual([...count('MUST'), ...count('SHOULD'), ...count('MAY')]);
  });
});
