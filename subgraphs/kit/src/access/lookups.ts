import {
  defaultFieldResolver,
  GraphQLError,
  getNamedType,
  isInputObjectType,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLSchema,
} from 'graphql';
import { hasRole, type Principal } from '../auth.ts';
import { ErrorCode } from '../errors.ts';

/**
 * Argument and input-field names that pick out one person or one record although their type is
 * a String: an application's number, a PIN. Anything typed `ID` does as well (`id`, `nomadId`,
 * `subjectId`, `applicationId`).
 */
const IDENTIFYING_NAMES: ReadonlySet<string> = new Set(['number', 'pin']);

/** Federation's own root fields: the gateway's joins inside a query plan, by entity keys. */
const FEDERATION_FIELDS: ReadonlySet<string> = new Set(['_entities', '_service']);

/** The message of the refusal; it quotes no value (the id or number asked for stays unsaid). */
export const ANALYST_LOOKUP_REFUSED = 'Analysts may not look up a person or a record by id or number; ask the lists and statistics, which answer pseudonymously.';

type Definition = GraphQLArgument | GraphQLInputField;

/** Whether a definition identifies one person or record: typed `ID`, or a number or PIN by name. */
function identifies(definition: Definition): boolean {
  return getNamedType(definition.type).name === 'ID' || IDENTIFYING_NAMES.has(definition.name);
}

/**
 * The path of the first identifying argument given a value (`id`, `filter.nomadId`), looking
 * into input objects and lists of them; null when none is.
 */
export function identifyingArgument(definitions: readonly Definition[], values: Readonly<Record<string, unknown>>, prefix = ''): string | null {
  for (const definition of definitions) {
    const value = values[definition.name];
    if (value === undefined || value === null) continue;
    const path = `${prefix}${definition.name}`;
    if (identifies(definition)) return path;
    const type = getNamedType(definition.type);
    if (!isInputObjectType(type)) continue;
    const fields = Object.values(type.getFields());
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item !== 'object' || item === null) continue;
      const found = identifyingArgument(fields, item as Record<string, unknown>, `${path}.`);
      if (found) return found;
    }
  }
  return null;
}

/** Whether the caller is an analyst (whatever other role they also hold): no lookups for them. */
export function isAnalyst(principal: Principal | undefined): boolean {
  return principal !== undefined && hasRole(principal, 'analyst');
}

/** The refusal of an analyst's lookup: FORBIDDEN, naming the argument, quoting no value. */
export function analystLookupRefused(argument: string): GraphQLError {
  return new GraphQLError(ANALYST_LOOKUP_REFUSED, { extensions: { code: ErrorCode.FORBIDDEN, field: argument } });
}

/**
 * For a service that looks a person or record up (`getNomad`): throws the refusal when the
 * caller is an analyst. `refuseAnalystLookups` already stops them at the root field; this
 * keeps the rule where the service decides too.
 */
export function assertNotAnalystLookup(principal: Principal, argument: string): void {
  if (isAnalyst(principal)) throw analystLookupRefused(argument);
}

/**
 * Refuses analysts every lookup by id or number (issue 16, no re-identification): a root query
 * field given a value for an argument typed `ID` or named `number` or `pin`, at any depth of its
 * input objects (`nomad(id:)`, `application(number:)`, `applications(filter: { nomadId })`,
 * `laborAccessRecords(subjectId:)`), answers FORBIDDEN naming the argument in
 * `extensions.field`, before its resolver runs. Analysts see ids only as the gateway's
 * pseudonyms, which no subgraph could look up anyway; their lists and statistics stay open.
 * Federation's `_entities` is untouched: it is how the gateway joins agencies inside a plan.
 * Wraps the resolvers of the schema's Query type in place.
 */
export function refuseAnalystLookups(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  if (!query) return schema;
  for (const field of Object.values(query.getFields())) {
    if (FEDERATION_FIELDS.has(field.name) || field.args.length === 0) continue;
    const resolve = field.resolve ?? defaultFieldResolver;
    const args = field.args;
    field.resolve = (source, values: Record<string, unknown>, context: { principal?: Principal }, info) => {
      if (isAnalyst(context.principal)) {
        const argument = identifyingArgument(args, values);
        if (argument !== null) {
          throw analystLookupRefused(argument);
        }
      }
      return resolve(source, values, context, info);
    };
  }
  return schema;
}
