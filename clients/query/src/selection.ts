import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { Column } from './flatten.ts';

/** An operation's fragments and schema, for walking its selections. */
export interface WalkContext {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
}

/** A field met while walking the operation: where it is in the answer and what it is in the schema. */
export interface Visited {
  node: FieldNode;
  /** Response keys from the root (aliases where given). */
  path: string[];
  parentType: GraphQLCompositeType;
  field: GraphQLField<unknown, unknown> | undefined;
  /** True when a list lies between the root and this field. */
  underList: boolean;
}

/**
 * Walks every field `selectionSet` selects, through fragments, calling `visitField` with its
 * response path; `visitField` returns false to not descend. The document has been validated.
 */
export function walk(
  ctx: WalkContext,
  selectionSet: SelectionSetNode,
  parentType: GraphQLCompositeType,
  visitField: (v: Visited) => boolean,
  path: string[] = [],
  underList = false,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      const field = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[selection.name.value] : undefined;
      const v: Visited = { node: selection, path: [...path, key], parentType, field, underList };
      if (!visitField(v) || !field || !selection.selectionSet) continue;
      const named = getNamedType(field.type);
      if (!isCompositeType(named)) continue;
      walk(ctx, selection.selectionSet, named, visitField, v.path, underList || isListType(getNullableType(field.type)));
    } else {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : ctx.fragments.get(selection.name.value);
      if (!fragment) continue;
      const condition = fragment.typeCondition ? ctx.schema.getType(fragment.typeCondition.name.value) : parentType;
      walk(ctx, fragment.selectionSet, isCompositeType(condition) ? condition : parentType, visitField, path, underList);
    }
  }
}

/** The output's columns: every leaf (or list) under `selectionSet`, by its path of response keys. */
export function columnsOf(ctx: WalkContext, selectionSet: SelectionSetNode | undefined, type: GraphQLCompositeType): Column[] {
  const columns: Column[] = [];
  if (!selectionSet) return columns;
  walk(ctx, selectionSet, type, (v) => {
    const fieldType = v.field ? getNullableType(v.field.type) : undefined;
    const list = fieldType !== undefined && isListType(fieldType);
    const leaf = !v.field || list || isLeafType(fieldType);
    const name = v.path.join('.');
    if (leaf && !columns.some((c) => c.name === name)) columns.push({ name, path: v.path, list });
    return !leaf;
  });
  return columns;
}

/** A connection type: has `pageInfo` and `edges { node }` or `nodes`. */
export function isConnection(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNullableType(field.type);
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return 'pageInfo' in fields && ('edges' in fields || 'nodes' in fields);
}

/** The first field named `name` directly in `set` (not through fragments). */
export function fieldNamed(set: SelectionSetNode | undefined, name: string): FieldNode | undefined {
  return set?.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === name);
}

export const fieldNode = (name: string, selections?: FieldNode[]): FieldNode => ({
  kind: Kind.FIELD,
  name: { kind: Kind.NAME, value: name },
  ...(selections ? { selectionSet: { kind: Kind.SELECTION_SET, selections } } : {}),
});

/** `set` with `names` added where no field of that name is selected under its own name. */
export function withFields(set: SelectionSetNode, names: string[]): SelectionSetNode {
  const missing = names.filter((n) => !set.selections.some((s) => s.kind === Kind.FIELD && s.name.value === n && (!s.alias || s.alias.value === n)));
  return missing.length === 0 ? set : { ...set, selections: [...set.selections, ...missing.map((n) => fieldNode(n))] };
}

/** `base`, or `base2`, `base3`… : the first name not in `taken` (then taken). */
export function freshName(base: string, taken: Set<string>): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  taken.add(name);
  return name;
}
