import { createHmac } from 'node:crypto';
import type { GraphQLRequestListener } from '@apollo/server';
import {
  getNamedType,
  isAbstractType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { hasRole, type Principal } from '@nomad/contract';
import type { GatewayContext } from '../subgraphs/datasource.ts';
import type { GatewayPlugin } from './types.ts';

/** Bytes of the HMAC kept: 144 bits, 24 base64url characters. */
const PSEUDONYM_BYTES = 18;
/** A pseudonym as analysts see it. */
export const PSEUDONYM_PATTERN = /^p_[A-Za-z0-9_-]{24}$/;

/**
 * What looks like an identifier in an error message: a record id (a UUID), or a run of 8 or
 * more digits (an application number has 8, a PIN 14).
 */
const IDENTIFIER_IN_TEXT = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|\d{8,}/gi;

export interface PseudonymOptions {
  /** PSEUDONYM_KEY: at least 32 bytes, the same for every gateway replica. @default DEV_PSEUDONYM_KEY (refused when NODE_ENV=production) */
  key: string;
}

/**
 * Keyed pseudonyms: `p_` + base64url(HMAC-SHA256(key, value)) cut to 144 bits. One key gives
 * one pseudonym per value (so an analyst joins the agencies' records of one nomad, and the
 * answers of two queries); without the key a pseudonym cannot be turned back into the id, nor
 * an id (say, one an officer knows) into its pseudonym. A study gets its own key,
 * HMAC(PSEUDONYM_KEY, 'study:' + study), so two studies' pseudonyms cannot be joined.
 */
export class Pseudonymizer {
  private readonly studyKeys = new Map<string, Buffer>();
  private readonly baseKey: Buffer;

  constructor(key: string) {
    this.baseKey = Buffer.from(key, 'utf8');
  }

  /** The key of a study, or the program-wide key without one. */
  keyOf(study: string | undefined): Buffer {
    if (study === undefined) return this.baseKey;
    let key = this.studyKeys.get(study);
    if (!key) {
      key = createHmac('sha256', this.baseKey).update(`study:${study}`, 'utf8').digest();
      // Studies are few; the bound only keeps a flood of forged-but-signed tokens from growing it.
      if (this.studyKeys.size >= 1_000) this.studyKeys.clear();
      this.studyKeys.set(study, key);
    }
    return key;
  }

  pseudonym(value: string, key: Buffer): string {
    return `p_${createHmac('sha256', key).update(value, 'utf8').digest().subarray(0, PSEUDONYM_BYTES).toString('base64url')}`;
  }
}

/** Whether the caller sees pseudonyms: anyone holding the analyst role, whatever else they hold. */
export function seesPseudonyms(principal: Principal | undefined): boolean {
  return principal !== undefined && hasRole(principal, 'analyst');
}

type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

/** Every object type a value of `typeName` may be at run time (itself, or an abstract type's members). */
function objectTypesOf(schema: GraphQLSchema, typeName: string): readonly GraphQLObjectType[] {
  const type = schema.getType(typeName);
  if (isObjectType(type)) return [type];
  if (isAbstractType(type)) return schema.getPossibleTypes(type);
  return [];
}

/** The types among `types` that a fragment on `condition` applies to; all of them without a condition. */
function narrow(schema: GraphQLSchema, types: readonly GraphQLObjectType[], condition: string | undefined): readonly GraphQLObjectType[] {
  if (condition === undefined) return types;
  const allowed = new Set(objectTypesOf(schema, condition));
  return types.filter((t) => allowed.has(t));
}

/** Replaces every scalar in `value` (a scalar, or lists of them, nulls kept) by its pseudonym. */
function pseudonymizeLeaf(value: unknown, replace: (id: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => pseudonymizeLeaf(v, replace));
  if (typeof value === 'string') return replace(value);
  if (typeof value === 'number') return replace(String(value));
  return value;
}

/**
 * Fields that identify one person's file without being typed `ID`: pseudonymized like ids, so
 * that an analyst's list asking for them still answers (refusing a non-null field would empty
 * the whole list) and never shows the value.
 */
export const IDENTIFIER_FIELDS: ReadonlySet<string> = new Set(['Application.number', 'StatusEvent.actor']);

/**
 * Walks the response `data` along the operation's selections and replaces the value of every
 * field whose named type is `ID`. Which type a response object has is not known without
 * `__typename`, so the walk is conservative: an object may be any of the possible types of
 * its field's type, and a response key is pseudonymized when it is an `ID` field of any of
 * them. Inline fragments and named fragments narrow the possible types by their conditions.
 */
export function pseudonymizeData(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  data: Record<string, unknown>,
  replace: (id: string) => string,
): void {
  const fragments: Fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const root = schema.getRootType(operation.operation);
  if (!root) return;
  walkObject(schema, fragments, data, operation.selectionSet, [root], replace, new Set(), new WeakMap());
}

function walkObject(
  schema: GraphQLSchema,
  fragments: Fragments,
  object: Record<string, unknown>,
  selectionSet: SelectionSetNode,
  types: readonly GraphQLObjectType[],
  replace: (id: string) => string,
  seenFragments: ReadonlySet<string>,
  /** The keys of each object already rewritten: an id selected twice (`id` beside a fragment's `id`) is rewritten once. */
  done: WeakMap<object, Set<string>>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const narrowed = narrow(schema, types, selection.typeCondition?.name.value);
      if (narrowed.length > 0) walkObject(schema, fragments, object, selection.selectionSet, narrowed, replace, seenFragments, done);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      // Validation refuses fragment cycles; the guard only keeps a malformed document from looping.
      if (!fragment || seenFragments.has(name)) continue;
      const narrowed = narrow(schema, types, fragment.typeCondition.name.value);
      if (narrowed.length > 0) walkObject(schema, fragments, object, fragment.selectionSet, narrowed, replace, new Set([...seenFragments, name]), done);
      continue;
    }
    const fieldName = selection.name.value;
    if (fieldName.startsWith('__')) continue;
    const key = selection.alias?.value ?? fieldName;
    if (!(key in object)) continue;
    const definitions = types.flatMap((t) => t.getFields()[fieldName] ?? []);
    if (definitions.length === 0) continue;
    const value = object[key];
    const identifies = types.some((t) => IDENTIFIER_FIELDS.has(`${t.name}.${fieldName}`));
    if (identifies || definitions.some((d) => getNamedType(d.type).name === 'ID')) {
      const rewritten = done.get(object) ?? new Set<string>();
      if (!rewritten.has(key)) object[key] = pseudonymizeLeaf(value, replace);
      rewritten.add(key);
      done.set(object, rewritten);
      continue;
    }
    if (!selection.selectionSet) continue;
    const childTypes = [...new Set(definitions.flatMap((d) => objectTypesOf(schema, getNamedType(d.type).name)))];
    walkValue(schema, fragments, value, selection.selectionSet, childTypes, replace, seenFragments, done);
  }
}

function walkValue(
  schema: GraphQLSchema,
  fragments: Fragments,
  value: unknown,
  selectionSet: SelectionSetNode,
  types: readonly GraphQLObjectType[],
  replace: (id: string) => string,
  seenFragments: ReadonlySet<string>,
  done: WeakMap<object, Set<string>>,
): void {
  if (Array.isArray(value)) {
    for (const item of value) walkValue(schema, fragments, item, selectionSet, types, replace, seenFragments, done);
  } else if (typeof value === 'object' && value !== null) {
    walkObject(schema, fragments, value as Record<string, unknown>, selectionSet, types, replace, seenFragments, done);
  }
}

/** What an id, number or PIN quoted in an error message becomes for an analyst. */
export const IDENTIFIER_PLACEHOLDER = '[identifier]';

/**
 * An error as it leaves for an analyst: any id, number or PIN its message quotes replaced by a
 * fixed placeholder, never by the pseudonym. Many messages repeat the client's own input (a
 * variable that does not coerce, a bad literal): a pseudonym there would turn any id the
 * analyst knows into the pseudonym it has in the lists.
 */
export function redactError(error: GraphQLFormattedError): GraphQLFormattedError {
  const message = error.message.replace(IDENTIFIER_IN_TEXT, IDENTIFIER_PLACEHOLDER);
  return message === error.message ? error : { ...error, message };
}

/**
 * Pseudonyms for analysts (issue 16, "no re-identification"). For a caller with the `analyst`
 * role, every value of an `ID` field in the final answer becomes its keyed pseudonym
 * (`Pseudonymizer`), in any nesting, through lists, inline and named fragments, and so does
 * `Application.number` (IDENTIFIER_FIELDS); ids quoted in error messages are redacted.
 *
 * Why here, on the final response, and not in the subgraphs: the query plan joins the agencies'
 * records by their real ids (entity keys such as `Nomad.id` in `_entities` representations), so
 * every subgraph must keep answering and receiving real ids inside the plan. Only what leaves
 * the gateway for the analyst is rewritten; nothing the subgraphs see changes. Lookups by id
 * (`nomad(id:)`, `application(number:)`, …) are refused to analysts by the subgraphs
 * themselves, so a pseudonym never needs turning back into an id.
 */
export function usePseudonyms(options: PseudonymOptions): GatewayPlugin {
  const pseudonyms = new Pseudonymizer(options.key);
  const listener: GraphQLRequestListener<GatewayContext> = {
    willSendResponse({ contextValue, response, schema, document, operation }) {
      if (!seesPseudonyms(contextValue.principal) || response.body.kind !== 'single') return Promise.resolve();
      const key = pseudonyms.keyOf(contextValue.principal.study);
      const replace = (id: string) => pseudonyms.pseudonym(id, key);
      const result = response.body.singleResult;
      if (result.data) {
        // Data without the operation it answers cannot be walked: nothing leaves rather than raw ids.
        if (document && operation) pseudonymizeData(schema, document, operation, result.data, replace);
        else result.data = null;
      }
      if (result.errors) result.errors = result.errors.map(redactError);
      return Promise.resolve();
    },
  };
  return {
    name: 'pseudonyms',
    apollo: { plugins: [{ requestDidStart: () => Promise.resolve(listener) }] },
  };
}
