import { createHash } from 'node:crypto';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
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
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';
import { EXIT, RunnerError } from './errors.ts';
import type { Column } from './flatten.ts';
import { columnsOf, fieldNamed, fieldNode, freshName, isConnection, walk, withFields, type Visited, type WalkContext } from './selection.ts';

/** How the rows are found in each answer. */
export type Shape =
  /** A Relay connection, followed page by page: rows are its nodes (`nodes`: the keys from the connection to a node). */
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

interface Parsed extends WalkContext {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  root: GraphQLObjectType;
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

/** Parses and validates: one query that the public API accepts, else refused with GraphQL's messages. */
function parseOperation(source: string, file: string, schema: GraphQLSchema): Parsed {
  let document: DocumentNode;
  try {
    document = parse(source);
  } catch (error) {
    if (error instanceof GraphQLError) throw refused(`The operation does not parse:\n${describeErrors([error], file)}`);
    throw error;
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations[0];
  if (operations.length !== 1 || !operation) throw refused(`${file} must hold exactly one operation, not ${operations.length}.`);
  if (operation.operation !== OperationTypeNode.QUERY) throw refused(`The runner only reads: ${file} holds a ${operation.operation}.`);
  const errors = validate(schema, document);
  if (errors.length > 0) throw refused(`The operation does not validate against the schema (schema/api.graphql):\n${describeErrors(errors, file)}`);
  const root = schema.getQueryType();
  if (!root) throw refused('The schema has no query type.');
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  return { schema, fragments, document, operation, root };
}

/** Refuses every personal field anywhere in the operation, each by its path and coordinate, and introspection. */
function refusePersonalFields(parsed: Parsed, personalFields: ReadonlySet<string>): void {
  const personal: string[] = [];
  const introspection: string[] = [];
  walk(parsed, parsed.operation.selectionSet, parsed.root, (v) => {
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
}

type Rows = { kind: 'connection'; at: Visited } | { kind: 'list'; at: Visited } | { kind: 'single' };

/** The rows: the one outermost connection, else the one outermost list of objects, else the answer. */
function findRows(parsed: Parsed): Rows {
  const connections: Visited[] = [];
  const lists: Visited[] = [];
  walk(parsed, parsed.operation.selectionSet, parsed.root, (v) => {
    if (!v.field || v.underList) return false;
    if (isConnection(v.field)) {
      connections.push(v);
      return false;
    }
    const type = getNullableType(v.field.type);
    if (isListType(type) && isCompositeType(getNamedType(type))) lists.push(v);
    return !isListType(type);
  });
  const paths = (found: Visited[]) => found.map((f) => f.path.join('.')).join(', ');
  if (connections.length > 1) throw refused(`The operation has ${connections.length} connections (${paths(connections)}): the runner follows one per operation.`);
  if (connections[0]) return { kind: 'connection', at: connections[0] };
  if (lists.length > 1) throw refused(`The operation has ${lists.length} lists (${paths(lists)}): the runner writes one per operation.`);
  return lists[0] ? { kind: 'list', at: lists[0] } : { kind: 'single' };
}

/** Where a connection's rows are: `edges { node }` (or `nodes`), their selection and type. */
function connectionRows(connection: Visited, type: GraphQLObjectType): { nodes: string[]; selection: SelectionSetNode | undefined; type: GraphQLCompositeType } {
  const set = connection.node.selectionSet;
  const edges = fieldNamed(set, 'edges');
  const edgeNode = fieldNamed(edges?.selectionSet, 'node');
  const nodesField = fieldNamed(set, 'nodes');
  if (edges && edgeNode) {
    const edgeType = getNamedType(type.getFields().edges?.type);
    const node = isObjectType(edgeType) ? edgeType.getFields().node : undefined;
    return { nodes: [edges.alias?.value ?? 'edges', edgeNode.alias?.value ?? 'node'], selection: edgeNode.selectionSet, type: getNamedType(node?.type) as GraphQLCompositeType };
  }
  if (nodesField) return { nodes: [nodesField.alias?.value ?? 'nodes'], selection: nodesField.selectionSet, type: getNamedType(type.getFields().nodes?.type) as GraphQLCompositeType };
  throw refused(`Select the rows of ${connection.path.join('.')}: edges { node { … } } or nodes { … }.`);
}

interface Paging {
  firstVariable: string;
  afterVariable: string;
  /** Variables the runner adds to the operation. */
  definitions: VariableDefinitionNode[];
  firstInOperation: number | undefined;
  afterInOperation: string | undefined;
}

/** The connection's `first` and `after` as variables: the operation's own, or new ones (a literal is kept as the start). */
function pagingVariables(parsed: Parsed, connection: Visited): Paging {
  const args = connection.field?.args ?? [];
  const schemaArg = (name: string) => args.find((a) => a.name === name);
  const firstArg = schemaArg('first');
  const afterArg = schemaArg('after');
  if (!firstArg || !afterArg) throw refused(`${connection.path.join('.')} takes no first/after: it cannot be followed page by page.`);
  const taken = new Set((parsed.operation.variableDefinitions ?? []).map((d) => d.variable.name.value));
  const paging: Paging = { firstVariable: '', afterVariable: '', definitions: [], firstInOperation: undefined, afterInOperation: undefined };
  const variableFor = (arg: GraphQLArgument): string => {
    const given = connection.node.arguments?.find((a) => a.name.value === arg.name)?.value;
    if (given?.kind === Kind.VARIABLE) return given.name.value;
    if (given?.kind === Kind.INT) paging.firstInOperation = Number(given.value);
    if (given?.kind === Kind.STRING) paging.afterInOperation = given.value;
    const variable = freshName(arg.name, taken);
    // The argument's own type, nullable: the first page has no cursor.
    const declared = parse(`query($v: ${String(getNullableType(arg.type))}) { __typename }`).definitions[0] as OperationDefinitionNode;
    const type = declared.variableDefinitions?.[0]?.type;
    if (!type) throw new Error('unreachable: a variable definition without a type');
    paging.definitions.push({ kind: Kind.VARIABLE_DEFINITION, variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: variable } }, type });
    return variable;
  };
  paging.firstVariable = variableFor(firstArg);
  paging.afterVariable = variableFor(afterArg);
  return paging;
}

/** The document with the connection paged by the variables and selecting `pageInfo { endCursor hasNextPage }` (and `totalCount`). */
function withPaging(document: DocumentNode, target: FieldNode, paging: Paging, totalCount: boolean): DocumentNode {
  const argument = (name: string, variable: string): ArgumentNode => ({
    kind: Kind.ARGUMENT,
    name: { kind: Kind.NAME, value: name },
    value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: variable } },
  });
  return visit(document, {
    // The document holds one operation (checked before).
    OperationDefinition: { leave: (node) => ({ ...node, variableDefinitions: [...(node.variableDefinitions ?? []), ...paging.definitions] }) },
    Field: {
      enter: (node) => {
        if (node !== target || !node.selectionSet) return undefined;
        const pageInfo = fieldNamed(node.selectionSet, 'pageInfo');
        let set = node.selectionSet;
        if (!pageInfo) set = { ...set, selections: [...set.selections, fieldNode('pageInfo', [fieldNode('endCursor'), fieldNode('hasNextPage')])] };
        else if (pageInfo.selectionSet) {
          const paged = { ...pageInfo, selectionSet: withFields(pageInfo.selectionSet, ['endCursor', 'hasNextPage']) };
          set = { ...set, selections: set.selections.map((s) => (s === pageInfo ? paged : s)) };
        }
        if (totalCount) set = withFields(set, ['totalCount']);
        const others = (node.arguments ?? []).filter((a) => a.name.value !== 'first' && a.name.value !== 'after');
        return { ...node, arguments: [...others, argument('first', paging.firstVariable), argument('after', paging.afterVariable)], selectionSet: set };
      },
    },
  });
}

/**
 * Checks the operation in `source` against the public API and prepares it for paging: refuses
 * a syntax error, an operation that does not validate, a mutation or subscription, and any
 * personal field (each named by its path and coordinate), before anything is sent.
 */
export function prepareOperation(source: string, file: string, schema: GraphQLSchema, personalFields: ReadonlySet<string>): PreparedOperation {
  const parsed = parseOperation(source, file, schema);
  refusePersonalFields(parsed, personalFields);
  const rows = findRows(parsed);
  if (rows.kind === 'single') return finish(parsed, parsed.document, columnsOf(parsed, parsed.operation.selectionSet, parsed.root), { kind: 'single' });
  if (rows.kind === 'list') {
    const itemType = getNamedType(rows.at.field?.type) as GraphQLCompositeType;
    return finish(parsed, parsed.document, columnsOf(parsed, rows.at.node.selectionSet, itemType), { kind: 'list', path: rows.at.path });
  }
  const connection = rows.at;
  const connectionType = getNullableType(connection.field?.type);
  if (!isObjectType(connectionType)) throw refused(`${connection.path.join('.')} is not an object.`);
  const found = connectionRows(connection, connectionType);
  const paging = pagingVariables(parsed, connection);
  // The runner reads `pageInfo` and `totalCount` (the ETA) under their own names, added when not selected so.
  const pageInfo = fieldNamed(connection.node.selectionSet, 'pageInfo');
  const totalCountKey = 'totalCount' in connectionType.getFields() ? 'totalCount' : undefined;
  const document = withPaging(parsed.document, connection.node, paging, totalCountKey !== undefined);
  const shape: Shape = {
    kind: 'connection',
    path: connection.path,
    nodes: found.nodes,
    firstVariable: paging.firstVariable,
    afterVariable: paging.afterVariable,
    pageInfoKey: pageInfo?.alias?.value ?? 'pageInfo',
    totalCountKey,
  };
  return finish(parsed, document, columnsOf(parsed, found.selection, found.type), shape, paging);
}

function finish(parsed: Parsed, document: DocumentNode, columns: Column[], shape: Shape, paging?: Paging): PreparedOperation {
  // What the runner added must still validate (e.g. a user's alias named pageInfo on another field).
  const errors = validate(parsed.schema, document);
  if (errors.length > 0) throw refused(`The runner cannot add its paging fields to this operation:\n${describeErrors(errors, 'the operation')}`);
  if (columns.length === 0) throw refused('The operation selects no fields to write.');
  const text = print(document);
  return {
    document,
    text,
    operationName: parsed.operation.name?.value,
    hash: createHash('sha256').update(text).digest('hex'),
    shape,
    columns,
    firstInOperation: paging?.firstInOperation,
    afterInOperation: paging?.afterInOperation,
  };
}
