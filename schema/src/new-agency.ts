/**
 * `npm run new:agency -- <name>`: writes subgraphs/<name>/ — one table and its first migration,
 * one module (`<name>Desks`: queries, a service guarded by roles, a resolver), a seed, its
 * `defineAgency` declaration — and adds it to `schema/src/subgraphs.ts` (the list composition
 * reads) and to AGENCY_DEFAULT_PORTS in `contract/src/agencies.ts` (the agencies `npm start`
 * runs). Refuses a bad name or one already taken; writes nothing then.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GATEWAY_ENV_KEYS } from '@nomad/gateway';
import { sharedSubgraphEnvKeys } from '@nomad/kit';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NAME = /^[a-z][a-z0-9]{1,29}$/;
/** Workspace folders and words an agency may not be called (its package, schema and env prefix would clash). */
const RESERVED = new Set(['kit', 'gateway', 'schema', 'sample', 'supervisor', 'contract', 'test', 'clients', 'public', 'events', 'analytics', 'database']);

export class ScaffoldError extends Error {}

/** Why `name` cannot be an agency's name, or null. */
export function badAgencyName(name: string): string | null {
  if (!NAME.test(name)) return `"${name}" is not an agency name: 2 to 30 lower-case letters and digits, starting with a letter (it names the package, the PostgreSQL schema and the <NAME>_ variables)`;
  if (RESERVED.has(name)) return `"${name}" is reserved (a workspace or a shared word)`;
  // Its <NAME>_ variables must not read as a shared one (agency `analyst`: ANALYST_STATEMENT_TIMEOUT_MS; `jwks`: JWKS_URL).
  const prefix = `${name.toUpperCase()}_`;
  const clash = [...sharedSubgraphEnvKeys(), ...GATEWAY_ENV_KEYS].find((key) => key.startsWith(prefix));
  if (clash) return `"${name}" would make its ${prefix}… variables read as the shared ${clash}: choose another name`;
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
import { date, pgSchema, text, uuid } from 'drizzle-orm/pg-core';

/** Every table of the ${name} agency lives in its own PostgreSQL schema; no other agency reads it. */
export const ${name} = pgSchema('${name}');

/** The agency's service desks: its first table (replace it with its own). Not personal data. */
export const desks = ${name}.table('desks', {
  id: uuid('id').primaryKey().defaultRandom(),
  city: text('city').notNull(),
  address: text('address').notNull(),
  /** Bishkek calendar day the desk opened. */
  openedOn: date('opened_on').notNull(),
});
export type DeskRow = typeof desks.$inferSelect;

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
    'src/context.ts': `import type { RequestContext } from '@nomad/kit';
import type { ${pascal}Db } from './db/index.ts';
import type { Loaders } from './loaders.ts';

export type Context = RequestContext<Loaders, ${pascal}Db>;
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
    'src/modules/desks/schema.graphql': `"A service desk of the ${name} agency: its first type (replace it with its own)."
type ${pascal}Desk {
  id: ID!
  city: String!
  address: String!
  "The day it opened (Bishkek calendar)."
  openedOn: Date!
}

extend type Query {
  "The ${name} agency's service desks, by city: for nomads and officers; FORBIDDEN to anyone else."
  ${name}Desks: [${pascal}Desk!]!
}
`,
    'src/modules/desks/queries.ts': `import { asc } from 'drizzle-orm';
import type { ${pascal}Db } from '../../db/index.ts';
import { desks, type DeskRow } from '../../db/schema.ts';

/** Every desk, by city (one statement). */
export function listDesks(db: ${pascal}Db): Promise<DeskRow[]> {
  return db.select().from(desks).orderBy(asc(desks.city), asc(desks.id));
}
`,
    'src/modules/desks/service.ts': `import { forbidden, hasRole, type Role } from '@nomad/kit';
import type { Context } from '../../context.ts';
import type { DeskRow } from '../../db/schema.ts';
import { listDesks } from './queries.ts';

/** Who reads the desks: nomads and every agency's officers (not analysts, auditors or experts). */
export const DESK_READERS: readonly Role[] = ['nomad', 'migration_officer', 'labor_officer', 'tax_officer', 'security_officer'];

/** The desks, for a caller the rule lets read them; FORBIDDEN to anyone else. */
export function desksFor(ctx: Context): Promise<DeskRow[]> {
  if (!hasRole(ctx.principal, ...DESK_READERS)) throw forbidden('The desks are for nomads and officers.');
  return listDesks(ctx.db);
}
`,
    'src/modules/desks/resolvers.ts': `import type { GraphQLResolverMap } from '@nomad/kit';
import type { Context } from '../../context.ts';
import { desksFor } from './service.ts';

export function deskResolvers(): GraphQLResolverMap<Context> {
  return { Query: { ${name}Desks: (_: unknown, _args: unknown, ctx: Context) => desksFor(ctx) } };
}
`,
    'src/seed/seed.ts': `import { count } from 'drizzle-orm';
import type { Logger } from '@nomad/kit';
import type { ${pascal}Db } from '../db/index.ts';
import { desks } from '../db/schema.ts';

/** The sample desks \`npm start\` seeds an empty database with (\`SEED\`). */
export const SAMPLE_DESKS = [
  { city: 'Bishkek', address: 'Chui Avenue 1' },
  { city: 'Osh', address: 'Lenin Street 2' },
] as const;

/** Fills an empty database with the sample desks, opened on \`today\`; a database with desks is left as it is. */
export async function seed${pascal}(db: ${pascal}Db, logger: Logger, options: { today: string }): Promise<void> {
  const [existing] = await db.select({ n: count() }).from(desks);
  if ((existing?.n ?? 0) > 0) return;
  await db.insert(desks).values(SAMPLE_DESKS.map((d) => ({ ...d, openedOn: options.today })));
  logger.info({ desks: SAMPLE_DESKS.length }, 'sample desks seeded');
}
`,
    'src/sdl.ts': `import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';
import { accessLogTypeDefs, eventOperationsTypeDefs, sharedTypeDefs } from '@nomad/kit';

/** The module folders whose \`schema.graphql\` make up this subgraph, in order. */
export const MODULES = ['desks'] as const;

export const SUBGRAPH_NAME = '${name}';

function moduleSdl(module: string): string {
  return readFileSync(new URL(\`./modules/\${module}/schema.graphql\`, import.meta.url), 'utf8');
}

export const typeDefs: DocumentNode = parse([sharedTypeDefs, ...MODULES.map(moduleSdl), accessLogTypeDefs(SUBGRAPH_NAME), eventOperationsTypeDefs(SUBGRAPH_NAME)].join('\\n'));
`,
    'src/subgraph.ts': `import { defineAgency, type DefinedAgencySubgraphOptions, type SubgraphServer } from '@nomad/kit';
import type { App } from './app.ts';
import { schema, type ${pascal}Schema } from './db/index.ts';
import { accessTables, idempotencyKeys, inbox, outbox, outboxDeliveries } from './db/schema.ts';
import { createLoaders } from './loaders.ts';
import { deskResolvers } from './modules/desks/resolvers.ts';
import { PERSONAL_FIELDS } from './personal-fields.ts';
import { SUBGRAPH_NAME, typeDefs } from './sdl.ts';
import { seed${pascal} } from './seed/seed.ts';

/** The ${name} agency: what is its own; the kit adds the rest (\`defineAgency\`). */
export const ${name}Agency = defineAgency({
  name: SUBGRAPH_NAME,
  defaultPort: ${port},
  schema,
  moduleUrl: import.meta.url,
  typeDefs,
  resolvers: (_app: App) => [deskResolvers()],
  createLoaders,
  personalFields: PERSONAL_FIELDS,
  tables: { access: accessTables, idempotency: { idempotencyKeys }, events: { outbox, outboxDeliveries, inbox } },
  // The events it receives, one handler per type SUBSCRIPTIONS (kit/src/events) sends it: none yet.
  handlers: () => ({}),
  seed: seed${pascal},
  runtime: ({ clock }) => ({ app: { clock } }),
});

export type ${pascal}SubgraphOptions = DefinedAgencySubgraphOptions<${pascal}Schema, App>;

/** Starts the ${name} subgraph over an open, migrated database (tests; \`main\` does it itself). */
export const start${pascal}Subgraph: (options: ${pascal}SubgraphOptions) => Promise<SubgraphServer> = ${name}Agency.startSubgraph;
`,
    'src/main.ts': `// First: Apollo's telemetry is off before any Apollo package loads (nothing phones home).
import '@nomad/kit/telemetry-off';
import { ${name}Agency } from './subgraph.ts';

await ${name}Agency.main();
`,
    'src/index.ts': `export { ${name}Agency, start${pascal}Subgraph, type ${pascal}SubgraphOptions } from './subgraph.ts';
export { typeDefs, SUBGRAPH_NAME } from './sdl.ts';
export { schema, type ${pascal}Db, type ${pascal}Schema } from './db/index.ts';
export { seed${pascal}, SAMPLE_DESKS } from './seed/seed.ts';
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

/** The agency's line in contract/src/agencies.ts's AGENCY_DEFAULT_PORTS: `npm start` runs it, the gateway and event delivery find it. */
function addToContract(text: string, name: string, port: number): string {
  const start = text.indexOf('export const AGENCY_DEFAULT_PORTS = {');
  const end = text.indexOf('} as const;', start);
  if (start < 0 || end < 0) throw new ScaffoldError(`contract/src/agencies.ts: no AGENCY_DEFAULT_PORTS found; add \`${name}: ${port},\` to it by hand`);
  return `${text.slice(0, end)}  ${name}: ${port},\n${text.slice(end)}`;
}

/**
 * What drizzle-kit cannot write and every agency's access log has (labor's
 * 0004_access_ledger_append_only.sql): records and seals append-only whoever asks, each record's
 * transaction id and time stamped by the database, and the sealer's rule values.
 */
function accessLogSql(name: string): string {
  const s = `"${name}"`;
  const appendOnly = (table: string) => [
    `CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE ON ${s}."${table}" FOR EACH ROW EXECUTE FUNCTION ${s}."access_append_only"();`,
    `CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON ${s}."${table}" FOR EACH STATEMENT EXECUTE FUNCTION ${s}."access_append_only"();`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON ${s}."${table}" FROM PUBLIC;`,
  ];
  return [
    `-- The access log: records and seals are append-only, whoever asks; each record's transaction id
-- and time are stamped by the database, never taken from the writer (the sealer orders by them).
CREATE FUNCTION ${s}."access_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%.% is append-only', TG_TABLE_SCHEMA, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;`,
    `CREATE FUNCTION ${s}."access_stamp"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.xid := pg_current_xact_id();
  IF TG_TABLE_NAME = 'access_records' THEN
    NEW.at := date_trunc('milliseconds', now());
  END IF;
  RETURN NEW;
END;
$$;`,
    `CREATE TRIGGER "access_records_stamp" BEFORE INSERT ON ${s}."access_records" FOR EACH ROW EXECUTE FUNCTION ${s}."access_stamp"();`,
    ...appendOnly('access_records'),
    ...appendOnly('access_seals'),
    `INSERT INTO ${s}."access_rules" ("key", "value", "description") VALUES
  ('seal_delay_ms', '1000', 'A committed access record is sealed (chained, signed, sent to the ledger) within this many milliseconds.'),
  ('seal_max_records', '500', 'Records per seal at most (one transaction''s records are never split).')
ON CONFLICT ("key") DO NOTHING;`,
  ].join('\n--> statement-breakpoint\n');
}

/**
 * Its first SQL migration (drizzle/0000_init.sql and drizzle/meta/): generated from
 * src/db/schema.ts by drizzle-kit, as `npm run db:generate` does for every agency, and the
 * access log's triggers and rules appended.
 */
async function generateMigration(dir: string, name: string): Promise<void> {
  const bin = path.join(path.dirname(createRequire(import.meta.url).resolve('drizzle-kit')), 'bin.cjs');
  const run = spawnSync(process.execPath, [bin, 'generate', '--name', 'init'], { cwd: dir, encoding: 'utf8' });
  if (run.status !== 0) throw new ScaffoldError(`drizzle-kit could not generate subgraphs/${name}/drizzle: ${run.stderr || run.stdout}`);
  await appendFile(path.join(dir, 'drizzle', '0000_init.sql'), `\n--> statement-breakpoint\n${accessLogSql(name)}\n`);
}

/**
 * Writes subgraphs/<name>/ under `root` (its first migration included) and lists it in
 * `root`/schema/src/subgraphs.ts, schema/package.json and contract/src/agencies.ts.
 */
export async function scaffoldAgency(root: string, name: string): Promise<{ dir: string; port: number }> {
  const bad = badAgencyName(name);
  if (bad) throw new ScaffoldError(bad);
  const dir = path.join(root, 'subgraphs', name);
  const subgraphsFile = path.join(root, 'schema', 'src', 'subgraphs.ts');
  const contractFile = path.join(root, 'contract', 'src', 'agencies.ts');
  const listed = await readFile(subgraphsFile, 'utf8');
  const contract = await readFile(contractFile, 'utf8');
  if (existsSync(dir) || listed.includes(`name: '${name}'`) || new RegExp(`^\\s+${name}: \\d+,$`, 'm').test(contract)) {
    throw new ScaffoldError(`an agency "${name}" already exists (subgraphs/${name}, schema/src/subgraphs.ts or contract/src/agencies.ts)`);
  }
  const ports = [...listed.matchAll(/127\.0\.0\.1:(\d+)\/graphql/g), ...contract.matchAll(/^\s+[a-z0-9]+: (\d+),$/gm)].map((m) => Number(m[1]));
  const port = Math.max(4000, ...ports) + 1;
  const newContract = addToContract(contract, name, port);
  for (const [file, text] of Object.entries(files(name, port))) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text, { flag: 'wx' });
  }
  try {
    await generateMigration(dir, name);
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  await writeFile(subgraphsFile, addToSubgraphs(listed, name, port));
  await writeFile(contractFile, newContract);
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
      `new:agency: wrote subgraphs/${name}/ (port ${port}, its first migration included) and its lines in schema/src/subgraphs.ts and contract/src/agencies.ts.\n` +
        `Next: npm install (links @nomad/${name}), then npm run compose; npm start runs it beside the others.\n`,
    );
  } catch (err) {
    if (!(err instanceof ScaffoldError)) throw err;
    process.stderr.write(`new:agency: ${err.message}\n`);
    process.exitCode = 1;
  }
}
