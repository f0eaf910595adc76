import type { ApolloServerPlugin } from '@apollo/server';
import { GatewayErrorCode } from '@nomad/contract';
import {
  GraphQLError,
  Kind,
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
  type ValueNode,
} from 'graphql';
import type { GatewayContext } from './subgraphs/datasource.ts';

/*
 * Why this is our own code and not `@escape.tech/graphql-armor-cost-limit` (whose depth,
 * alias and directive rules the gateway does use): armor's cost is a validation rule, so it
 * never sees variables — `friends(first: $n)` costs the same for n = 2 and n = 100000 — and it
 * multiplies only by a literal `first`, knows nothing of the schema (a connection called
 * without `first` costs one page of `defaultPageSize` here, nothing there), and weighs depth
 * by a constant factor instead of the page sizes that a federated plan actually fetches.
 */

/**
 * The schema handed to plugins is built by @apollo/gateway, a CommonJS package that loads
 * graphql's CommonJS build, while code run through a bundler (vitest) may get its ES module
 * build. graphql's `isObjectType` & co. check `instanceof` and throw across the two, so the
 * cost estimate recognises types by their `Symbol.toStringTag`, which both builds share.
 */
export function typeTag(type: GraphQLType | null | undefined): string | undefined {
  return type ? (type as unknown as { [Symbol.toStringTag]: string })[Symbol.toStringTag] : undefined;
}

export function fieldOf(parent: GraphQLCompositeType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  const tag = typeTag(parent);
  if (tag !== 'GraphQLObjectType' && tag !== 'GraphQLInterfaceType') return undefined;
  return (parent as GraphQLObjectType).getFields()[name];
}

export function compositeOf(type: GraphQLType | null | undefined): GraphQLCompositeType | undefined {
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
  /** Page size assumed for a paging field called without `first`/`last`. @default 20 */
  defaultPageSize?: number;
  /**
   * What one call of a field costs, by `Type.field` (schema/costs.json); 1 when absent. A
   * weight is the field's own work (an aggregate over a whole table, a COUNT), paid once per
   * time the field is fetched, so page sizes above it multiply it like anything else.
   */
  weights?: Readonly<Record<string, number>>;
}

const PAGE_ARGUMENTS: ReadonlySet<string> = new Set(['first', 'last']);

function findOperation(document: DocumentNode, operationName: string | null | undefined) {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((o) => o.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

/** One estimate: the document's fragments and the operation's variables, walked once. */
class CostEstimate {
  readonly #fragments = new Map<string, FragmentDefinitionNode>();
  readonly #variableDefaults = new Map<string, ValueNode>();
  // Fragment costs depend only on the fragment (variables are operation-wide), so memoize.
  readonly #memo = new Map<string, number>();
  readonly #visiting = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    private readonly variables: Readonly<Record<string, unknown>> | undefined,
    private readonly defaultPageSize: number,
    private readonly weights: Readonly<Record<string, number>>,
  ) {
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) this.#fragments.set(d.name.value, d);
    for (const v of operation.variableDefinitions ?? []) {
      if (v.defaultValue) this.#variableDefaults.set(v.variable.name.value, v.defaultValue);
    }
  }

  /** The page size an argument asks for: a literal, the variable's value, else the variable's default. */
  pageSizeOf(value: ValueNode): number | undefined {
    if (value.kind === Kind.INT) return Number.parseInt(value.value, 10);
    if (value.kind !== Kind.VARIABLE) return undefined;
    const given = this.variables?.[value.name.value];
    if (typeof given === 'number' && Number.isInteger(given)) return given;
    const fallback = this.#variableDefaults.get(value.name.value);
    return fallback ? this.pageSizeOf(fallback) : undefined;
  }

  /** How many times a field's selection is fetched: its page size when it pages, else once. */
  multiplierOf(node: FieldNode, parent: GraphQLCompositeType | undefined): number {
    const definition = fieldOf(parent, node.name.value);
    const pages =
      definition?.args.some((a) => PAGE_ARGUMENTS.has(a.name)) ?? node.arguments?.some((a) => PAGE_ARGUMENTS.has(a.name.value)) ?? false;
    if (!pages) return 1;
    const sizes = (node.arguments ?? [])
      .filter((a) => PAGE_ARGUMENTS.has(a.name.value))
      .map((a) => this.pageSizeOf(a.value))
      .filter((n): n is number => n !== undefined);
    return sizes.length > 0 ? Math.max(0, ...sizes) : this.defaultPageSize;
  }

  typeNamed(name: string | undefined, fallback: GraphQLCompositeType | undefined): GraphQLCompositeType | undefined {
    return (name ? compositeOf(this.schema.getType(name)) : undefined) ?? fallback;
  }

  ofField(node: FieldNode, parent: GraphQLCompositeType | undefined): number {
    if (node.name.value === '__typename') return 0;
    const children = node.selectionSet ? this.ofSet(node.selectionSet, compositeOf(fieldOf(parent, node.name.value)?.type)) : 0;
    return this.weightOf(node, parent) + this.multiplierOf(node, parent) * children;
  }

  /** The field's own cost: its weight in the map when the parent is known, else 1. */
  weightOf(node: FieldNode, parent: GraphQLCompositeType | undefined): number {
    const weight = parent ? this.weights[`${parent.name}.${node.name.value}`] : undefined;
    return weight ?? 1;
  }

  /** A fragment cycle (reported by graphql-js's own NoFragmentCycles rule) costs nothing here. */
  ofFragment(name: string, parent: GraphQLCompositeType | undefined): number {
    const fragment = this.#fragments.get(name);
    if (!fragment || this.#visiting.has(name)) return 0;
    let cost = this.#memo.get(name);
    if (cost === undefined) {
      this.#visiting.add(name);
      cost = this.ofSet(fragment.selectionSet, this.typeNamed(fragment.typeCondition.name.value, parent));
      this.#visiting.delete(name);
      this.#memo.set(name, cost);
    }
    return cost;
  }

  ofSet(set: SelectionSetNode, parent: GraphQLCompositeType | undefined): number {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) total += this.ofField(selection, parent);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += this.ofSet(selection.selectionSet, this.typeNamed(selection.typeCondition?.name.value, parent));
      } else total += this.ofFragment(selection.name.value, parent);
    }
    return total;
  }
}

/**
 * Estimated cost of an operation: every field costs its weight (1 unless schema/costs.json
 * says otherwise; `__typename` is free), and a field
 * that pages (its definition or the query gives it `first`/`last`) multiplies the cost of
 * what it selects by the page size asked for, or `defaultPageSize` when none is given.
 * `nomads(first: 50) { edges { node { applications(first: 10) { … } } } }` thus costs about
 * 50 × 10 × (fields per application). Lists without paging arguments count once: the
 * schema's rule is that unbounded lists are connections.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, options: CostOptions = {}): number {
  const operation = findOperation(document, options.operationName);
  if (!operation) return 0;
  const estimate = new CostEstimate(schema, document, operation, options.variables, options.defaultPageSize ?? 20, options.weights ?? {});
  return estimate.ofSet(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined);
}

/** What the cost limit needs: the budgets, the page size assumed, the weights. */
export interface CostLimitOptions {
  /** The budget of every caller but analysts (MAX_COST). */
  maxCost: number;
  /**
   * The budget of a caller with the `analyst` role (ANALYST_MAX_COST): ad-hoc questions over
   * the whole program walk more than an officer's screen. A caller with several roles gets
   * the larger of the budgets its roles allow.
   */
  analystMaxCost: number;
  defaultPageSize: number;
  weights: Readonly<Record<string, number>>;
}

/** The budget that applies to a caller, and the setting that sets it (named in the refusal). */
export function budgetOf(roles: readonly string[] | undefined, options: Pick<CostLimitOptions, 'maxCost' | 'analystMaxCost'>): { budget: number; setting: string } {
  if (roles?.includes('analyst') && options.analystMaxCost > options.maxCost) return { budget: options.analystMaxCost, setting: 'ANALYST_MAX_COST' };
  return { budget: options.maxCost, setting: 'MAX_COST' };
}

/**
 * Refuses an operation whose estimated cost exceeds the caller's budget (MAX_COST, or
 * ANALYST_MAX_COST for analysts), before the query planner or any subgraph sees it:
 * `COST_LIMIT_EXCEEDED` (HTTP 400) with `extensions.cost` and `extensions.budget`. This is a
 * plugin and not a validation rule because the cost depends on variable values (`first: $n`),
 * which validation never sees and Apollo caches validation per document.
 */
export function costLimitPlugin(options: CostLimitOptions): ApolloServerPlugin<GatewayContext> {
  const { defaultPageSize, weights } = options;
  return {
    // Synchronous work: the hooks return settled promises instead of being `async` without an `await`.
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ schema, document, operationName, request, contextValue }) => {
          const cost = operationCost(schema, document, { operationName, variables: request.variables, defaultPageSize, weights });
          const { budget, setting } = budgetOf(contextValue.principal?.roles, options);
          if (cost <= budget) return Promise.resolve();
          return Promise.reject(
            new GraphQLError(`The operation's estimated cost is ${cost}; this caller's budget is ${budget} (${setting}).`, {
              extensions: { code: GatewayErrorCode.COST_LIMIT_EXCEEDED, cost, budget, http: { status: 400 } },
            }),
          );
        },
      }),
  };
}
