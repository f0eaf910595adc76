import { randomUUID } from 'node:crypto';
import { count, eq, ne } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type Principal } from '@nomad/kit';
import type { App } from '../../app.ts';
import { fixedClock } from '../../clock.ts';
import type { Context } from '../../context.ts';
import { schema, type MigrationSchema } from '../../db/index.ts';
import { seedMigration } from '../../seed/seed.ts';
import { openServiceTestDatabase, serviceContext, type ServiceTestDatabase } from '../../testing.ts';
import { embeddedZhaak } from '../../zhaak.ts';
import { listExpiringStatuses, readRecommendations, readStatusPeriods } from './service.ts';

const TODAY = '2026-11-24';
const logger = pino({ level: 'silent' });
let opened: ServiceTestDatabase | undefined;
let database: Database<MigrationSchema>;
let app: App;

beforeAll(async () => {
  opened = await openServiceTestDatabase('status_service');
  database = opened.database;
  await seedMigration(database.db, logger, { today: TODAY, nomads: 120 });
  app = { clock: fixedClock(`${TODAY}T06:00:00Z`), zhaak: embeddedZhaak(database.db) };
});
afterAll(async () => {
  await opened?.close();
});

function ctxFor(roles: Principal['roles'], nomadId: string | null = null): Context {
  const principal: Principal = { sub: `test:${roles.join('+')}`, name: 'test', roles, nomadId };
  return serviceContext(database, principal, { logger });
}

/** The GraphQL error code a call was refused with, or `null` when it was not. */
async function refusal(call: () => Promise<unknown>): Promise<{ code: unknown; field: unknown } | null> {
  try {
    await call();
    return null;
  } catch (err) {
    const extensions = (err as { extensions?: Record<string, unknown> }).extensions ?? {};
    return { code: extensions.code, field: extensions.field };
  }
}

async function accessRecordsOf(nomadId: string): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(schema.accessRecords).where(eq(schema.accessRecords.subjectId, nomadId));
  return row?.n ?? 0;
}

describe('the expiring-status queue', () => {
  it('is for migration officers only', async () => {
    expect(await refusal(() => listExpiringStatuses(ctxFor(['analyst']), app, { withinDays: 30 }))).toEqual({ code: 'FORBIDDEN', field: undefined });
  });

  it('refuses a window outside 0–366 days, naming `withinDays`', async () => {
    for (const withinDays of [-1, 367, 1.5]) {
      expect(await refusal(() => listExpiringStatuses(ctxFor(['migration_officer']), app, { withinDays }))).toEqual({ code: 'BAD_USER_INPUT', field: 'withinDays' });
    }
  });

  it('pages through every status ending in the window, soonest first, without repeats', async () => {
    const ctx = ctxFor(['migration_officer']);
    const all = await listExpiringStatuses(ctx, app, { withinDays: 366, first: 100 });
    expect(all.edges.length).toBeGreaterThan(2);
    const seen: string[] = [];
    let after: string | null = null;
    // Two per page: never more pages than that needs (a cursor that is ignored would loop).
    for (let pages = 1; pages <= Math.ceil(all.edges.length / 2); pages++) {
      const page = await listExpiringStatuses(ctxFor(['migration_officer']), app, { withinDays: 366, first: 2, after });
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.edges.map((e) => `${e.validUntil}/${(e.node as { id: string }).id}`));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.edges.map((e) => `${e.validUntil}/${(e.node as { id: string }).id}`));
    expect([...seen].sort()).toEqual(seen);
    for (const e of all.edges) expect(e.validUntil >= TODAY).toBe(true);
  });
});

describe('status reads', () => {
  it("refuse a nomad another nomad's periods and record nothing; record the nomad's own read", async () => {
    const [period] = await database.db.select({ nomadId: schema.statusPeriods.nomadId }).from(schema.statusPeriods).limit(1);
    const holder = period?.nomadId;
    if (!holder) throw new Error('the seed granted no status');
    const [stranger] = await database.db.select({ id: schema.nomads.id }).from(schema.nomads).where(ne(schema.nomads.id, holder)).limit(1);
    const other = stranger?.id;
    if (!other) throw new Error('the seed has one nomad only');
    const before = await accessRecordsOf(holder);
    expect(await refusal(() => readStatusPeriods(ctxFor(['nomad'], other), holder, 'Nomad.statusPeriods'))).toEqual({ code: 'FORBIDDEN', field: undefined });
    expect(await accessRecordsOf(holder)).toBe(before);
    const periods = await readStatusPeriods(ctxFor(['nomad'], holder), holder, 'Nomad.statusPeriods');
    expect(periods.length).toBeGreaterThan(0);
    expect(periods.every((p) => p.nomadId === holder)).toBe(true);
    expect(await accessRecordsOf(holder)).toBe(before + 1);
  });

  it('show recommendations to migration officers only', async () => {
    expect(await refusal(() => readRecommendations(ctxFor(['security_officer']), randomUUID()))).toEqual({ code: 'FORBIDDEN', field: undefined });
    expect(await readRecommendations(ctxFor(['migration_officer']), randomUUID())).toEqual([]);
  });
});
