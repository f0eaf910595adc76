// Issue 11: the lint rule that keeps the layers (resolvers map, services decide, queries.ts hold
// SQL) and keeps agencies apart. Lints fake files at real paths with the repository's config, so
// removing or loosening the rule in eslint.config.js fails here.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Type-aware rules need a file the TypeScript project knows: every path below exists, and
// lintText lints the fake text in its place without touching the file.
const eslint = new ESLint({ cwd: root });

async function restricted(path: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: `${root}${path}` });
  if (!result) throw new Error(`no lint result for ${path}`);
  const fatal = result.messages.filter((m) => m.fatal);
  expect(fatal).toEqual([]);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const imports = (...specifiers: string[]) => specifiers.map((s, i) => `import * as m${i} from '${s}';\nexport const v${i} = m${i};`).join('\n');

describe('layer lint (issue 11)', () => {
  const resolvers = 'subgraphs/migration/src/modules/status/resolvers.ts';

  it('forbids drizzle-orm, postgres and queries.ts in a resolvers file', async () => {
    const banned = ['drizzle-orm', 'drizzle-orm/pg-core', 'postgres', './queries.ts', '../status/queries.ts', './queries.js'];
    const messages = await restricted(resolvers, imports(...banned));
    expect(messages).toHaveLength(banned.length);
    expect(messages.filter((m) => m.includes('SQL lives in queries.ts'))).toHaveLength(3);
    expect(messages.filter((m) => m.includes('call the module service'))).toHaveLength(3);
  });

  it('lets a resolvers file import its service, and a service import its queries and drizzle', async () => {
    expect(await restricted(resolvers, imports('./service.ts', '@nomad/kit'))).toEqual([]);
    expect(await restricted('subgraphs/migration/src/modules/status/service.ts', imports('./queries.ts', 'drizzle-orm'))).toEqual([]);
  });

  it('forbids one agency importing another, in resolvers files too, and allows the shared packages', async () => {
    const labor = 'subgraphs/labor/src/modules/monitoring/service.ts';
    const messages = await restricted(labor, imports('@nomad/migration', '@nomad/tax/src/subgraph.ts', '../../../../security/src/main.ts'));
    expect(messages).toHaveLength(3);
    for (const m of messages) expect(m).toContain('labor receives what it needs by events');
    expect(await restricted(labor, imports('@nomad/kit', '@nomad/sample', '@nomad/contract', '@nomad/labor'))).toEqual([]);
    // Both rules hold in one resolvers file (a later flat-config block must not drop the other).
    const both = await restricted('subgraphs/tax/src/modules/campaign/resolvers.ts', imports('@nomad/security', 'drizzle-orm'));
    expect(both).toHaveLength(2);
    expect(both[0]).toContain('tax receives what it needs by events');
    expect(both[1]).toContain('SQL lives in queries.ts');
  });

  it('covers every agency and the kit', async () => {
    const agencies = ['migration', 'labor', 'tax', 'security'];
    for (const agency of agencies) {
      const other = agencies.find((a) => a !== agency);
      const messages = await restricted(`subgraphs/${agency}/src/main.ts`, imports(`@nomad/${other}`));
      expect(messages, agency).toHaveLength(1);
    }
    expect(await restricted('subgraphs/kit/src/events/operations/resolvers.ts', imports('drizzle-orm'))).toHaveLength(1);
    // A folder of queries files is queries too.
    expect(await restricted('subgraphs/kit/src/events/operations/resolvers.ts', imports('../queries/deliveries.ts', '../queries/index.ts'))).toHaveLength(2);
    expect(await restricted('subgraphs/kit/src/events/operations/resolvers.ts', imports('./service.ts', '../queries-help.ts'))).toEqual([]);
  });
});
