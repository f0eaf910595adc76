import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareOperation } from './operation.ts';
import { loadSchema } from './run.ts';

// The operations docs/analysts.md shows for the runner are ones the runner accepts (the graph
// runs them in test/e2e/docs-examples.test.ts): no personal field, one connection or one list.

const ANALYSTS = fileURLToPath(new URL('../../../docs/analysts.md', import.meta.url));

let schema: Awaited<ReturnType<typeof loadSchema>>;
let examples: string[];
beforeAll(async () => {
  schema = await loadSchema();
  const page = await readFile(ANALYSTS, 'utf8');
  const section = page.split(/^## The query runner$/m)[1]?.split(/^## /m)[0] ?? '';
  examples = [...section.matchAll(/^```graphql\n([^]*?)^```$/gm)].map((m) => m[1] ?? '');
});

describe("docs/analysts.md's query runner section", () => {
  it('shows a connection and a statistics list, each accepted by the runner', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
    const shapes = examples.map((source, i) => prepareOperation(source, `docs/analysts.md example ${i + 1}`, schema.schema, schema.personalFields).shape.kind);
    expect(shapes).toEqual(['connection', 'list']);
  });
});
