import type { GraphQLRequestListener } from '@apollo/server';
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { GatewayContext } from '../subgraphs/datasource.ts';
import { useStatusCodes } from './useStatusCodes.ts';

// The plugin on its own: the listener Apollo would call, with the parts of its context it reads.
// Through a real gateway: http-spec.test.ts and resilience.test.ts.

async function listener(retryAfterSeconds = 7): Promise<GraphQLRequestListener<GatewayContext>> {
  const plugin = useStatusCodes({ retryAfterSeconds: () => retryAfterSeconds }).apollo?.plugins?.[0];
  const started = await plugin?.requestDidStart?.({} as never);
  if (!started) throw new Error('the plugin starts no request listener');
  return started;
}

const schema = buildSchema('type Query { a: Int }');
const operationOf = (text: string) => parse(text).definitions[0] as OperationDefinitionNode;

async function resolve(operation: OperationDefinitionNode | undefined, operationName?: string): Promise<unknown> {
  const l = await listener();
  return l.didResolveOperation?.({ operation, request: { operationName }, schema } as never).then(
    () => null,
    (err: unknown) => err,
  );
}

function response(singleResult: { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] }) {
  return { body: { kind: 'single' as const, singleResult }, http: { status: undefined as number | undefined, headers: new Map<string, string>() } };
}

describe('useStatusCodes', () => {
  it('refuses an operation it cannot run with 400 and a code, never a 500', async () => {
    const codeAndStatus = (err: unknown) => {
      const e = err as { message: string; extensions: { code: string; http: { status: number } } };
      return [e.extensions.code, e.extensions.http.status, e.message];
    };
    expect(codeAndStatus(await resolve(undefined, 'Missing'))).toEqual(['OPERATION_RESOLUTION_FAILURE', 400, 'The document has no operation named "Missing".']);
    expect(codeAndStatus(await resolve(undefined))).toEqual(['OPERATION_RESOLUTION_FAILURE', 400, expect.stringMatching(/several operations/)]);
    expect(codeAndStatus(await resolve(operationOf('subscription { a }')))).toEqual(['BAD_REQUEST', 400, expect.stringMatching(/Subscriptions are not supported/)]);
    expect(codeAndStatus(await resolve(operationOf('mutation { a }')))).toEqual(['BAD_REQUEST', 400, 'This graph has no mutation operations.']);
    expect(await resolve(operationOf('{ a }'))).toBeNull();
  });

  it('answers 503 with Retry-After when no data came because an agency is down; a partial answer stays as it is', async () => {
    const l = await listener(7);
    const down = response({ data: null, errors: [{ extensions: { code: 'AGENCY_UNAVAILABLE' } }] });
    await l.willSendResponse?.({ response: down } as never);
    expect([down.http.status, down.http.headers.get('retry-after')]).toEqual([503, '7']);

    const partial = response({ data: { a: 1 }, errors: [{ extensions: { code: 'AGENCY_UNAVAILABLE' } }] });
    await l.willSendResponse?.({ response: partial } as never);
    expect([partial.http.status, partial.http.headers.get('retry-after')]).toEqual([undefined, undefined]);

    const other = response({ data: null, errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    await l.willSendResponse?.({ response: other } as never);
    expect(other.http.status).toBeUndefined();
  });

  it('never asks a client to retry sooner than a second', async () => {
    const l = await listener(0);
    const down = response({ data: null, errors: [{ extensions: { code: 'AGENCY_UNAVAILABLE' } }] });
    await l.willSendResponse?.({ response: down } as never);
    expect(down.http.headers.get('retry-after')).toBe('1');
  });
});
