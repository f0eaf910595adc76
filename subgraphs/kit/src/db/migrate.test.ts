import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { connect, type Database } from './database.ts';
import { migrationsTableOf, runMigrations } from './migrate.ts';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';

/**
 * Two fake agencies, `alpha` and `beta`, migrate into ONE database. Their fixtures (see
 * `__fixtures__/README.md`) are chosen so that beta's first migration is older than alpha's
 * latest: the case where drizzle's shared default table silently skips beta's migration.
 */
const FIXTURES = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const ALPHA = path.join(FIXTURES, 'alpha');
const BETA = path.join(FIXTURES, 'beta');

const ALPHA_0000 = 1735700000000;
const BETA_0000 = 1735600000000;
const BETA_0001 = 1735800000000;
const ALPHA_0001 = 1735900000000;

type AnyDatabase = Database<Record<string, unknown>>;

const databases: TestDatabase[] = [];
const connections: AnyDatabase[] = [];
const tempDirs: string[] = [];

afterAll(async () => {
  for (const c of connections) await c.close();
  for (const d of databases) await d.drop();
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

async function sharedDatabase(label: string): Promise<string> {
  const t = await createTestDatabase(label);
  databases.push(t);
  return t.url;
}

function open(url: string, agency: string, maxConnections?: number): AnyDatabase {
  const database = connect<Record<string, unknown>>(url, {
    agency,
    schema: {},
    ...(maxConnections === undefined ? {} : { maxConnections }),
  });
  connections.push(database);
  return database;
}

async function tempCopyOf(folder: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'nomad-migrations-'));
  tempDirs.push(dir);
  const copy = path.join(dir, path.basename(folder));
  await cp(folder, copy, { recursive: true });
  return copy;
}

interface AppliedMigration {
  id: number;
  hash: string;
  createdAt: number;
}

/** The rows of the agency's own migrations table, in the order they were applied. */
async function applied(database: AnyDatabase, agency: string): Promise<AppliedMigration[]> {
  const { schema, table } = migrationsTableOf(agency);
  const rows = await database.client<{ id: number; hash: string; created_at: string }[]>`
    select id, hash, created_at from ${database.client(schema)}.${database.client(table)} order by id`;
  return rows.map((r) => ({ id: r.id, hash: r.hash, createdAt: Number(r.created_at) }));
}

async function tableExists(database: AnyDatabase, qualified: string): Promise<boolean> {
  const [row] = await database.client<{ exists: boolean }[]>`select to_regclass(${qualified}) is not null as exists`;
  return row?.exists ?? false;
}

async function rowCount(database: AnyDatabase, schema: string, table: string): Promise<number> {
  const [row] = await database.client<{ n: number }[]>`
    select count(*)::int as n from ${database.client(schema)}.${database.client(table)}`;
  return row?.n ?? -1;
}

/** Everything both fixture folders create, seeded exactly once. */
async function expectFullyMigratedOnce(database: AnyDatabase): Promise<void> {
  expect((await applied(database, 'alpha')).map((m) => m.createdAt)).toEqual([ALPHA_0000]);
  expect((await applied(database, 'beta')).map((m) => m.createdAt)).toEqual([BETA_0000, BETA_0001]);
  expect(await rowCount(database, 'alpha', 'items')).toBe(1);
  expect(await rowCount(database, 'beta', 'things')).toBe(1);
  expect(await rowCount(database, 'beta', 'notes')).toBe(1);
}

describe('migrationsTableOf', () => {
  it('gives every agency its own table, never drizzle’s shared default', () => {
    const alpha = migrationsTableOf('alpha');
    const beta = migrationsTableOf('beta');
    expect(alpha).not.toEqual(beta);
    expect(alpha.table).not.toBe('__drizzle_migrations');
    expect(beta.table).not.toBe('__drizzle_migrations');
  });
});

describe('runMigrations: two agencies on one database', () => {
  it('drizzle’s shared default table silently skips the older migration of the second agency (the bug we avoid)', async () => {
    // Control experiment: without per-agency tables, beta's 0000 (older than alpha's 0000) is skipped.
    const url = await sharedDatabase('migrate_default_table');
    const database = open(url, 'control');
    const betaInitOnly = await tempCopyOf(BETA);
    const journalPath = path.join(betaInitOnly, 'meta', '_journal.json');
    const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((e) => e.tag === '0000_beta_init');
    await writeFile(journalPath, JSON.stringify(journal));

    await migrate(database.db, { migrationsFolder: ALPHA });
    await migrate(database.db, { migrationsFolder: betaInitOnly });

    expect(await tableExists(database, 'alpha.items')).toBe(true);
    expect(await tableExists(database, 'beta.things')).toBe(false);
  });

  it('migrates both agencies, each recording its migrations in its own table, even when beta’s migration is older than alpha’s latest', async () => {
    const url = await sharedDatabase('migrate_shared');
    const alpha = open(url, 'alpha');
    const beta = open(url, 'beta');

    await runMigrations(alpha, { agency: 'alpha', migrationsFolder: ALPHA });
    expect((await applied(alpha, 'alpha')).map((m) => m.createdAt)).toEqual([ALPHA_0000]);
    expect(BETA_0000).toBeLessThan(ALPHA_0000);

    await runMigrations(beta, { agency: 'beta', migrationsFolder: BETA });

    await expectFullyMigratedOnce(beta);
    // Each table holds only its own agency's migrations.
    const alphaHashes = (await applied(alpha, 'alpha')).map((m) => m.hash);
    const betaHashes = (await applied(beta, 'beta')).map((m) => m.hash);
    expect(alphaHashes.filter((h) => betaHashes.includes(h))).toEqual([]);
    expect(await tableExists(alpha, 'drizzle.__drizzle_migrations')).toBe(false);
  });

  it('applies everything exactly once when agencies (and replicas of one agency) start at the same time', async () => {
    const url = await sharedDatabase('migrate_concurrent');
    // Two services and a second replica of each, every one with its own connection pool.
    const runs = [
      ['alpha', ALPHA],
      ['beta', BETA],
      ['alpha', ALPHA],
      ['beta', BETA],
    ] as const;
    await Promise.all(
      runs.map(([agency, migrationsFolder]) => runMigrations(open(url, agency), { agency, migrationsFolder })),
    );

    const check = open(url, 'check');
    await expectFullyMigratedOnce(check);
  });

  it('is a no-op when run again', async () => {
    const url = await sharedDatabase('migrate_again');
    const alpha = open(url, 'alpha');
    const beta = open(url, 'beta');
    await runMigrations(alpha, { agency: 'alpha', migrationsFolder: ALPHA });
    await runMigrations(beta, { agency: 'beta', migrationsFolder: BETA });
    const before = { alpha: await applied(alpha, 'alpha'), beta: await applied(beta, 'beta') };

    // Every fixture migration creates objects without IF NOT EXISTS: re-applying one would throw.
    await runMigrations(alpha, { agency: 'alpha', migrationsFolder: ALPHA });
    await runMigrations(beta, { agency: 'beta', migrationsFolder: BETA });

    expect({ alpha: await applied(alpha, 'alpha'), beta: await applied(beta, 'beta') }).toEqual(before);
    await expectFullyMigratedOnce(alpha);
  });

  it('applies a migration added later on the next run', async () => {
    const url = await sharedDatabase('migrate_later');
    const alpha = open(url, 'alpha');
    const beta = open(url, 'beta');
    const alphaFolder = await tempCopyOf(ALPHA);
    await runMigrations(alpha, { agency: 'alpha', migrationsFolder: alphaFolder });
    await runMigrations(beta, { agency: 'beta', migrationsFolder: BETA });
    expect(await tableExists(alpha, 'alpha.tags')).toBe(false);

    // What drizzle-kit generate would add for a new alpha table.
    const journalPath = path.join(alphaFolder, 'meta', '_journal.json');
    const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: unknown[] };
    journal.entries.push({ idx: 1, version: '7', when: ALPHA_0001, tag: '0001_alpha_tags', breakpoints: true });
    await writeFile(journalPath, JSON.stringify(journal, null, 2));
    await writeFile(
      path.join(alphaFolder, '0001_alpha_tags.sql'),
      [
        'CREATE TABLE "alpha"."tags" ("id" serial PRIMARY KEY NOT NULL, "item_id" integer NOT NULL REFERENCES "alpha"."items"("id"), "tag" text NOT NULL);',
        `INSERT INTO "alpha"."tags" ("item_id", "tag") SELECT "id", 'seeded by 0001_alpha_tags' FROM "alpha"."items";`,
      ].join('\n--> statement-breakpoint\n'),
    );

    await runMigrations(alpha, { agency: 'alpha', migrationsFolder: alphaFolder });

    expect((await applied(alpha, 'alpha')).map((m) => m.createdAt)).toEqual([ALPHA_0000, ALPHA_0001]);
    expect(await rowCount(alpha, 'alpha', 'tags')).toBe(1);
    expect(await rowCount(alpha, 'alpha', 'items')).toBe(1);
    // Beta is untouched by alpha's new migration.
    expect((await applied(beta, 'beta')).map((m) => m.createdAt)).toEqual([BETA_0000, BETA_0001]);
  });

  it('refuses a pool of one connection with a clear error instead of waiting forever for the lock holder', async () => {
    const url = await sharedDatabase('migrate_pool_of_one');
    const alpha = open(url, 'alpha', 1);
    await expect(runMigrations(alpha, { agency: 'alpha', migrationsFolder: ALPHA })).rejects.toThrow(
      /at least 2 connections/,
    );
    expect(await tableExists(alpha, 'alpha.items')).toBe(false);
  });
});
