import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CostWeightsError, loadCostWeights, parseCostWeights, unknownCoordinates } from './cost-weights.ts';

const SDL = `
  type Query { stats: Int things(first: Int): ThingConnection! }
  type ThingConnection { totalCount: Int! }
  extend type Query { more: Int }
`;

describe('parseCostWeights', () => {
  it('reads Type.field → cost and ignores a description', () => {
    expect(parseCostWeights({ description: 'why', weights: { 'Query.stats': 100 } })).toEqual({ 'Query.stats': 100 });
  });

  it('lists every invalid entry at once', () => {
    const bad = () => parseCostWeights({ weights: { stats: 5, 'Query.more': 0, 'Query.stats': 1.5, 'Query.things': '3' } });
    expect(bad).toThrow(CostWeightsError);
    expect(bad).toThrow(/stats: not Type\.field.*Query\.more: the cost must be a positive integer.*Query\.stats: .*Query\.things: /);
  });

  it.each([null, [], { weights: [] }, { weights: 'x' }, {}])('refuses %j without an object of weights', (json) => {
    expect(() => parseCostWeights(json)).toThrow(/needs an object "weights"/);
  });
});

describe('unknownCoordinates', () => {
  it('finds weights of fields the schema lacks, extensions counted as fields', () => {
    expect(unknownCoordinates({ 'Query.stats': 2, 'Query.more': 2, 'ThingConnection.totalCount': 2, 'Query.gone': 2, 'Gone.field': 2 }, SDL)).toEqual(['Query.gone', 'Gone.field']);
  });
});

describe('loadCostWeights', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cost-weights-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads a map whose fields the supergraph has', async () => {
    const path = join(dir, 'ok.json');
    await writeFile(path, JSON.stringify({ weights: { 'ThingConnection.totalCount': 10 } }));
    await expect(loadCostWeights(path, SDL)).resolves.toEqual({ 'ThingConnection.totalCount': 10 });
  });

  it('refuses a missing file, bad JSON and unknown fields, naming the file', async () => {
    await expect(loadCostWeights(join(dir, 'none.json'), SDL)).rejects.toThrow(/No cost map at .*none\.json \(ENOENT\): set COST_WEIGHTS_PATH/);
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{ weights: ');
    await expect(loadCostWeights(broken, SDL)).rejects.toThrow(/broken\.json is not JSON/);
    const stale = join(dir, 'stale.json');
    await writeFile(stale, JSON.stringify({ weights: { 'Query.removed': 10 } }));
    await expect(loadCostWeights(stale, SDL)).rejects.toThrow(/stale\.json names fields the supergraph lacks: Query\.removed/);
  });
});
