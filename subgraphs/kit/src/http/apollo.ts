import { ApolloServer, type GraphQLRequestContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { DocumentNode, GraphQLFormattedError } from 'graphql';
import { ErrorCode, isDatabaseUnavailable, PUBLIC_ERROR_CODES } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { refuseAnalystLookups } from '../access/lookups.ts';
import { purposeRequiredPlugin } from '../access/purpose.ts';
import type { Principal } from '../auth.ts';
import { inputValidationPlugin } from '../validation/plugin.ts';
import type { ServerMetrics } from './metrics.ts';

export interface SubgraphModule<TContext> {
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<TContext>;
}

/**
 * Masks anything that is not a coded, public error: no stack, no SQL, no internal URL. The
 * operator's line names the error by its code and statement (`describeError` through the
 * logger's `err` serializer), never its message: drizzle's messages carry every parameter.
 */
export function maskError(formatted: GraphQLFormattedError, logger: Logger, error?: unknown, requestId?: string): GraphQLFormattedError {
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
  if (code && PUBLIC_ERROR_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    const extensions: Record<string, unknown> = { code };
    if (typeof formatted.extensions?.field === 'string') extensions.field = formatted.extensions.field;
    return {
      message: formatted.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions,
    };
  }
  logger.error({ requestId, code, path: formatted.path, err: unwrapResolverError(error) }, 'internal error masked');
  return {
    message: 'Internal server error',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/** Apollo Server over the subgraph schema: masked errors, no traces, no batching, started. */
export async function startApollo<TContext extends { principal: Principal; purpose: string | null }>(options: {
  modules: SubgraphModule<TContext>[];
  introspection: boolean;
  /** The agency's personal fields (`Type.field`): staff must give a purpose to select one. */
  personalFields: Iterable<string>;
  logger: Logger;
  metrics: ServerMetrics;
}): Promise<ApolloServer<TContext>> {
  const { logger, metrics } = options;
  const apollo = new ApolloServer<TContext>({
    // Analysts never look anyone up by id or number (their lists and statistics stay open).
    schema: refuseAnalystLookups(buildSubgraphSchema(options.modules)),
    introspection: options.introspection,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // The service's main handles SIGINT/SIGTERM (close the server, then the database).
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => maskError(formatted, logger, error),
    plugins: [
      // Traces are for Apollo's hosted studio, which we do not use: never send them to the gateway.
      ApolloServerPluginInlineTraceDisabled(),
      // The gateway ignores a subgraph's cache hints and answers `no-store`: computing them wrapped
      // every field's resolver (Apollo's willResolveField), 2-3% of a subgraph's time.
      ApolloServerPluginCacheControlDisabled(),
      // Client mistakes in arguments are refused here, before any resolver or SQL runs.
      inputValidationPlugin(),
      // A staff member's read of personal data without a purpose is refused before it runs.
      purposeRequiredPlugin(options.personalFields),
      {
        requestDidStart() {
          return Promise.resolve({
            willSendResponse(rc: GraphQLRequestContext<TContext>) {
              metrics.operations.inc({ outcome: rc.errors?.length ? 'error' : 'ok' });
              // The agency cannot answer without its database: 503, which the gateway turns into
              // AGENCY_UNAVAILABLE naming the agency (and counts for its circuit breaker).
              if (rc.errors?.some((error) => isDatabaseUnavailable(error))) {
                rc.response.http.status = 503;
                rc.response.http.headers.set('retry-after', '1');
              }
              return Promise.resolve();
            },
          });
        },
      },
    ],
  });
  await apollo.start();
  return apollo;
}
