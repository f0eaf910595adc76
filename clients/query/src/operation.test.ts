import { print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT, RunnerError } from './errors.ts';
import { prepareOperation, type PreparedOperation } from './operation.ts';
import { loadSchema } from './run.ts';

let schema: Awaited<ReturnType<typeof loadSchema>>;
beforeAll(async () => {
  schema = await loadSchema();
});

const prepare = (source: string): PreparedOperation => prepareOperation(source, 'q.graphql', schema.schema, schema.personalFields);

function refusal(source: string): RunnerError {
  try {
    prepare(source);
  } catch (error) {
    if (error instanceof RunnerError) return error;
    throw error;
  }
  throw new Error(`accepted: ${source}`);
}

describe('personal fields', () => {
  it('the committed list is the subgraphs\' tables (schema/personal-fields.json)', () => {
    expect(schema.personalFields.size).toBeGreaterThan(20);
    expect(schema.personalFields.has('Nomad.pin')).toBe(true);
    expect(schema.personalFields.has('Nomad.citizenship')).toBe(false);
  });

  it('refuses every personal field before sending, each by its path and coordinate, through aliases and fragments', () => {
    const error = refusal(`
      query Export {
        nomads(first: 10) {
          edges { node { id citizenship family: surname ...Ids ... on Nomad { passport { number } } } }
        }
      }
      fragment Ids on Nomad { pin }`);
    expect(error.exitCode).toBe(EXIT.REFUSED);
    const named = error.message.split('\n').filter((l) => l.startsWith('  '));
    expect(named).toEqual(['  nomads.edges.node.family (Nomad.surname)', '  nomads.edges.node.pin (Nomad.pin)', '  nomads.edges.node.passport (Nomad.passport)']);
  });

  it('refuses a personal field of another agency in a statistics-shaped or nested answer too', () => {
    const error = refusal('{ applications(first: 5) { edges { node { number declaredIncome { amountMinor } } } } }');
    expect(error.message).toContain('applications.edges.node.declaredIncome (Application.declaredIncome)');
  });
});

describe('validation', () => {
  it('refuses an operation that does not parse or validate, with the GraphQL message and its place', () => {
    const syntax = refusal('{ nomads(first: 3) { edges { node { id } }');
    expect(syntax.exitCode).toBe(EXIT.REFUSED);
    expect(syntax.message).toMatch(/does not parse:\n {2}q\.graphql:1:\d+: Syntax Error/);
    const invalid = refusal('{ nomads(first: 3) { edges { node { id nope } } } }');
    expect(invalid.message).toBe('The operation does not validate against the schema (schema/api.graphql):\n  q.graphql:1:40: Cannot query field "nope" on type "Nomad".');
  });

  it('refuses mutations, several operations, two connections, a connection without its rows', () => {
    expect(refusal('mutation { withdrawApplication(input: { applicationId: "x" }) { __typename } }').message).toMatch(/only reads: q\.graphql holds a mutation/);
    expect(refusal('query A { nomads { totalCount } } query B { nomads { totalCount } }').message).toMatch(/exactly one operation, not 2/);
    expect(refusal('{ nomads(first: 2) { nodes: edges { node { id } } } applications { edges { node { number } } } }').message).toMatch(/2 connections \(nomads, applications\)/);
    expect(refusal('{ nomads(first: 2) { totalCount } }').message).toMatch(/Select the rows of nomads: edges \{ node \{ … \} \} or nodes \{ … \}/);
  });
});

describe('the connection', () => {
  it('adds the paging variables, pageInfo and totalCount the user left out, and keeps the page size the operation asked for', () => {
    const p = prepare('{ applications(first: 7, filter: { states: [APPROVED] }) { edges { node { number activity { code } nomad { citizenship } } } } }');
    expect(p.shape).toEqual({
      kind: 'connection',
      path: ['applications'],
      nodes: ['edges', 'node'],
      firstVariable: 'first',
      afterVariable: 'after',
      pageInfoKey: 'pageInfo',
      totalCountKey: 'totalCount',
    });
    expect(p.firstInOperation).toBe(7);
    expect(p.text).toContain('query ($first: Int, $after: String)');
    expect(p.text).toContain('applications(filter: {states: [APPROVED]}, first: $first, after: $after)');
    expect(p.text).toMatch(/pageInfo \{\s+endCursor\s+hasNextPage\s+\}\s+totalCount/);
    expect(p.columns.map((c) => c.name)).toEqual(['number', 'activity.code', 'nomad.citizenship']);
  });

  it("uses the user's own variables and pageInfo, adding only what is missing; a connection under an object; new names do not clash", () => {
    const p = prepare(`query Page($size: Int, $cursor: String) {
      nomad(id: "n") { applications(first: $size, after: $cursor) { pageInfo { hasNextPage } edges { node { number state } } } }
    }`);
    expect(p.shape).toMatchObject({ kind: 'connection', path: ['nomad', 'applications'], firstVariable: 'size', afterVariable: 'cursor' });
    expect(print(p.document)).toMatch(/pageInfo \{\s+hasNextPage\s+endCursor\s+\}/);
    expect(p.operationName).toBe('Page');
    const clash = prepare('query ($first: Boolean!) { applications { edges { node { number } } } flag: __typename @include(if: $first) }');
    expect(clash.shape).toMatchObject({ firstVariable: 'first2', afterVariable: 'after' });
    expect(clash.text).toContain('query ($first: Boolean!, $first2: Int, $after: String)');
  });

  it('puts a list inside a node in one column', () => {
    const p = prepare('{ applications(first: 3) { edges { node { number corrections { field message } } } } }');
    expect(p.columns).toEqual([
      { name: 'number', path: ['number'], list: false },
      { name: 'corrections', path: ['corrections'], list: true },
    ]);
  });

  it('hashes the operation as sent: another filter is another hash', () => {
    const a = prepare('{ applications(first: 3, filter: { states: [APPROVED] }) { edges { node { number } } } }');
    const b = prepare('{ applications(first: 3, filter: { states: [REFUSED] }) { edges { node { number } } } }');
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toBe(b.hash);
    expect(prepare('{ applications(first: 3, filter: { states: [APPROVED] }) { edges { node { number } } } }').hash).toBe(a.hash);
  });
});

describe('without a connection', () => {
  it("writes a statistics answer's rows (its one list), columns from the selection", () => {
    const p = prepare('{ applicationStatistics(measures: [COUNT], groupBy: [CITIZENSHIP]) { minCellSize rows { citizenship suppressed count } total { count } } }');
    expect(p.shape).toEqual({ kind: 'list', path: ['applicationStatistics', 'rows'] });
    expect(p.columns.map((c) => c.name)).toEqual(['citizenship', 'suppressed', 'count']);
  });

  it('writes an answer without lists as one row, and refuses one with several lists', () => {
    expect(prepare('{ laborAggregates { openCases closedCases } }').shape).toEqual({ kind: 'single' });
    expect(refusal('{ laborAggregates { verdicts { key count } evaluationsByState { key count } } }').message).toMatch(
      /2 lists \(laborAggregates\.verdicts, laborAggregates\.evaluationsByState\): the runner writes one per operation/,
    );
  });
});
