import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen.ts';

describe('the committed generated output', () => {
  it('is what codegen makes of src/operations and schema/api.graphql now (else: npm run generate -w @nomad/operations)', { timeout: 120_000 }, async () => {
    // Generated in memory, nothing written.
    const outputs = (await generate({ ...config, silent: true }, false)) as { filename: string; content: string }[];
    expect(outputs.length).toBeGreaterThan(0);
    const names = outputs.map((o) => path.basename(o.filename)).sort();
    expect(names).toContain('persisted-documents.json');
    expect(names).toContain('graphql.ts');
    for (const output of outputs) {
      const committed = await readFile(output.filename, 'utf8').catch(() => '(missing)');
      expect(committed === output.content, `${output.filename} is stale: run npm run generate -w @nomad/operations and commit it`).toBe(true);
    }
  });
});
