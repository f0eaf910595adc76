import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import {
  Kind,
  TypeInfo,
  getArgumentValues,
  getVariableValues,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { ErrorCode } from '../errors.ts';
import { getOrCreate } from '../memo.ts';
import { checkInputValue, DEFAULT_INPUT_LIMITS, type InputLimits, type InputViolation } from './input-rules.ts';

/** Reported at most per request: enough to fix a form, not a flood. */
const MAX_REPORTED = 20;

/** A field of the operation that takes arguments, with its definition: where argument values are checked. */
interface ArgumentSite {
  def: GraphQLField<unknown, unknown>;
  node: FieldNode;
}

/**
 * The fields with arguments of each operation, per schema, found once: Apollo Server keeps a
 * parsed document per query text, so the walk (with type information, through the fragments)
 * runs once per operation text, not on every request.
 */
const sitesCache = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, ArgumentSite[]>>();

function argumentSites(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): ArgumentSite[] {
  return getOrCreate(getOrCreate(sitesCache, schema, () => new WeakMap()), operation, () => findArgumentSites(schema, document, operation));
}

function findArgumentSites(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): ArgumentSite[] {
  const found: ArgumentSite[] = [];
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      const def = typeInfo.getFieldDef();
      if (def && def.args.length > 0) found.push({ def, node });
    },
  });
  // The operation and the fragments it may spread (unused ones fail validation before this).
  for (const definition of document.definitions) {
    if (definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
  }
  return found;
}

/** Every argument value the operation passes, after variables are applied, checked against the limits. */
export function findInputViolations(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
  limits: InputLimits,
): InputViolation[] {
  const violations: InputViolation[] = [];
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {}, { maxErrors: 1 });
  // Variables that do not fit their types fail execution with GraphQL's own error.
  if (coerced.errors) return violations;
  for (const { def, node } of argumentSites(schema, document, operation)) {
    let values: Record<string, unknown>;
    try {
      values = getArgumentValues(def, node, coerced.coerced);
    } catch {
      continue; // an argument that does not coerce: execution reports it
    }
    for (const arg of def.args) checkInputValue(values[arg.name], arg.type, arg.name, limits, violations);
  }
  return violations;
}

/**
 * Refuses client mistakes before any resolver (and so any SQL) runs: text PostgreSQL cannot
 * store (NUL, lone surrogates), over-long strings, huge lists and IDs that are not UUIDs, in
 * every argument and input field of every agency. Each problem is a `BAD_USER_INPUT` error
 * naming its input path in `extensions.field`; nothing executes.
 *
 * The answer is HTTP 200 with the errors and no data, as for a resolver's error: the gateway
 * reads the body of a 2xx subgraph answer only, and replaces a 4xx's errors with its own
 * "500: Internal Server Error".
 */
export function inputValidationPlugin<TContext extends object>(limits: InputLimits = DEFAULT_INPUT_LIMITS): ApolloServerPlugin<TContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        responseForOperation(rc): Promise<GraphQLResponse | null> {
          const violations = findInputViolations(rc.schema, rc.document, rc.operation, rc.request.variables, limits);
          if (violations.length === 0) return Promise.resolve(null);
          const errors = violations.slice(0, MAX_REPORTED).map((v) => ({
            message: `\`${v.field}\` ${v.message}.`,
            extensions: { code: ErrorCode.BAD_USER_INPUT, field: v.field },
          }));
          return Promise.resolve({ http: { status: 200, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { errors } } });
        },
      });
    },
  };
}
