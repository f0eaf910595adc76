import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  parse,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';

/** An operation clients send: where it is written and its text. */
export interface KnownOperation {
  /** e.g. `docs/frontend.md:123`. */
  where: string;
  source: string;
}

export interface SchemaChange {
  level: 'BREAKING' | 'DANGEROUS' | 'SAFE';
  message: string;
  /** Schema coordinate the change is at, e.g. `Nomad.fullName` or `Query.nomad.id`. */
  path: string | null;
  /** The known operations that use what changed (BREAKING and DANGEROUS changes only). */
  usedBy: string[];
}

export interface SchemaCheck {
  changes: SchemaChange[];
  /** Known operations valid against the old API that are not against the new one, with why. */
  broken: { where: string; errors: string[] }[];
}

const LEVEL: Record<CriticalityLevel, SchemaChange['level']> = {
  [CriticalityLevel.Breaking]: 'BREAKING',
  [CriticalityLevel.Dangerous]: 'DANGEROUS',
  [CriticalityLevel.NonBreaking]: 'SAFE',
};

/**
 * Schema coordinates an operation touches: every `Type.field` it selects, every
 * `Type.field.argument` it passes, every input type and input field of its variables and
 * arguments, and every type it names.
 */
export function coordinatesOf(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const used = new Set<string>();
  const addInput = (typeName: string, seen = new Set<string>()): void => {
    if (seen.has(typeName)) return;
    seen.add(typeName);
    used.add(typeName);
    const type = schema.getType(typeName);
    if (!isInputObjectType(type)) return;
    for (const field of Object.values(type.getFields())) {
      used.add(`${typeName}.${field.name}`);
      addInput(getNamedType(field.type).name, seen);
    }
  };
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        used.add(parent.name);
        used.add(`${parent.name}.${field.name}`);
        used.add(getNamedType(field.type).name);
      },
      Argument(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const argument = typeInfo.getArgument();
        if (!parent || !field || !argument) return;
        used.add(`${parent.name}.${field.name}.${node.name.value}`);
        addInput(getNamedType(argument.type).name);
      },
      NamedType(node) {
        addInput(node.name.value);
      },
    }),
  );
  return used;
}

/**
 * Whether a change at `path` touches an operation that uses `used`: the coordinate itself; for
 * an argument (`Type.field.arg`), the field it belongs to (a new required argument breaks every
 * use of the field); for a value of an enum or a field of an input type, any use of that type.
 */
function touches(schema: GraphQLSchema, path: string, used: Set<string>): boolean {
  if (used.has(path)) return true;
  const [typeName = '', fieldName, argument] = path.split('.');
  if (argument !== undefined) return used.has(`${typeName}.${fieldName}`);
  if (fieldName === undefined) return false;
  const type = schema.getType(typeName);
  return (isEnumType(type) || isInputObjectType(type)) && used.has(typeName);
}

/**
 * Compares two versions of the public API and checks the known operations against the new
 * one. An operation is broken when it validated against the old API and does not against the
 * new (an operation already invalid before is not this change's doing).
 */
export async function checkSchema(oldSdl: string, newSdl: string, operations: KnownOperation[]): Promise<SchemaCheck> {
  const before = buildSchema(oldSdl);
  const after = buildSchema(newSdl);
  const parsed = operations.map((op) => ({ ...op, document: parse(op.source) }));
  const uses = parsed.map((op) => ({ where: op.where, used: coordinatesOf(before, op.document) }));
  const changes = (await diff(before, after)).map((change: Change): SchemaChange => {
    const level = LEVEL[change.criticality.level];
    const path = change.path ?? null;
    const usedBy = level === 'SAFE' || !path ? [] : uses.filter((u) => touches(before, path, u.used)).map((u) => u.where);
    return { level, message: change.message, path, usedBy };
  });
  const broken = parsed
    .filter((op) => validate(before, op.document).length === 0)
    .map((op) => ({ where: op.where, errors: validate(after, op.document).map((e) => e.message) }))
    .filter((op) => op.errors.length > 0);
  return { changes, broken };
}

/** The report `npm run schema:check` prints. */
export function formatCheck(check: SchemaCheck, base: string): string {
  const lines: string[] = [];
  const order: SchemaChange['level'][] = ['BREAKING', 'DANGEROUS', 'SAFE'];
  if (check.changes.length === 0) lines.push(`No change to the API since ${base}.`);
  for (const level of order) {
    const changes = check.changes.filter((c) => c.level === level);
    if (changes.length === 0) continue;
    lines.push(`${level} (${changes.length}):`);
    for (const change of changes) {
      lines.push(`  - ${change.message}${change.path ? ` [${change.path}]` : ''}`);
      for (const where of change.usedBy) lines.push(`      used by ${where}`);
    }
  }
  if (check.broken.length > 0) {
    lines.push(`Operations this change breaks (${check.broken.length}):`);
    for (const op of check.broken) lines.push(`  - ${op.where}: ${op.errors.join('; ')}`);
  }
  return lines.join('\n') + '\n';
}
