import { isUuid } from '../domain/ids.ts';
import { GraphQLID, GraphQLString, getNullableType, isInputObjectType, isListType, type GraphQLInputType } from 'graphql';

/** Limits on what a client may send in any argument, whatever the field. */
export interface InputLimits {
  /** Characters in one string argument or input field. @default 10_000 */
  maxStringLength: number;
  /** Items in one list argument or input field. @default 1_000 */
  maxListLength: number;
}

export const DEFAULT_INPUT_LIMITS: InputLimits = { maxStringLength: 10_000, maxListLength: 1_000 };

/** One broken rule: the input path (`input.documents.2.fileName`) and what is wrong. */
export interface InputViolation {
  field: string;
  message: string;
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What PostgreSQL and UTF-8 cannot hold, checked on any text: a NUL character (a `text`
 * column refuses it, so the statement would fail) and a lone surrogate (no UTF-8 encoding
 * exists; the driver would silently store U+FFFD instead of what was sent).
 */
export function textProblem(value: string, maxLength: number): string | null {
  if (value.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text (it contains a lone surrogate)';
  if (value.length > maxLength) return `must be at most ${maxLength} characters`;
  return null;
}

/**
 * Walks one coerced argument value along its type and reports every string, ID and list that
 * breaks the limits. Custom scalars (Date, DateTime, SafeInt) and enums are already checked by
 * their own parsing.
 */
export function checkInputValue(value: unknown, type: GraphQLInputType, field: string, limits: InputLimits, out: InputViolation[]): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = Array.isArray(value) ? (value as unknown[]) : [value];
    if (items.length > limits.maxListLength) {
      out.push({ field, message: `must have at most ${limits.maxListLength} items (got ${items.length})` });
      return;
    }
    items.forEach((item, i) => checkInputValue(item, nullable.ofType, `${field}.${i}`, limits, out));
    return;
  }
  if (isInputObjectType(nullable)) {
    const fields = nullable.getFields();
    for (const [name, fieldValue] of Object.entries(value as Record<string, unknown>)) {
      const def = fields[name];
      if (def) checkInputValue(fieldValue, def.type, `${field}.${name}`, limits, out);
    }
    return;
  }
  if ((nullable === GraphQLString || nullable === GraphQLID) && typeof value === 'string') {
    const problem = textProblem(value, limits.maxStringLength);
    if (problem) out.push({ field, message: problem });
    else if (nullable === GraphQLID && !isUuid(value)) out.push({ field, message: 'must be an id of this graph (a UUID)' });
  }
}
