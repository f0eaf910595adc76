import { readFile } from 'node:fs/promises';
import { Kind, parse } from 'graphql';

/** The cost map is wrong: unreadable, not `Type.field` → positive integer, or naming a field the supergraph lacks. */
export class CostWeightsError extends Error {
  override readonly name = 'CostWeightsError';
}

const COORDINATE = /^[A-Za-z_]\w*\.[A-Za-z_]\w*$/;

/**
 * Reads the cost map's JSON: `{ "weights": { "Type.field": n, … } }` (other top-level keys,
 * such as a description, are ignored). Every problem is listed at once.
 * @throws CostWeightsError
 */
export function parseCostWeights(json: unknown): Record<string, number> {
  const weights = (json as { weights?: unknown } | null)?.weights;
  if (typeof weights !== 'object' || weights === null || Array.isArray(weights)) {
    throw new CostWeightsError('The cost map needs an object "weights" of "Type.field": cost.');
  }
  const problems: string[] = [];
  for (const [coordinate, weight] of Object.entries(weights)) {
    if (!COORDINATE.test(coordinate)) problems.push(`${coordinate}: not Type.field`);
    if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 1) problems.push(`${coordinate}: the cost must be a positive integer`);
  }
  if (problems.length > 0) throw new CostWeightsError(`The cost map is invalid: ${problems.join('; ')}.`);
  return weights as Record<string, number>;
}

/** The `Type.field` coordinates an SDL document defines (types and their extensions). */
export function fieldCoordinatesOf(sdl: string): Set<string> {
  const coordinates = new Set<string>();
  for (const d of parse(sdl).definitions) {
    const typed =
      d.kind === Kind.OBJECT_TYPE_DEFINITION ||
      d.kind === Kind.OBJECT_TYPE_EXTENSION ||
      d.kind === Kind.INTERFACE_TYPE_DEFINITION ||
      d.kind === Kind.INTERFACE_TYPE_EXTENSION;
    if (!typed) continue;
    for (const f of d.fields ?? []) coordinates.add(`${d.name.value}.${f.name.value}`);
  }
  return coordinates;
}

/** Weights for fields the schema does not have: a renamed field would otherwise silently cost 1 again. */
export function unknownCoordinates(weights: Readonly<Record<string, number>>, sdl: string): string[] {
  const known = fieldCoordinatesOf(sdl);
  return Object.keys(weights).filter((c) => !known.has(c));
}

/**
 * The cost map at `path`, checked against the supergraph the gateway serves.
 * @throws CostWeightsError naming the file and every problem
 */
export async function loadCostWeights(path: string, supergraphSdl: string): Promise<Record<string, number>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new CostWeightsError(`No cost map at ${path} (${(err as NodeJS.ErrnoException).code ?? 'unreadable'}): set COST_WEIGHTS_PATH.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CostWeightsError(`The cost map at ${path} is not JSON.`);
  }
  const weights = parseCostWeights(json);
  const unknown = unknownCoordinates(weights, supergraphSdl);
  if (unknown.length > 0) throw new CostWeightsError(`The cost map at ${path} names fields the supergraph lacks: ${unknown.join(', ')}.`);
  return weights;
}
