import { readFile } from 'node:fs/promises';
import {
  getNamedType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { SUPERGRAPH_PATH } from '@nomad/schema';
import { sampleValue } from './schema-walk.ts';

/**
 * Every way the graph offers to read a personal field, derived from the supergraph: for each
 * `Type.field` of the agencies' personal-field tables, one path for every field of the schema
 * that yields a `Type` (a root lookup, a list or connection, a nested field, in whichever
 * subgraph it lives: the gateway then fetches the object through `_entities` of the field's
 * own subgraph), each reached from `Query` by the shortest way there. Mutation payloads are not
 * walked: they yield the same types through the same field resolvers.
 */

/** One step of a path: a field of `parent`, with the arguments the walk passes. */
export interface PathStep {
  parent: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
  args: Record<string, unknown>;
}

export interface PersonalReadCase {
  /** `Type.field`, as the personal-field tables name it. */
  coordinate: string;
  /** The agency whose table lists it. */
  agency: string;
  /** From `Query` to the personal field itself (its last step). */
  steps: PathStep[];
  /** `nomads.edges.node.monitoring.riskLevel`, for test names. */
  label: string;
  /** The subgraph of the field that yields the object, when it is not the agency's (then `_entities`). */
  viaEntitiesFrom: string | null;
}

/** Which subgraph resolves each `Type.field` of the supergraph (its `@join__field`, else its type's one `@join__type`). */
export async function fieldOwners(): Promise<Map<string, string>> {
  const doc = parse(await readFile(SUPERGRAPH_PATH, 'utf8'));
  const owners = new Map<string, string>();
  const graphOf = (directives: readonly { name: { value: string }; arguments?: readonly { name: { value: string }; value: { kind: string } }[] }[] | undefined, name: string) =>
    (directives ?? [])
      .filter((d) => d.name.value === name)
      .map((d) => {
        const arg = d.arguments?.find((a) => a.name.value === 'graph')?.value as { kind: string; value?: string } | undefined;
        return arg?.kind === Kind.ENUM ? (arg.value ?? '').toLowerCase() : '';
      })
      .filter(Boolean);
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const typeGraphs = graphOf(def.directives, 'join__type');
    for (const field of def.fields ?? []) {
      const fieldGraphs = graphOf(field.directives, 'join__field');
      const graphs = fieldGraphs.length > 0 ? fieldGraphs : typeGraphs;
      // A field several subgraphs resolve (a shared key like `id`) has no single owner.
      if (graphs.length === 1 && graphs[0]) owners.set(`${def.name.value}.${field.name.value}`, graphs[0]);
    }
  }
  return owners;
}

/** The arguments of a field the walk passes: required ones from samples, with `overrides` by `Type.field`. */
function argsFor(parent: GraphQLObjectType, field: GraphQLField<unknown, unknown>, overrides: Readonly<Record<string, Record<string, unknown>>>): Record<string, unknown> {
  const sampled = Object.fromEntries(
    field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined).map((a) => [a.name, sampleValue(a.type, a.name)]),
  );
  return { ...sampled, ...overrides[`${parent.name}.${field.name}`] };
}

/**
 * The fields of an object type that yield `target`, directly or through a connection's
 * `edges.node`, as the steps to take from an object of that type.
 */
function yieldersOf(parent: GraphQLObjectType): { steps: GraphQLField<unknown, unknown>[]; target: GraphQLObjectType }[] {
  const out: { steps: GraphQLField<unknown, unknown>[]; target: GraphQLObjectType }[] = [];
  for (const field of Object.values(parent.getFields())) {
    const named = getNamedType(field.type);
    if (!isObjectType(named)) continue;
    const edges = named.getFields().edges;
    const edgeType = edges ? getNamedType(edges.type) : undefined;
    const node = edgeType && isObjectType(edgeType) ? edgeType.getFields().node : undefined;
    const nodeType = node ? getNamedType(node.type) : undefined;
    if (edges && node && nodeType && isObjectType(nodeType) && isObjectType(edgeType)) out.push({ steps: [field, edges, node], target: nodeType });
    else out.push({ steps: [field], target: named });
  }
  return out;
}

/**
 * Every (personal field, path) case of the graph. `tables` maps each agency to its personal
 * coordinates; `overrides` gives arguments by `Type.field` where a sample would find nothing.
 */
export function personalReadCases(
  schema: GraphQLSchema,
  owners: ReadonlyMap<string, string>,
  tables: Readonly<Record<string, readonly string[]>>,
  overrides: Readonly<Record<string, Record<string, unknown>>> = {},
): PersonalReadCase[] {
  const query = schema.getQueryType();
  if (!query) throw new Error('the graph has no Query type');
  const step = (parent: GraphQLObjectType, field: GraphQLField<unknown, unknown>): PathStep => ({ parent, field, args: argsFor(parent, field, overrides) });
  const stepsOf = (parent: GraphQLObjectType, fields: GraphQLField<unknown, unknown>[]): PathStep[] => {
    const out: PathStep[] = [];
    let current = parent;
    for (const f of fields) {
      out.push(step(current, f));
      const next = getNamedType(f.type);
      if (isObjectType(next)) current = next;
    }
    return out;
  };

  // Shortest way from Query to every object type (breadth first; root fields without required arguments first).
  const pathTo = new Map<string, PathStep[]>([[query.name, []]]);
  const queue: GraphQLObjectType[] = [query];
  while (queue.length > 0) {
    const parent = queue.shift() as GraphQLObjectType;
    const yielders = yieldersOf(parent).sort((a, b) => Number(a.steps[0]?.args.some((x) => isNonNullType(x.type))) - Number(b.steps[0]?.args.some((x) => isNonNullType(x.type))));
    for (const y of yielders) {
      if (pathTo.has(y.target.name)) continue;
      pathTo.set(y.target.name, [...(pathTo.get(parent.name) ?? []), ...stepsOf(parent, y.steps)]);
      queue.push(y.target);
    }
  }

  const cases: PersonalReadCase[] = [];
  for (const [agency, coordinates] of Object.entries(tables)) {
    for (const coordinate of coordinates) {
      const [typeName = '', fieldName = ''] = coordinate.split('.');
      const type = schema.getType(typeName);
      if (!isObjectType(type)) continue;
      const personal = type.getFields()[fieldName];
      if (!personal) continue;
      for (const parentName of pathTo.keys()) {
        const parent = schema.getType(parentName) as GraphQLObjectType;
        // An edge type is reached through its connection's field, walked as that field's `edges.node`.
        if (parent.name.endsWith('Edge') && parent.getFields().node) continue;
        for (const y of yieldersOf(parent)) {
          if (y.target.name !== type.name) continue;
          const steps = [...(pathTo.get(parent.name) ?? []), ...stepsOf(parent, y.steps), step(type, personal)];
          const yieldedBy = owners.get(`${parent.name}.${y.steps[0]?.name ?? ''}`) ?? null;
          cases.push({
            coordinate,
            agency,
            steps,
            label: steps.map((s) => s.field.name).join('.'),
            viaEntitiesFrom: yieldedBy !== null && yieldedBy !== agency ? yieldedBy : null,
          });
        }
      }
    }
  }
  return cases;
}
