import { readFileSync } from 'node:fs';
import { buildSchema, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { API_SCHEMA_PATH, COST_WEIGHTS_PATH } from './compose.ts';

const api = buildSchema(readFileSync(API_SCHEMA_PATH, 'utf8'));
const { weights } = JSON.parse(readFileSync(COST_WEIGHTS_PATH, 'utf8')) as { weights: Record<string, unknown> };

function fieldExists(coordinate: string): boolean {
  const [typeName = '', fieldName = ''] = coordinate.split('.');
  const type = api.getType(typeName);
  return (isObjectType(type) || isInterfaceType(type)) && fieldName in type.getFields();
}

describe('the gateway cost map (schema/costs.json)', () => {
  const entries = Object.entries(weights);

  it('weighs the analysts statistics and every connection total', () => {
    expect(entries.length).toBeGreaterThan(0);
    expect(weights['Query.applicationStatistics']).toBeGreaterThan(1);
    const connectionsWithTotals = Object.values(api.getTypeMap()).filter(
      (t) => isObjectType(t) && t.name.endsWith('Connection') && 'totalCount' in t.getFields(),
    );
    expect(connectionsWithTotals.length).toBeGreaterThan(0);
    const unweighed = connectionsWithTotals.map((t) => `${t.name}.totalCount`).filter((c) => weights[c] === undefined);
    expect(unweighed).toEqual([]);
  });

  it('names only fields of the public API, each with a positive integer cost', () => {
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter(([c]) => !fieldExists(c)).map(([c]) => c)).toEqual([]);
    expect(entries.filter(([, w]) => typeof w !== 'number' || !Number.isInteger(w) || w < 1).map(([c]) => c)).toEqual([]);
  });
});
