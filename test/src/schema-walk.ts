import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Supergraph } from '@apollo/federation-internals';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { SUPERGRAPH_PATH } from '@nomad/schema';

/**
 * The graph as clients see it (the supergraph's API schema), for tests that derive their
 * cases from the schema instead of a hand-written list that would miss the next field.
 */
export async function loadApiSchema(): Promise<GraphQLSchema> {
  const sdl = await readFile(SUPERGRAPH_PATH, 'utf8');
  return Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
}

export type RootField = GraphQLField<unknown, unknown>;

/** The root fields of an operation type that take arguments. */
export function rootFields(schema: GraphQLSchema, operation: 'query' | 'mutation'): RootField[] {
  const root = operation === 'query' ? schema.getQueryType() : schema.getMutationType();
  return Object.values(root?.getFields() ?? {});
}

/**
 * Values the domain accepts for inputs whose name says what they hold: with them a sample
 * argument gets past the field's own rules, so that a test reaches what it aims at.
 */
const BY_NAME: Readonly<Record<string, unknown>> = {
  year: 2026,
  quarter: 1,
  withinDays: 30,
  batchSize: 10,
  citizenship: 'KAZ',
  country: 'DEU',
  currency: 'USD',
  language: 'ru',
  activityCode: 'SOFTWARE_DEVELOPMENT',
  email: 'someone@example.org',
};

/** A well-formed value of a leaf type (its content may still break a domain rule). */
export function sampleLeaf(typeName: string, enumValues: readonly string[] = [], name?: string): unknown {
  if (name !== undefined && name in BY_NAME && !['ID', 'Boolean', 'Date', 'DateTime'].includes(typeName) && enumValues.length === 0) return BY_NAME[name];
  switch (typeName) {
    case 'ID':
      return randomUUID();
    case 'Int':
    case 'SafeInt':
      return 1;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return false;
    case 'Date':
      return '2026-01-01';
    case 'DateTime':
      return '2026-01-01T00:00:00Z';
    default:
      return enumValues[0] ?? 'x';
  }
}

/** The smallest valid value of a type: required input fields only, one item per list. */
export function sampleValue(type: GraphQLInputType, name?: string): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [sampleValue(nullable.ofType, name)];
  if (isInputObjectType(nullable)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(nullable.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) out[field.name] = sampleValue(field.type, field.name);
    }
    return out;
  }
  return sampleLeaf(nullable.name, isEnumType(nullable) ? nullable.getValues().map((v) => v.name) : [], name);
}

/** One place in an argument: a path of input field names and list indices, and its type. */
export interface InputPosition {
  /** `input.documents.0.fileName`, as the services and the kit name fields. */
  path: (string | number)[];
  type: GraphQLInputType;
}

/**
 * Every leaf and every list an argument can hold, optional fields included (input types that
 * contain themselves are walked once).
 */
export function inputPositions(arg: GraphQLArgument): InputPosition[] {
  const out: InputPosition[] = [];
  const walk = (type: GraphQLInputType, path: (string | number)[], seen: ReadonlySet<string>) => {
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      out.push({ path, type });
      walk(nullable.ofType, [...path, 0], seen);
    } else if (isInputObjectType(nullable)) {
      if (seen.has(nullable.name)) return;
      for (const field of Object.values(nullable.getFields())) walk(field.type, [...path, field.name], new Set([...seen, nullable.name]));
    } else {
      out.push({ path, type });
    }
  };
  walk(arg.type, [arg.name], new Set());
  return out;
}

/** The field's required arguments with sample values, keyed by argument name. */
export function sampleArgs(field: RootField): Record<string, unknown> {
  return Object.fromEntries(
    field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined).map((a) => [a.name, sampleValue(a.type, a.name)]),
  );
}

/** `args` with `value` at `path`, building what lies on the way from sample values. */
export function withValueAt(field: RootField, args: Record<string, unknown>, path: (string | number)[], value: unknown): Record<string, unknown> {
  const [argName, ...rest] = path;
  const arg = field.args.find((a) => a.name === argName);
  if (!arg) throw new Error(`no argument ${String(argName)} on ${field.name}`);
  const put = (current: unknown, type: GraphQLInputType, steps: (string | number)[]): unknown => {
    if (steps.length === 0) return value;
    const [step, ...more] = steps;
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      const items = Array.isArray(current) ? [...(current as unknown[])] : [sampleValue(nullable.ofType, String(path.at(-1)))];
      items[step as number] = put(items[step as number], nullable.ofType, more);
      return items;
    }
    if (isInputObjectType(nullable)) {
      const base = (current ?? sampleValue(nullable)) as Record<string, unknown>;
      const fieldDef = nullable.getFields()[step as string];
      if (!fieldDef) throw new Error(`no input field ${String(step)}`);
      return { ...base, [step as string]: put(base[step as string], fieldDef.type, more) };
    }
    throw new Error(`cannot descend into ${String(nullable)}`);
  };
  return { ...args, [arg.name]: put(args[arg.name], arg.type, rest) };
}

/** `query`/`mutation` over one root field with every argument as a variable. */
export function operationFor(operation: 'query' | 'mutation', field: RootField, argNames: readonly string[], selection = '__typename'): string {
  const used = field.args.filter((a) => argNames.includes(a.name));
  const vars = used.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = used.map((a) => `${a.name}: $${a.name}`).join(', ');
  const leaf = isLeafType(getNamedType(field.type));
  return `${operation} Probe${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''}${leaf ? '' : ` { ${selection} }`} }`;
}

/** Whether the field returns an object whose fields can be selected (connections, payloads). */
export function returnsObject(field: RootField): boolean {
  return isObjectType(getNamedType(field.type));
}
