import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError, ParseOptions, ValidationRule } from 'graphql';
import type { GatewayContext } from '../subgraphs/datasource.ts';
import type { Exchange, Reply } from '../http/exchange.ts';

/** What a hook answers: a reply ends the request there; nothing lets it go on. */
export type HookResult = Reply | undefined | Promise<Reply | undefined>;

/**
 * What a body hook answers: `reply` refuses the operation; `body` replaces the request body
 * Apollo gets (the registered document's text for its hash); nothing lets it go on as sent.
 */
export type BodyHookResult = { reply: Reply } | { body: Record<string, unknown> } | undefined;

/** What a plugin adds to Apollo Server. */
export interface ApolloContribution {
  plugins?: ApolloServerPlugin<GatewayContext>[];
  validationRules?: ValidationRule[];
  /** Merged into Apollo's `parseOptions` (e.g. `maxTokens`). */
  parseOptions?: ParseOptions;
  /** Applied in plugin order to every error that leaves the gateway. */
  formatError?: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

/**
 * One cross-cutting concern of the gateway, in the manner of `@graphql-hive/gateway`'s
 * `use*` plugins: `createGateway` runs the hooks of its plugins in order and owns nothing
 * else but the assembly.
 */
export interface GatewayPlugin {
  /** Names the plugin in tests and logs. */
  readonly name: string;
  /** Every HTTP request, before routing: answer it (a CORS preflight, `/health`) or let it pass. */
  onRequest?: (exchange: Exchange) => HookResult;
  /** Every GraphQL operation (`POST /graphql`) before Apollo sees it: refuse it or learn about it. */
  onOperation?: (exchange: Exchange) => HookResult;
  /**
   * Every GraphQL operation's parsed JSON body (an object), once every `onOperation` let it in
   * (the caller is known), before Apollo sees it: refuse it, or replace it.
   */
  onBody?: (exchange: Exchange, body: Record<string, unknown>) => BodyHookResult;
  apollo?: ApolloContribution;
}
