import { OperationTypeNode, parse, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_QUERY } from '@nomad/gateway';
import { emptyPaths, readExamples, type DocExample } from '../src/doc-examples.ts';
import { startGraph, token, type TestGraph } from '../src/harness.ts';

// Every GraphQL block of README.md and docs/*.md, run as the docs say, in document order, on
// one graph seeded with the sample world: a reader who copies an example gets what it shows.
const examples = await readExamples();

/** The codes of every `userErrors` list in a response. */
function userErrorCodes(data: unknown): string[] {
  const codes: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'userErrors' && Array.isArray(child)) codes.push(...child.map((e: { code?: string }) => String(e.code)));
        else visit(child);
      }
    }
  };
  visit(data);
  return codes;
}

async function tokenFor(example: DocExample): Promise<string> {
  const { roles, nomadId } = example.annotation;
  return token(roles, nomadId ? { nomadId } : {});
}

describe('the examples of the documentation', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startGraph({ seed: true });
    await graph.flushEvents();
  }, 180_000);
  afterAll(async () => {
    await graph?.stop();
  });

  it('finds examples in the README and in docs/', () => {
    expect(examples.length).toBeGreaterThan(20);
    expect(examples.some((e) => e.where.startsWith('README.md'))).toBe(true);
    expect(examples.some((e) => e.where.startsWith('docs/'))).toBe(true);
  });

  it("starts with the query the gateway's banner and GraphiQL show", () => {
    const first = examples[0];
    expect(first?.where).toMatch(/^README\.md:/);
    expect(print(first!.document)).toBe(print(parse(FIRST_QUERY)));
  });

  // One test per block, in document order: mutations change the graph for the blocks after them.
  for (const example of examples) {
    it(`${example.where} runs as documented`, async () => {
      const tok = await tokenFor(example);
      const { purpose, expectError, expectUserError, nullable } = example.annotation;
      // An example without a purpose annotation sends none, as a reader copying it would.
      const headers: Record<string, string> = { 'x-purpose': purpose ?? '' };
      // The access-log examples read the ledger: seal and anchor what was read before, as the sealers do within a second.
      if (/accessLog/.test(example.source)) await graph.sealAll();
      for (const operation of example.operations) {
        const name = operation.name?.value;
        const res = await graph.request(tok, example.source, undefined, { ...headers }, name);
        const label = `${example.where}${name ? ` ${name}` : ''}`;
        if (expectError) {
          const codes = (res.body.errors ?? []).map((e) => e.extensions?.code);
          expect(codes.length, `${label}: expected ${expectError}`).toBeGreaterThan(0);
          expect(new Set(codes), label).toEqual(new Set([expectError]));
          continue;
        }
        expect(res.body.errors, `${label}: ${res.text.slice(0, 500)}`).toBeUndefined();
        expect(res.status, label).toBe(200);
        const codes = userErrorCodes(res.body.data);
        if (expectUserError) {
          // A refused mutation shows its refusal; what it would have returned is null.
          expect(codes, label).toContain(expectUserError);
          continue;
        }
        expect(codes, `${label}: userErrors`).toEqual([]);
        // The analysts' questions show suppressed (null) cells by design; their own test
        // (analyst-questions.test.ts) compares each with the exact answer the page prints.
        const empty = example.annotation.question !== null ? [] : emptyPaths(res.body.data).filter((path) => !nullable.includes(path));
        expect(empty.join(', '), `${label}: shows nothing at`).toBe('');
        if (operation.operation === OperationTypeNode.MUTATION) await graph.flushEvents();
      }
    });
  }
});
