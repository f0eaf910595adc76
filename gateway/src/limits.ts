import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';

/** What one operation may ask of the gateway before anything executes. */
export interface Limits {
  /** Deepest field nesting, counted through fragments. @default 12 */
  maxDepth: number;
  /** Aliases per operation, counted through fragments. @default 30 */
  maxAliases: number;
  /** Lexical tokens per document; enforced by the parser. @default 5000 */
  maxTokens: number;
  /** Estimated cost (see `operationCost`). @default 50000 */
  maxCost: number;
  /** Request body size in bytes; larger bodies get 413. @default 1048576 // 1 MiB */
  maxBodyBytes: number;
  /** Page size assumed for a paginated field called without `first`/`last`. @default 20 */
  defaultPageSize: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 5000,
  maxCost: 50_000,
  maxBodyBytes: 1_048_576,
  defaultPageSize: 20,
};

/**
 * Introspection's shape is fixed by the spec and nests 13 deep (`ofType` × 9) in GraphiQL's
 * own query, so its subtree is not counted for depth; tokens and cost still bound it.
 */
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

type FragmentLookup = (name: string) => FragmentDefinitionNode | undefined | null;

/**
 * A fold over a selection set that expands fragment spreads, remembering each fragment's
 * result so that a fragment spread a thousand times is measured once, and treating a
 * fragment cycle (reported by graphql-js's own NoFragmentCycles rule) as zero.
 */
function measure(
  getFragment: FragmentLookup,
  field: (node: FieldNode, measureChildren: (set: SelectionSetNode) => number) => number,
  combine: (a: number, b: number) => number,
): (set: SelectionSetNode) => number {
  const memo = new Map<string, number>();
  const visiting = new Set<string>();
  const ofSet = (set: SelectionSetNode): number => {
    let total = 0;
    for (const selection of set.selections) {
      let value: number;
      if (selection.kind === Kind.FIELD) value = field(selection, ofSet);
      else if (selection.kind === Kind.INLINE_FRAGMENT) value = ofSet(selection.selectionSet);
      else value = ofFragment(selection.name.value);
      total = combine(total, value);
    }
    return total;
  };
  const ofFragment = (name: string): number => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    const fragment = getFragment(name);
    if (!fragment || visiting.has(name)) return 0;
    visiting.add(name);
    const value = ofSet(fragment.selectionSet);
    visiting.delete(name);
    memo.set(name, value);
    return value;
  };
  return ofSet;
}

/** Depth of the deepest field path in an operation; `{ a { b } }` is 2. */
export function operationDepth(operation: OperationDefinitionNode, getFragment: FragmentLookup): number {
  return measure(
    getFragment,
    (node, children) => {
      if (INTROSPECTION_ROOTS.has(node.name.value)) return 0;
      return node.selectionSet ? 1 + children(node.selectionSet) : 1;
    },
    Math.max,
  )(operation.selectionSet);
}

/** Aliased fields in an operation, fragments counted once per spread. */
export function operationAliases(operation: OperationDefinitionNode, getFragment: FragmentLookup): number {
  return measure(
    getFragment,
    (node, children) => (node.alias ? 1 : 0) + (node.selectionSet ? children(node.selectionSet) : 0),
    (a, b) => a + b,
  )(operation.selectionSet);
}

function perOperationRule(
  measureOperation: (operation: OperationDefinitionNode, getFragment: FragmentLookup) => number,
  limit: number,
  message: (value: number) => string,
): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const value = measureOperation(node, (name) => context.getFragment(name));
      if (value > limit) context.reportError(new GraphQLError(message(value), { nodes: [node] }));
      // Fields inside were measured here already; nothing below needs visiting by this rule.
      return false;
    },
  });
}

/** Refuses operations nested deeper than `maxDepth` (MAX_DEPTH). */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return perOperationRule(
    operationDepth,
    maxDepth,
    (depth) => `The operation nests fields ${depth} deep; the limit is ${maxDepth} (MAX_DEPTH).`,
  );
}

/** Refuses operations with more than `maxAliases` aliases (MAX_ALIASES): alias bombs repeat one costly field. */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return perOperationRule(
    operationAliases,
    maxAliases,
    (aliases) => `The operation uses ${aliases} aliases; the limit is ${maxAliases} (MAX_ALIASES).`,
  );
}

/**
 * The schema handed to plugins is built by @apollo/gateway, a CommonJS package that loads
 * graphql's CommonJS build, while code run through a bundler (vitest) may get its ES module
 * build. graphql's `isObjectType` & co. check `instanceof` and throw across the two, so the
 * cost estimate recognises types by their `Symbol.toStringTag`, which both builds share.
 */
function typeTag(type: GraphQLType | null | undefined): string | undefined {
  return type ? (type as unknown as { [Symbol.toStringTag]: string })[Symbol.toStringTag] : undefined;
}

function fieldOf(parent: GraphQLCompositeType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  const tag = typeTag(parent);
  if (tag !== 'GraphQLObjectType' && tag !== 'GraphQLInterfaceType') return undefined;
  return (parent as GraphQLObjectType).getFields()[name];
}

function compositeOf(type: GraphQLType | null | undefined): GraphQLCompositeType | undefined {
  let named: GraphQLType | null | undefined = type;
  while (typeTag(named) === 'GraphQLNonNull' || typeTag(named) === 'GraphQLList') {
    named = (named as { ofType: GraphQLType }).ofType;
  }
  const tag = typeTag(named);
  const composite = tag === 'GraphQLObjectType' || tag === 'GraphQLInterfaceType' || tag === 'GraphQLUnionType';
  return composite ? (named as GraphQLNamedType as GraphQLCompositeType) : undefined;
}

export interface CostOptions {
  /** Which operation of the document runs; the only one when omitted. */
  operationName?: string | null | undefined;
  /** The request's variables, so that `first: $n` costs what `$n` asks for. */
  variables?: Readonly<Record<string, unknown>> | undefined;
  /** @default 20 */
  defaultPageSize?: number;
}

const PAGE_ARGUMENTS = ['first', 'last'] as const;

function findOperation(document: DocumentNode, operationName: string | null | undefined) {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((o) => o.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

/**
 * Estimated cost of an operation: every field costs 1 (`__typename` is free), and a field
 * that pages (its definition or the query gives it `first`/`last`) multiplies the cost of
 * what it selects by the page size asked for, or `defaultPageSize` when none is given.
 * `nomads(first: 50) { edges { node { applications(first: 10) { … } } } }` thus costs about
 * 50 × 10 × (fields per application). Lists without paging arguments count once: the
 * schema's rule is that unbounded lists are connections.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, options: CostOptions = {}): number {
  const defaultPageSize = options.defaultPageSize ?? DEFAULT_LIMITS.defaultPageSize;
  const operation = findOperation(document, options.operationName);
  if (!operation) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const variableDefaults = new Map<string, ValueNode>();
  for (const v of operation.variableDefinitions ?? []) {
    if (v.defaultValue) variableDefaults.set(v.variable.name.value, v.defaultValue);
  }

  const pageSizeOf = (value: ValueNode): number | undefined => {
    if (value.kind === Kind.INT) return Number.parseInt(value.value, 10);
    if (value.kind !== Kind.VARIABLE) return undefined;
    const given = options.variables?.[value.name.value];
    if (typeof given === 'number' && Number.isInteger(given)) return given;
    const fallback = variableDefaults.get(value.name.value);
    return fallback ? pageSizeOf(fallback) : undefined;
  };

  const multiplierOf = (node: FieldNode, parent: GraphQLCompositeType | undefined): number => {
    const definition = fieldOf(parent, node.name.value);
    const pages =
      definition?.args.some((a) => (PAGE_ARGUMENTS as readonly string[]).includes(a.name)) ??
      node.arguments?.some((a) => (PAGE_ARGUMENTS as readonly string[]).includes(a.name.value)) ??
      false;
    if (!pages) return 1;
    const sizes = (node.arguments ?? [])
      .filter((a) => (PAGE_ARGUMENTS as readonly string[]).includes(a.name.value))
      .map((a) => pageSizeOf(a.value))
      .filter((n): n is number => n !== undefined);
    return sizes.length > 0 ? Math.max(0, ...sizes) : defaultPageSize;
  };

  const typeNamed = (name: string | undefined, fallback: GraphQLCompositeType | undefined) =>
    (name ? compositeOf(schema.getType(name)) : undefined) ?? fallback;

  // Fragment costs depend only on the fragment (variables are operation-wide), so memoize.
  const memo = new Map<string, number>();
  const visiting = new Set<string>();
  const costOfSet = (set: SelectionSetNode, parent: GraphQLCompositeType | undefined): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === '__typename') continue;
        const children = selection.selectionSet
          ? costOfSet(selection.selectionSet, compositeOf(fieldOf(parent, selection.name.value)?.type))
          : 0;
        total += 1 + multiplierOf(selection, parent) * children;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += costOfSet(selection.selectionSet, typeNamed(selection.typeCondition?.name.value, parent));
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue;
        let cost = memo.get(name);
        if (cost === undefined) {
          visiting.add(name);
          cost = costOfSet(fragment.selectionSet, typeNamed(fragment.typeCondition.name.value, parent));
          visiting.delete(name);
          memo.set(name, cost);
        }
        total += cost;
      }
    }
    return total;
  };

  const root = schema.getRootType(operation.operation) ?? undefined;
  return costOfSet(operation.selectionSet, root);
}

/**
 * Refuses an operation whose estimated cost exceeds `maxCost` (MAX_COST), before the query
 * planner or any subgraph sees it. This is a plugin and not a validation rule because the
 * cost depends on variable values (`first: $n`), which validation never sees and Apollo
 * caches validation per document.
 */
export function costLimitPlugin(maxCost: number, defaultPageSize: number): ApolloServerPlugin<BaseContext> {
  return {
    // Synchronous work: the hooks return settled promises instead of being `async` without an `await`.
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ schema, document, operationName, request }) => {
          const cost = operationCost(schema, document, { operationName, variables: request.variables, defaultPageSize });
          if (cost <= maxCost) return Promise.resolve();
          return Promise.reject(
            new GraphQLError(`The operation's estimated cost is ${cost}; the limit is ${maxCost} (MAX_COST).`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            }),
          );
        },
      }),
  };
}

/**
 * graphql-js words the token limit as a syntax error (and misspells it: "more that" in 16.x);
 * the error masker rewrites it to a validation error naming MAX_TOKENS, like the other limits.
 */
export function tokenLimitOf(message: string): number | null {
  const match = /Document contains more th[ae][nt] (\d+) tokens/.exec(message);
  return match?.[1] ? Number.parseInt(match[1], 10) : null;
}
