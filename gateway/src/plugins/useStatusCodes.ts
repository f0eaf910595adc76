import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';
import { GatewayErrorCode } from '@nomad/contract';
import type { GatewayContext } from '../subgraphs/datasource.ts';
import type { GatewayPlugin } from './types.ts';

export interface StatusCodeOptions {
  /** Seconds a client should wait before retrying when an agency is down (`Retry-After` of a 503). */
  retryAfterSeconds: () => number;
}

function refuse(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/**
 * Without this, Apollo hands an operation it cannot run to the gateway's executor, which
 * throws: HTTP 500 for a client's mistake. These are 400s, with a code the client can act on.
 */
function checkOperation({ operation, request, schema }: Parameters<NonNullable<GraphQLRequestListener<GatewayContext>['didResolveOperation']>>[0]): void {
  if (!operation) {
    // The name the client asked for; the context's own `operationName` is that of a resolved operation.
    const { operationName } = request;
    throw operationName
      ? refuse(`The document has no operation named "${operationName}".`, 'OPERATION_RESOLUTION_FAILURE')
      : refuse('The document holds several operations: name the one to run in operationName.', 'OPERATION_RESOLUTION_FAILURE');
  }
  if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
    throw refuse('Subscriptions are not supported by this graph; send a query or a mutation.', GatewayErrorCode.BAD_REQUEST);
  }
  if (!schema.getRootType(operation.operation)) {
    throw refuse(`This graph has no ${operation.operation} operations.`, GatewayErrorCode.BAD_REQUEST);
  }
}

/**
 * GraphQL-over-HTTP status codes where Apollo's defaults are wrong for a gateway (issue 14):
 * an unknown `operationName`, a `subscription` or a missing root type are 400, never 500; an
 * answer with no data because an agency did not answer is 503 with `Retry-After`, never 200
 * "Internal server error". Partial answers (some data, one agency missing) stay 200.
 */
export function useStatusCodes(options: StatusCodeOptions): GatewayPlugin {
  const listener: GraphQLRequestListener<GatewayContext> = {
    didResolveOperation: (context) => Promise.resolve().then(() => checkOperation(context)),
    willSendResponse({ response }) {
      if (response.body.kind !== 'single') return Promise.resolve();
      const { data, errors } = response.body.singleResult;
      const unavailable = errors?.some((e) => e.extensions?.code === GatewayErrorCode.AGENCY_UNAVAILABLE);
      if (data == null && unavailable) {
        response.http.status = 503;
        response.http.headers.set('retry-after', String(Math.max(1, options.retryAfterSeconds())));
      }
      return Promise.resolve();
    },
  };
  const plugin: ApolloServerPlugin<GatewayContext> = { requestDidStart: () => Promise.resolve(listener) };
  return { name: 'status-codes', apollo: { plugins: [plugin] } };
}
