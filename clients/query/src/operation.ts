import { createHash } from 'node:crypto';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  OperationTypeNode,
  parse,
  print,
  validate,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';
import { EXIT, RunnerError } from './errors.ts';
import type { Column } from './flatten.ts';

/** How the rows are found in each answer. */
export type Shape =
  /** A Relay connection, followed page by page: rows are its nodes. */
  | { kind: 'connection'; path: string[]; nodes: string[]; firstVariable: string; afterVariable: string; pageInfoKey: string; totalCountKey: string | undefined }
  /** One list (e.g. a statistics answer's `rows`): its items, in one answer. */
  | { kind: 'list'; path: string[] }
  /** Neither: the whole answer is one row. */
  | { kind: 'single' };

export interface PreparedOperation {
  /** What is sent: the user's operation with the paging variables, `pageInfo` and `totalCount` added. */
  document: DocumentNode;
  text: string;
  operationName: string | undefined;
  /** sha256 of `text`: the progress file's check that a resume runs the same operation. */
  hash: string;
  shape: Shape;
  columns: Column[];
  /** The page size the operation itself asks for (its `first`), if any. */
  firstInOperation: number | undefined;
  /** A starting cursor the operation itself gives (an `after` literal), if any. */
  afterInOperation: string | undefined;
}

const refused = (message: string) => new RunnerError(message, EXIT.REFUSED);

function describeErrors(errors: readonly GraphQLError[], file: string): string {
  return errors
    .map((e) => {
      const at = e.locations?.[0];
      return `  ${file}${at ? `:${at.line}:${at.column}` : ''}: ${e.message}`;
    })
    .join('\n');
}

/** A field met while walking the operation: where it is in the answer and what it is in the schema. */
interface Visited {
  node: FieldNode;
  /** Response keys from the root (aliases where given). */
  path: string[];
  parentType: GraphQLCompositeType;
  field: GraphQLField<unknown, unknown> | undefined;
  /** True when a list lies between the root and this field. */
  underList: boolean;
}

/**
 * Walks every field the operation selects, through fragments, calling `visitField` with its
 * response path; `visitField` returns false to not descend. The document has been validated.
 */
function walk(
  selectionSet: SelectionSetNode,
  parentType: GraphQLCompositeType,
  path: string[],
  underList: boolean,
  fragments: Map<string, FragmentDefinitionNode>,
  schema: GraphQLSchema,
  visitField: (v: Visited) => boolean,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      const field = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[selection.name.value] : undefined;
      const v: Visited = { node: selection, path: [...path, key], parentType, field, underList };
      if (!visitField(v) || !field || !selection.selectionSet) continue;
      const named = getNamedType(field.type);
      if (!isCompositeType(named)) continue;
      walk(selection.selectionSet, named, v.path, underList || isListType(getNullableType(field.type)), fragments, schema, visitField);
    } else {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
      if (!fragment) continue;
      const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parentType;
      walk(fragment.selectionSet, isCompositeType(condition) ? condition : parentType, path, underList, fragments, schema, visitField);
    }
  }
}

/** A connection type: has `pageInfo` and `edges { node }` or `nodes`. */
function isConnection(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNullableType(field.type);
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return 'pageInfo' in fields && ('edges' in fields || 'nodes' in fields);
}

/** The response key of the first field named `name` directly in `set` (not through fragments). */
function keyOf(set: SelectionSetNode | undefined, name: string): FieldNode | undefined {
  return set?.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === name);
}

const field = (name: string, selections?: FieldNode[]): FieldNode => ({
  kind: Kind.FIELD,
  name: { kind: Kind.NAME, value: name },
  ...(selections ? { selectionSet: { kind: Kind.SELECTION_SET, selections } } : {}),
});

/** `selectionSet` with `names` added where no field of that name is selected under its own name. */
function withFields(set: SelectionSetNode, names: string[]): SelectionSetNode {
  const missing = names.filter((n) => !set.selections.some((s) => s.kind === Kind.FIELD && s.name.value === n && (!s.alias || s.alias.value === n)));
  return missing.length === 0 ? set : { ...set, selections: [...set.selections, ...missing.map((n) => field(n))] };
}

function freshName(base: string, taken: Set<string>): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  taken.add(name);
  return name;
}

/**
 * Checks the operation in `source` against the public API and prepares it for paging: refuses
 * a syntax error, an operation that does not validate, a mutation or subscription, and any
 * personal field (each named by its path and coordinate), before anything is sent.
 */
export function prepareOperation(source: string, file: string, schema: GraphQLSchema, personalFields: ReadonlySet<string>): PreparedOperation {
  let document: DocumentNode;
  try {
    document = parse(source);
  } catch (error) {
    if (error instanceof GraphQLError) throw refused(`The operation does not parse:\n${describeErrors([error], file)}`);
    throw error;
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || !operations[0]) throw refused(`${file} must hold exactly one operation, not ${operations.length}.`);
  const operation = operations[0];
  if (operation.operation !== OperationTypeNode.QUERY) throw refused(`The runner only reads: ${file} holds a ${operation.operation}.`);
  const errors = validate(schema, document);
  if (errors.length > 0) throw refused(`The operation does not validate against the schema (schema/api.graphql):\n${describeErrors(errors, file)}`);

  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const root = schema.getQueryType();
  if (!root) throw refused('The schema has no query type.');

  // Personal fields, everywhere in the operation: refused, each named.
  const personal: string[] = [];
  const introspection: string[] = [];
  walk(operation.selectionSet, root, [], false, fragments, schema, (v) => {
    const name = v.node.name.value;
    if (name.startsWith('__') && name !== '__typename') introspection.push(v.path.join('.'));
    const coordinate = `${v.parentType.name}.${name}`;
    if (personalFields.has(coordinate)) personal.push(`${v.path.join('.')} (${coordinate})`);
    return true;
  });
  if (personal.length > 0) {
    throw refused(
      `The operation asks for personal fields, which the runner never exports:\n${personal.map((p) => `  ${p}`).join('\n')}\n` +
        'Remove them (schema/personal-fields.json lists every personal field).',
    );
  }
  if (introspection.length > 0) throw refused(`Introspection is not exported: ${introspection.join(', ')}.`);

  // The rows: the one outermost connection, else the one outermost list of objects.
  const connections: Visited[] = [];
  const lists: Visited[] = [];
  walk(operation.selectionSet, root, [], false, fragments, schema, (v) => {
    if (!v.field || v.underList) return false;
    if (isConnection(v.field)) {
      connections.push(v);
      return false;
    }
    const type = getNullableType(v.field.type);
    if (isListType(type) && isCompositeType(getNamedType(type))) lists.push(v);
    return !isListType(type);
  });
  if (connections.length > 1) {
    throw refused(`The operation has ${connections.length} connections (${connections.map((c) => c.path.join('.')).join(', ')}): the runner follows one per operation.`);
  }

  const connection = connections[0];
  if (!connection?.field) {
    if (lists.length > 1) throw refused(`The operation has ${lists.length} lists (${lists.map((l) => l.path.join('.')).join(', ')}): the runner writes one per operation.`);
    const list = lists[0];
    if (list?.field) {
      const itemType = getNamedType(list.field.type) as GraphQLCompositeType;
      return finish(document, operation, list.node.selectionSet, itemType, { kind: 'list', path: list.path }, fragments, schema, undefined, undefined);
    }
    return finish(document, operation, operation.selectionSet, root, { kind: 'single' }, fragments, schema, undefined, undefined);
  }

  // A connection: its rows, its paging arguments and pageInfo.
  const connectionType = getNullableType(connection.field.type);
  if (!isObjectType(connectionType)) throw refused(`${connection.path.join('.')} is not an object.`);
  const selection = connection.node.selectionSet;
  const edges = keyOf(selection, 'edges');
  const edgeNode = keyOf(edges?.selectionSet, 'node');
  const nodesField = keyOf(selection, 'nodes');
  let nodes: string[];
  let nodeSelection: SelectionSetNode | undefined;
  let nodeType: GraphQLCompositeType;
  if (edges && edgeNode) {
    nodes = [edges.alias?.value ?? 'edges', edgeNode.alias?.value ?? 'node'];
    nodeSelection = edgeNode.selectionSet;
    const edgeType = getNamedType(connectionType.getFields().edges?.type);
    const node = isObjectType(edgeType) ? edgeType.getFields().node : undefined;
    nodeType = getNamedType(node?.type) as GraphQLCompositeType;
  } else if (nodesField) {
    nodes = [nodesField.alias?.value ?? 'nodes'];
    nodeSelection = nodesField.selectionSet;
    nodeType = getNamedType(connectionType.getFields().nodes?.type) as GraphQLCompositeType;
  } else {
    throw refused(`Select the rows of ${connection.path.join('.')}: edges { node { … } } or nodes { … }.`);
  }
  const args = connection.field.args;
  const firstArg = args.find((a) => a.name === 'first');
  const afterArg = args.find((a) => a.name === 'after');
  if (!firstArg || !afterArg) throw refused(`${connection.path.join('.')} takes no first/after: it cannot be followed page by page.`);

  const taken = new Set((operation.variableDefinitions ?? []).map((d) => d.variable.name.value));
  const newDefinitions: VariableDefinitionNode[] = [];
  let firstInOperation: number | undefined;
  let afterInOperation: string | undefined;
  const given = (name: string) => connection.node.arguments?.find((a) => a.name.value === name);
  const variableFor = (name: 'first' | 'after'): string => {
    const arg = given(name);
    if (arg?.value.kind === Kind.VARIABLE) return arg.value.name.value;
    if (arg?.value.kind === Kind.INT) firstInOperation = Number(arg.value.value);
    if (arg?.value.kind === Kind.STRING) afterInOperation = arg.value.value;
    const variable = freshName(name, taken);
    const schemaArg = name === 'first' ? firstArg : afterArg;
    // The argument's own type (nullable: the runner always gives a page size, and no cursor on the first page).
    const typeNode = parse(`query($v: ${String(getNullableType(schemaArg.type))}) { __typename }`).definitions[0] as OperationDefinitionNode;
    const type = typeNode.variableDefinitions?.[0]?.type;
    if (!type) throw new Error('unreachable: a variable definition without a type');
    newDefinitions.push({ kind: Kind.VARIABLE_DEFINITION, variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: variable } }, type });
    return variable;
  };
  const firstVariable = variableFor('first');
  const afterVariable = variableFor('after');
  const pageInfo = keyOf(selection, 'pageInfo');
  const pageInfoKey = pageInfo?.alias?.value ?? 'pageInfo';
  // The runner reads `totalCount` (the ETA) under its own name, added when not selected so.
  const totalCountKey = 'totalCount' in connectionType.getFields() ? 'totalCount' : undefined;

  const target = connection.node;
  const rewritten = visit(document, {
    OperationDefinition: {
      // The document holds one operation (checked above).
      leave: (node) => ({ ...node, variableDefinitions: [...(node.variableDefinitions ?? []), ...newDefinitions] }),
    },
    Field: {
      enter: (node) => {
        if (node !== target || !node.selectionSet) return undefined;
        const otherArgs = (node.arguments ?? []).filter((a) => a.name.value !== 'first' && a.name.value !== 'after');
        const arg = (name: string, variable: string): ArgumentNode => ({
          kind: Kind.ARGUMENT,
          name: { kind: Kind.NAME, value: name },
          value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: variable } },
        });
        let set = node.selectionSet;
        if (pageInfo?.selectionSet) {
          const paging = withFields(pageInfo.selectionSet, ['endCursor', 'hasNextPage']);
          set = { ...set, selections: set.selections.map((s) => (s === pageInfo ? { ...pageInfo, selectionSet: paging } : s)) };
        } else if (!pageInfo) {
          set = { ...set, selections: [...set.selections, field('pageInfo', [field('endCursor'), field('hasNextPage')])] };
        }
        if (totalCountKey) set = withFields(set, ['totalCount']);
        return { ...node, arguments: [...otherArgs, arg('first', firstVariable), arg('after', afterVariable)], selectionSet: set };
      },
    },
  });
  const shape: Shape = {
    kind: 'connection',
    path: connection.path,
    nodes,
    firstVariable,
    afterVariable,
    pageInfoKey,
    totalCountKey,
  };
  return finish(rewritten, operation, nodeSelection, nodeType, shape, fragments, schema, firstInOperation, afterInOperation);
}

function finish(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rowSelection: SelectionSetNode | undefined,
  rowType: GraphQLCompositeType,
  shape: Shape,
  fragments: Map<string, FragmentDefinitionNode>,
  schema: GraphQLSchema,
  firstInOperation: number | undefined,
  afterInOperation: string | undefined,
): PreparedOperation {
  // What the runner added must still validate (e.g. a user's alias named pageInfo on another field).
  const errors = validate(schema, document);
  if (errors.length > 0) throw refused(`The runner cannot add its paging fields to this operation:\n${describeErrors(errors, 'the operation')}`);
  const columns: Column[] = [];
  if (rowSelection) {
    walk(rowSelection, rowType, [], false, fragments, schema, (v) => {
      if (v.underList) return false;
      const type = v.field ? getNullableType(v.field.type) : undefined;
      const list = type !== undefined && isListType(type);
      const leaf = !v.field || list || isLeafType(type);
      if (leaf && !columns.some((c) => c.name === v.path.join('.'))) columns.push({ name: v.path.join('.'), path: v.path, list });
      return !leaf;
    });
  }
  if (columns.length === 0) throw refused('The operation selects no fields to write.');
  const text = print(document);
  return {
    document,
    text,
    operationName: operation.name?.value,
    hash: createHash('sha256').update(text).digest('hex'),
    shape,
    columns,
    firstInOperation,
    afterInOperation,
  };
}
