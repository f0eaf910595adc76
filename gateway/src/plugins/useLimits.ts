import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type GraphQLFormattedError, type ValidationContext, type ValidationRule } from 'graphql';
import { costLimitPlugin } from '../cost.ts';
import type { GatewayPlugin } from './types.ts';

/** What one operation may ask of the gateway before anything executes. */
export interface Limits {
  /** Deepest field nesting, counted through fragments (a fragment adds no level). @default 12 */
  maxDepth: number;
  /** Aliases per operation, counted through fragments, once per spread. @default 30 */
  maxAliases: number;
  /** Directives per operation (`@include`, `@skip`, …), counted through fragments. @default 50 */
  maxDirectives: number;
  /** Lexical tokens per document; enforced by the parser before it builds a huge AST. @default 5000 */
  maxTokens: number;
  /** Estimated cost (see `operationCost`: page sizes multiply). @default 50000 */
  maxCost: number;
  /** Estimated cost allowed to a caller with the `analyst` role. @default 500000 */
  analystMaxCost: number;
  /** Cost of one call of a field, by `Type.field` (schema/costs.json); 1 when absent. @default {} */
  costWeights: Readonly<Record<string, number>>;
  /** Request body size in bytes; larger bodies get 413 before they are read. @default 1048576 // 1 MiB */
  maxBodyBytes: number;
  /** Page size assumed for a paginated field called without `first`/`last`. @default 20 */
  defaultPageSize: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 5000,
  maxCost: 50_000,
  analystMaxCost: 500_000,
  costWeights: {},
  maxBodyBytes: 1_048_576,
  defaultPageSize: 20,
};

/**
 * graphql-armor words its refusals as "Syntax Error: Query depth limit of 12 exceeded, found
 * 13." and reports them as BAD_USER_INPUT through its Apollo wrapper; the gateway reports a
 * validation error (GRAPHQL_VALIDATION_FAILED, 400) that names the setting to change.
 */
function reportAs(setting: string) {
  return [
    (context: ValidationContext | null, error: GraphQLError) => {
      const message = error.message.replace(/^Syntax Error: /, '').replace(/\.$/, '');
      context?.reportError(new GraphQLError(`${message} (${setting}).`));
    },
  ];
}

/** The rules graphql-armor does as well as the hand-written ones did: depth, aliases, directives. */
export function armorRules(limits: Pick<Limits, 'maxDepth' | 'maxAliases' | 'maxDirectives'>): ValidationRule[] {
  // Report, not throw: a rule that throws escapes graphql-js's validate() and becomes a 500.
  const common = { exposeLimits: true, propagateOnRejection: false } as const;
  return [
    // A fragment spread is not a level of the answer, so it adds none (flattenFragments).
    maxDepthRule({ ...common, n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true, onReject: reportAs('MAX_DEPTH') }),
    maxAliasesRule({ ...common, n: limits.maxAliases, onReject: reportAs('MAX_ALIASES') }),
    maxDirectivesRule({ ...common, n: limits.maxDirectives, onReject: reportAs('MAX_DIRECTIVES') }),
  ] as ValidationRule[];
}

/**
 * graphql-js words the token limit as a syntax error (and misspells it: "more that" in 16.x);
 * it becomes a validation error naming MAX_TOKENS, like the other limits.
 */
export function tokenLimitOf(message: string): number | null {
  const match = /Document contains more th[ae][nt] (\d+) tokens/.exec(message);
  return match?.[1] ? Number.parseInt(match[1], 10) : null;
}

function rewriteTokenLimit(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.extensions?.code !== 'GRAPHQL_PARSE_FAILED') return formatted;
  const tokens = tokenLimitOf(formatted.message);
  if (tokens === null) return formatted;
  return { message: `The document exceeds the limit of ${tokens} tokens (MAX_TOKENS).`, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
}

/**
 * Limits before execution (DESIGN.md): depth, aliases and directives by graphql-armor's
 * validation rules; tokens by graphql-js's own parser (`maxTokens`: armor's token plugin
 * would parse every document a second time); cost by our own estimate, because only it
 * multiplies page sizes and reads variables (see `cost.ts`). The body size is enforced where
 * the body is read (`http/graphql.ts`). Batching is off in `createGateway`.
 */
export function useLimits(limits: Limits): GatewayPlugin {
  return {
    name: 'limits',
    apollo: {
      validationRules: armorRules(limits),
      parseOptions: { maxTokens: limits.maxTokens },
      plugins: [
        costLimitPlugin({
          maxCost: limits.maxCost,
          analystMaxCost: limits.analystMaxCost,
          defaultPageSize: limits.defaultPageSize,
          weights: limits.costWeights,
        }),
      ],
      formatError: rewriteTokenLimit,
    },
  };
}
