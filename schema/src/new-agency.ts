/**
 * `npm run new:agency -- <name>`: writes subgraphs/<name>/ (one module answering `<name>Hello`,
 * its tables, its `defineAgency` declaration) and adds it to `schema/src/subgraphs.ts`, the one
 * list composition reads. Refuses a bad name or one already taken; writes nothing then.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NAME = /^[a-z][a-z0-9]{1,29}$/;
/** Workspace folders and words an agency may not be called (its package, schema and env prefix would clash). */
const RESERVED = new Set(['kit', 'gateway', 'schema', 'sample', 'supervisor', 'contract', 'test', 'clients', 'public', 'events', 'analytics', 'database']);

export class ScaffoldError extends Error {}

/** Why `name` cannot be an agency's name, or null. */
export function badAgencyName(name: string): string | null {
  if (!NAME.test(name)) return `"${name}" is not an agency name: 2 to 30 lower-case letters and digits, starting with a letter (it names the package, the PostgreSQL schema and the <NAME>_ variables)`;
  if (RESERVED.has(name)) return `"${name}" is reserved (a workspace or a shared word)`;
  return null;
}

function files(name: string, port: number): Record<string, string> {
  const pascal = name[0]!.toUpperCase() + name.slice(1);
  return {
    'package.json': `${JSON.stringify(
      {
        name: `@nomad/${name}`,
        version: '0.1.0',
        private: true,
        type: 'module',
        exports: { '.': './src/index.ts', './sdl': './src/sdl.ts', './personal-fields': './src/personal-fields.ts' },
        scripts: { typecheck: 'tsc --noEmit', lint: 'eslint .', start: 'tsx src/main.ts', 'db:generate': 'drizzle-kit generate' },
        dependencies: { '@nomad/kit': '*', 'drizzle-orm': '0.45.4', graphql: '16.15.0' },
        devDependencies: { 'drizzle-kit': '0.31.11' },
      },
      null,
      2,
    )}\n`,
    'tsconfig.json': '{\n  "extends": "../../tsconfig.json",\n  "include": ["src", "*.ts"]\n}\n',
    'drizzle.config.ts': `import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from src/db/schema.ts (\`npm run db:generate\`); the service applies them at start-up.
export default defineConfig({ dialect: 'postgresql', schema: './src/db/schema.ts', out: './drizzle', schemaFilter: ['${name}'] });
`,
    'src/db/schema.ts': `import { accessLogTables, eventTables, idempotencyTables } from '@nomad/kit';
import { pgSchema } from 'drizzle-orm/pg-core';

export const ${name} = pgSchema('${name}');

export const { accessRecords, accessSeals, accessRules } = accessLogTables(${name});
export const accessTables = { accessRecords, accessSeals, accessRules };
export const { idempotencyKeys } = idempotencyTables(${name});
export const { outbox, outboxDeliveries, inbox } = eventTables(${name});
`,
    'src/db/index.ts': `import type { Executor } from '@nomad/kit';
import * as schema from './schema.ts';

export { schema };
export type ${pascal}Schema = typeof schema;
export type ${pascal}Db = Executor<${pascal}Schema>;
`,
    'src/app.ts': `import type { Clock } from '@nomad/kit';

/** Process-wide dependencies of the services (never per-user state). */
export interface App {
  clock: Clock;
}
`,
    'src/personal-fields.ts': `import type { AccessPolicy } from '@nomad/kit';

/** Every personal field the ${name} subgraph serves, by GraphQL coordinate (none yet). */
export const PERSONAL_FIELDS = {};

export const ACCESS_POLICY: AccessPolicy<never> = { agency: '${name}', fields: PERSONAL_FIELDS };
`,
    'src/loaders.ts': `import { createAccessRecorder, type ReadRequest } from '@nomad/kit';
import type { ${pascal}Db } from './db/index.ts';
import { accessTables } from './db/schema.ts';
import { ACCESS_POLICY } from './personal-fields.ts';

/** Per-request loaders, never shared between requests. */
export function createLoaders(db: ${pascal}Db, request: ReadRequest) {
  return { access: createAccessRecorder(db, accessTables, request, ACCESS_POLICY) };
}

export type Loaders = ReturnType<typeof createLoaders>;
`,
    'src/modules/hello/schema.graphql': `extend type Query {
  "A first field of the ${name} agency: replace it with its own."
  ${name}Hello: String!
}
`,
    'src/modules/hello/resolvers.ts': `import type { App } from '../../app.ts';

export function helloResolvers(app: App) {
  return { Query: { ${name}Hello: () => \`${name} answers on \${app.clock.today()}\` } };
}
`,
    'src/sdl.ts': `import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';
import { accessLogTypeDefs, eventOperationsTypeDefs, sharedTypeDefs } from '@nomad/kit';

/** The module folders whose \`schema.graphql\` make up this subgraph, in order. */
export const MODULES = ['hello'] as const;

export const SUBGRAPH_NAME = '${name}';

function moduleSdl(module: string): string {
  return readFileSync(new URL(\`./modules/\${module}/schema.graphql\`, import.meta.url), 'utf8');
}

export const typeDefs: DocumentNode = parse([sharedTypeDefs, ...MODULES.map(moduleSdl), accessLogTypeDefs(SUBGRAPH_NAME), eventOperationsTypeDefs(SUBGRAPH_NAME)].join('\\n'));
`,
    'src/subgraph.ts': `import { defineAgency } from '@nomad/kit';
import type { App } from './app.ts';
import { schema } from './db/index.ts';
import { accessTables, idempotencyKeys, inbox, outbox, outboxDeliveries } from './db/schema.ts';
import { createLoaders } from './loaders.ts';
import { helloResolvers } from './modules/hello/resolvers.ts';
import { PERSONAL_FIELDS } from './personal-fields.ts';
import { SUBGRAPH_NAME, typeDefs } from './sdl.ts';

export const ${name}Agency = defineAgency({
  name: SUBGRAPH_NAME,
  defaultPort: ${port},
  schema,
  moduleUrl: import.meta.url,
  typeDefs,
  resolvers: (app: App) => [helloResolvers(app)],
  createLoaders,
  personalFields: PERSONAL_FIELDS,
  tables: { access: accessTables, idempotency: { idempotencyKeys }, events: { outbox, outboxDeliveries, inbox } },
  handlers: () => ({}),
  seed: () => Promise.resolve(),
  runtime: ({ clock }) => ({ app: { clock } }),
});
`,
    'src/main.ts': `// First: Apollo's telemetry is off before any Apollo package loads (nothing phones home).
import '@nomad/kit/telemetry-off';
import { ${name}Agency } from './subgraph.ts';

await ${name}Agency.main();
`,
    'src/index.ts': `export { ${name}Agency } from './subgraph.ts';
export { typeDefs, SUBGRAPH_NAME } from './sdl.ts';
export { schema } from './db/index.ts';
export { PERSONAL_FIELDS } from './personal-fields.ts';
`,
  };
}

/** The agency's line in schema/src/subgraphs.ts (and its two imports). */
function addToSubgraphs(text: string, name: string, port: number): string {
  const imports = `import { typeDefs as ${name} } from '@nomad/${name}/sdl';\nimport { PERSONAL_FIELDS as ${name}Personal } from '@nomad/${name}/personal-fields';\n`;
  const lastImport = text.lastIndexOf('\nimport ');
  const afterImports = text.indexOf('\n', lastImport + 1) + 1;
  const end = text.lastIndexOf('];');
  if (lastImport < 0 || end < afterImports) throw new ScaffoldError('schema/src/subgraphs.ts: no SUBGRAPHS list found to add the agency to');
  const entry = `  { name: '${name}', url: 'http://127.0.0.1:${port}/graphql', typeDefs: ${name}, personalFields: ${name}Personal },\n`;
  return text.slice(0, afterImports) + imports + text.slice(afterImports, end) + entry + text.slice(end);
}

/** Writes subgraphs/<name>/ under `root` and lists it in `root`/schema/src/subgraphs.ts and schema/package.json. */
export async function scaffoldAgency(root: string, name: string): Promise<{ dir: string; port: number }> {
  const bad = badAgencyName(name);
  if (bad) throw new ScaffoldError(bad);
  const dir = path.join(root, 'subgraphs', name);
  const subgraphsFile = path.join(root, 'schema', 'src', 'subgraphs.ts');
  const listed = await readFile(subgraphsFile, 'utf8');
  if (existsSync(dir) || listed.includes(`name: '${name}'`)) throw new ScaffoldError(`an agency "${name}" already exists (subgraphs/${name} or schema/src/subgraphs.ts)`);
  const ports = [...listed.matchAll(/127\.0\.0\.1:(\d+)\/graphql/g)].map((m) => Number(m[1]));
  const port = Math.max(4000, ...ports) + 1;
  for (const [file, text] of Object.entries(files(name, port))) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text, { flag: 'wx' });
  }
  await writeFile(subgraphsFile, addToSubgraphs(listed, name, port));
  const schemaPackage = path.join(root, 'schema', 'package.json');
  const pkg = JSON.parse(await readFile(schemaPackage, 'utf8')) as { dependencies: Record<string, string> };
  pkg.dependencies = Object.fromEntries(Object.entries({ ...pkg.dependencies, [`@nomad/${name}`]: '*' }).sort(([a], [b]) => a.localeCompare(b)));
  await writeFile(schemaPackage, `${JSON.stringify(pkg, null, 2)}\n`);
  return { dir, port };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const name = process.argv[2] ?? '';
  try {
    const { port } = await scaffoldAgency(REPO_ROOT, name);
    process.stdout.write(
      `new:agency: wrote subgraphs/${name}/ (port ${port}) and its line in schema/src/subgraphs.ts.\n` +
        `Next: npm install (links @nomad/${name}), npm run db:generate -w @nomad/${name}, npm run compose;\n` +
        `to run it beside the others, add it to AGENCY_DEFAULT_PORTS in contract/.\n`,
    );
  } catch (err) {
    if (!(err instanceof ScaffoldError)) throw err;
    process.stderr.write(`new:agency: ${err.message}\n`);
    process.exitCode = 1;
  }
}
