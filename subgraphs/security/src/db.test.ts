import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq, gt, inArray, max, ne } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, RejectedEvent, runMigrations, type Database, type DomainEvent, type Principal } from '@nomad/kit';
import { createTestDatabase, type TestDatabase } from '@nomad/kit/testing';
import { sampleDependants, sampleWorld } from '@nomad/sample';
import type { App } from './app.ts';
import type { Context } from './context.ts';
import { schema, type SecuritySchema } from './db/index.ts';
import { securityEventHandlers } from './handlers.ts';
import { createLoaders } from './loaders.ts';
import { addEvidence, createMeasure, updateMeasure } from './modules/measures/service.ts';
import { loadRules } from './modules/rules/service.ts';
import { getScreeningsByNomadIds } from './modules/screenings/queries.ts';
import { republishDependantConclusions } from './modules/screenings/republish.ts';
import { concludeScreening, rescreenHolder } from './modules/screenings/service.ts';
import { securitySample, seedSecurity } from './seed/seed.ts';

const logger = pino({ level: 'silent' });
let testDb: TestDatabase;
let database: Database<SecuritySchema>;
const app: App = { clock: { now: () => new Date('2026-11-24T06:00:00Z'), today: () => '2026-11-24' } };

beforeAll(async () => {
  testDb = await createTestDatabase('security_unit');
  database = connect(testDb.url, { agency: 'security', schema });
  await runMigrations(database, { agency: 'security', migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)) });
});
afterAll(async () => {
  await database?.close();
  await testDb?.drop();
});

function ctxFor(roles: Principal['roles'], sub = 'gknb:officer'): Context {
  const principal: Principal = { sub, name: sub, roles, nomadId: null };
  return {
    principal,
    purpose: null,
    requestId: randomUUID(),
    idempotencyKey: null,
    db: database.db,
    loaders: createLoaders(database.db, { principal, purpose: null, requestId: 'r', operationName: null }),
    logger,
  };
}

function event<T extends DomainEvent['type']>(type: T, aggregateId: string, payload: DomainEvent<T>['payload']): DomainEvent<T> {
  return { id: randomUUID(), type, aggregateId, payload, occurredAt: new Date().toISOString(), producer: 'migration' };
}

function submitted(applicationId: string, nomadId: string) {
  return event('ApplicationSubmitted', applicationId, {
    applicationId,
    applicationNumber: '10009999',
    nomadId,
    citizenship: 'KAZ',
    activityCode: 'SOFTWARE_DEVELOPMENT',
    submittedAt: '2026-11-24T05:00:00.000Z',
  });
}

/** Migration announces a holder to GKNB (a grant; pilot holders are announced so too). */
function grant(nomadId: string) {
  return database.db.transaction((tx) =>
    securityEventHandlers.StatusGranted(tx, event('StatusGranted', nomadId, { nomadId, pin: '21204199000001', periodKind: 'PILOT_2022_2024', validFrom: '2025-01-15', validUntil: '2026-11-01' })),
  );
}

/** Migration announces a family member to GKNB. */
function addDependant(dependantId: string, principalId: string, adult: boolean, db = database.db) {
  return db.transaction((tx) =>
    securityEventHandlers.DependantAdded(tx, event('DependantAdded', dependantId, { dependantId, principalId, relation: adult ? 'SPOUSE' : 'CHILD', citizenship: 'KAZ', adult, addedAt: '2026-11-24T06:00:00.000Z' })),
  );
}

describe('rules', () => {
  it('the decree takes effect on 15 May 2025 by default', async () => {
    expect(await loadRules(database.db)).toEqual({ decree_effective_on: '2025-05-15', measures_due_months: 2, expiry_exit_days: 15, exit_days_after_revocation: 15 });
  });

  it("the exit days after a revocation are migration's, the decree's 15 until its first announcement (no copy in GKNB's own table)", async () => {
    expect(await database.db.select().from(schema.rules).where(eq(schema.rules.key, 'exit_days_after_revocation'))).toEqual([]);
    expect(await database.db.select({ value: schema.announcedRules.value, producer: schema.announcedRules.producer, eventId: schema.announcedRules.eventId }).from(schema.announcedRules)).toEqual([
      { value: 15, producer: 'migration', eventId: null },
    ]);
  });
});

describe('event handlers', () => {
  it('ApplicationSubmitted opens one screening per application, however often it arrives', async () => {
    const applicationId = randomUUID();
    const nomadId = randomUUID();
    await database.db.transaction((tx) => securityEventHandlers.ApplicationSubmitted(tx, submitted(applicationId, nomadId)));
    // A resubmission (or a redelivery under a new id) opens nothing new.
    await database.db.transaction((tx) => securityEventHandlers.ApplicationSubmitted(tx, submitted(applicationId, nomadId)));
    const rows = await database.db.select().from(schema.screenings).where(eq(schema.screenings.applicationId, applicationId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'APPLICATION', outcome: 'PENDING', nomadId, citizenship: 'KAZ', version: 1 });
  });

  it('StatusRevoked and StatusExpired open exit watches', async () => {
    const nomadId = randomUUID();
    await grant(nomadId);
    // In the order they happened: an expiry, then (re-granted) a revocation.
    await database.db.transaction(async (tx) => {
      await securityEventHandlers.StatusExpired(tx, event('StatusExpired', nomadId, { nomadId, pin: '21204199000001', expiredOn: '2026-11-01' }));
      await securityEventHandlers.StatusRevoked(tx, event('StatusRevoked', nomadId, { nomadId, pin: '21204199000001', ground: 'RULES_BREACH', revokedAt: '2026-11-20T09:00:00.000Z', exitDeadline: '2026-12-05' }));
    });
    const rows = await database.db.select().from(schema.exitWatches).where(eq(schema.exitWatches.nomadId, nomadId)).orderBy(schema.exitWatches.cause);
    expect(rows.map((r) => [r.cause, r.endedOn, r.exitDeadlineOn])).toEqual([
      ['REVOKED', '2026-11-20', '2026-12-05'],
      ['EXPIRED', '2026-11-01', '2026-11-16'],
    ]);
  });

  it('the same status end reported again (a new event of the same fact) opens no second watch', async () => {
    const nomadId = randomUUID();
    await grant(nomadId);
    const revoked = { nomadId, pin: '21204199000001', ground: 'RULES_BREACH', revokedAt: '2026-11-20T09:00:00.000Z', exitDeadline: '2026-12-05' };
    const expired = { nomadId, pin: '21204199000001', expiredOn: '2026-11-01' };
    expect(await database.db.transaction((tx) => securityEventHandlers.StatusExpired(tx, event('StatusExpired', nomadId, expired)))).toBeUndefined();
    expect(await database.db.transaction((tx) => securityEventHandlers.StatusExpired(tx, event('StatusExpired', nomadId, expired)))).toEqual({ ignored: expect.stringContaining('already watches') as unknown });
    expect(await database.db.transaction((tx) => securityEventHandlers.StatusRevoked(tx, event('StatusRevoked', nomadId, revoked)))).toBeUndefined();
    expect(await database.db.transaction((tx) => securityEventHandlers.StatusRevoked(tx, event('StatusRevoked', nomadId, revoked)))).toEqual({ ignored: expect.stringContaining('already watches') as unknown });
    expect(await database.db.select().from(schema.exitWatches).where(eq(schema.exitWatches.nomadId, nomadId))).toHaveLength(2);
  });

  it('a status end older than the one already watched (delivered late) opens no watch', async () => {
    const nomadId = randomUUID();
    await grant(nomadId);
    const revoked = { nomadId, pin: '21204199000001', ground: 'RULES_BREACH', revokedAt: '2026-11-20T09:00:00.000Z', exitDeadline: '2026-12-05' };
    expect(await database.db.transaction((tx) => securityEventHandlers.StatusRevoked(tx, event('StatusRevoked', nomadId, revoked)))).toBeUndefined();
    const lateExpiry = await database.db.transaction((tx) => securityEventHandlers.StatusExpired(tx, event('StatusExpired', nomadId, { nomadId, pin: '21204199000001', expiredOn: '2026-11-01' })));
    expect(lateExpiry).toEqual({ ignored: expect.stringMatching(/^the status end of 2026-11-01 is older than the one exit watch .* watches \(2026-11-20\)$/) as unknown });
    const lateRevocation = await database.db.transaction((tx) =>
      securityEventHandlers.StatusRevoked(tx, event('StatusRevoked', nomadId, { ...revoked, revokedAt: '2026-10-01T09:00:00.000Z', exitDeadline: '2026-10-16' })),
    );
    expect(lateRevocation).toEqual({ ignored: expect.stringContaining('is older than the one exit watch') as unknown });
    expect((await database.db.select().from(schema.exitWatches).where(eq(schema.exitWatches.nomadId, nomadId))).map((w) => w.endedOn)).toEqual(['2026-11-20']);
  });

  it("refuses for good a revocation whose exit deadline is not the decree's 15 days, and opens no watch", async () => {
    const nomadId = randomUUID();
    await grant(nomadId);
    for (const exitDeadline of ['2026-12-04', '2026-12-06', '2027-11-20']) {
      const err = await database.db
        .transaction((tx) => securityEventHandlers.StatusRevoked(tx, event('StatusRevoked', nomadId, { nomadId, pin: '21204199000001', ground: 'RULES_BREACH', revokedAt: '2026-11-20T09:00:00.000Z', exitDeadline })))
        .then(() => null, (e: unknown) => e);
      expect(err, exitDeadline).toBeInstanceOf(RejectedEvent);
      expect(err, exitDeadline).toMatchObject({ code: 'EVENT_FACT_CONFLICT', message: `the revocation of nomad ${nomadId} on 2026-11-20 gives the exit deadline ${exitDeadline}, not 2026-12-05 (15 days)` });
    }
    expect(await database.db.select().from(schema.exitWatches).where(eq(schema.exitWatches.nomadId, nomadId))).toEqual([]);
  });

  it('DependantAdded screens an adult family member once, filed under the principal, and no child; the principal\'s clearance ignores it', async () => {
    const principalId = randomUUID();
    const spouse = randomUUID();
    const child = randomUUID();
    const added = (dependantId: string, adult: boolean) =>
      event('DependantAdded', dependantId, { dependantId, principalId, relation: adult ? 'SPOUSE' : 'CHILD', citizenship: 'KAZ', adult, addedAt: '2026-11-24T06:00:00.000Z' });
    expect(await database.db.transaction((tx) => securityEventHandlers.DependantAdded(tx, added(spouse, true)))).toBeUndefined();
    expect(await database.db.transaction((tx) => securityEventHandlers.DependantAdded(tx, added(spouse, true)))).toEqual({ ignored: expect.stringContaining('already has a screening') as unknown });
    expect(await database.db.transaction((tx) => securityEventHandlers.DependantAdded(tx, added(child, false)))).toEqual({ ignored: expect.stringContaining('child') as unknown });
    const rows = await database.db.select().from(schema.screenings).where(eq(schema.screenings.nomadId, principalId));
    expect(rows.map((r) => [r.kind, r.dependantId, r.outcome])).toEqual([['DEPENDANT', spouse, 'PENDING']]);
    expect(await getScreeningsByNomadIds(database.db, { nomadIds: [principalId] })).toEqual([]);
  });

  it("DependantStatusEnded watches the family member's exit under the principal: the principal's deadline, or the expiry rule", async () => {
    const principalId = randomUUID();
    const [revoked, expired] = [randomUUID(), randomUUID()];
    await grant(principalId);
    // A child (not screened) is known by DependantAdded too.
    await addDependant(revoked, principalId, true);
    await addDependant(expired, principalId, false);
    const principalRevoked = { nomadId: principalId, pin: '21204199000001', ground: 'RULES_BREACH', revokedAt: '2026-11-20T09:00:00.000Z', exitDeadline: '2026-12-05' };
    // The family members' ends delivered first: the principal's own revocation of the same day still opens the principal's watch.
    await database.db.transaction(async (tx) => {
      await securityEventHandlers.DependantStatusEnded(tx, event('DependantStatusEnded', revoked, { dependantId: revoked, principalId, pin: '11001201000001', cause: 'REVOKED', endedOn: '2026-11-20', exitDeadline: '2026-12-05' }));
      await securityEventHandlers.DependantStatusEnded(tx, event('DependantStatusEnded', expired, { dependantId: expired, principalId, pin: '11001201000002', cause: 'EXPIRED', endedOn: '2026-11-01', exitDeadline: null }));
      await securityEventHandlers.StatusRevoked(tx, event('StatusRevoked', principalId, principalRevoked));
    });
    // The watch's nomad is the principal (the Nomad migration resolves); the family member is its dependant.
    const rows = await database.db.select().from(schema.exitWatches).where(eq(schema.exitWatches.nomadId, principalId)).orderBy(schema.exitWatches.cause, schema.exitWatches.pin);
    expect(rows.map((r) => [r.nomadId, r.dependantId, r.pin, r.cause, r.ground, r.endedOn, r.exitDeadlineOn])).toEqual([
      [principalId, revoked, '11001201000001', 'REVOKED', 'PRINCIPAL_REVOKED', '2026-11-20', '2026-12-05'],
      [principalId, null, '21204199000001', 'REVOKED', 'RULES_BREACH', '2026-11-20', '2026-12-05'],
      [principalId, expired, '11001201000002', 'EXPIRED', null, '2026-11-01', '2026-11-16'],
    ]);
    expect(await database.db.select().from(schema.exitWatches).where(inArray(schema.exitWatches.nomadId, [revoked, expired]))).toEqual([]);
    // The principal's revocation reported again is the principal's own watch, not the family member's.
    expect(await database.db.transaction((tx) => securityEventHandlers.StatusRevoked(tx, event('StatusRevoked', principalId, principalRevoked)))).toEqual({ ignored: expect.stringContaining('already watches this revocation') as unknown });
  });

  it("a dependant's status end: the same end again or an older one opens nothing; a deadline not the decree's 15 days is refused for good", async () => {
    const principalId = randomUUID();
    const dependantId = randomUUID();
    await grant(principalId);
    await addDependant(dependantId, principalId, false);
    const end = { dependantId, principalId, pin: '11001201000003', cause: 'ENDED' as const, endedOn: '2026-11-20', exitDeadline: '2026-12-05' };
    const handle = (payload: typeof end | DomainEvent<'DependantStatusEnded'>['payload']) =>
      database.db.transaction((tx) => securityEventHandlers.DependantStatusEnded(tx, event('DependantStatusEnded', dependantId, payload))).then((r) => r, (e: unknown) => e);
    const watches = () => database.db.select().from(schema.exitWatches).where(eq(schema.exitWatches.dependantId, dependantId));
    for (const exitDeadline of ['2026-12-04', '2026-12-06', null]) {
      const err = await handle({ ...end, exitDeadline });
      expect(err, String(exitDeadline)).toBeInstanceOf(RejectedEvent);
      expect(err, String(exitDeadline)).toMatchObject({ code: 'EVENT_FACT_CONFLICT', message: `the end of the status of dependant ${dependantId} on 2026-11-20 gives the exit deadline ${exitDeadline ?? 'none'}, not 2026-12-05 (15 days)` });
    }
    expect(await watches()).toEqual([]);
    expect(await handle(end)).toBeUndefined();
    expect(await handle(end)).toEqual({ ignored: expect.stringContaining("already watches this dependant's status end") as unknown });
    expect(await handle({ ...end, cause: 'EXPIRED', endedOn: '2026-11-01', exitDeadline: null })).toEqual({
      ignored: expect.stringMatching(/^the status end of 2026-11-01 is older than the one exit watch .* watches \(2026-11-20\)$/) as unknown,
    });
    expect((await watches()).map((w) => [w.nomadId, w.cause, w.ground, w.endedOn, w.exitDeadlineOn])).toEqual([[principalId, 'REVOKED', 'DEPENDANT_STATUS_ENDED', '2026-11-20', '2026-12-05']]);
  });

  it("a family member's end by the principal's expiry: a deadline other than GKNB's own (expiry_exit_days) is refused for good; none or its own opens the watch", async () => {
    const principalId = randomUUID();
    const [first, second] = [randomUUID(), randomUUID()];
    await grant(principalId);
    await addDependant(first, principalId, false);
    await addDependant(second, principalId, false);
    const end = (dependantId: string, exitDeadline: string | null) =>
      database.db
        .transaction((tx) => securityEventHandlers.DependantStatusEnded(tx, event('DependantStatusEnded', dependantId, { dependantId, principalId, pin: '11001201000004', cause: 'EXPIRED', endedOn: '2026-11-01', exitDeadline })))
        .then((r) => r, (e: unknown) => e);
    for (const exitDeadline of ['2026-11-15', '2026-11-17', '2026-12-01']) {
      const err = await end(first, exitDeadline);
      expect(err, exitDeadline).toBeInstanceOf(RejectedEvent);
      expect(err, exitDeadline).toMatchObject({ code: 'EVENT_FACT_CONFLICT', message: `the end of the status of dependant ${first} on 2026-11-01 gives the exit deadline ${exitDeadline}, not 2026-11-16 (15 days after an expiry)` });
    }
    expect(await database.db.select().from(schema.exitWatches).where(eq(schema.exitWatches.nomadId, principalId))).toEqual([]);
    expect(await end(first, null)).toBeUndefined();
    expect(await end(second, '2026-11-16')).toBeUndefined();
    const rows = await database.db.select().from(schema.exitWatches).where(eq(schema.exitWatches.nomadId, principalId));
    expect(rows.map((r) => [r.dependantId, r.exitDeadlineOn]).sort()).toEqual([[first, '2026-11-16'], [second, '2026-11-16']].sort());
  });

  it("a known family member's end whose principal GKNB has not heard of yet fails, to be delivered again (not refused for good); once the grant arrives it opens the watch", async () => {
    const principalId = randomUUID();
    const dependantId = randomUUID();
    // The family member is known (DependantAdded), the principal's grant still on its way.
    await addDependant(dependantId, principalId, false);
    const cases = [['EXPIRED', '2026-11-01', null], ['REVOKED', '2026-11-20', '2026-12-05'], ['ENDED', '2026-11-20', '2026-12-05']] as const;
    const end = (cause: (typeof cases)[number][0], endedOn: string, exitDeadline: string | null) =>
      database.db
        .transaction((tx) => securityEventHandlers.DependantStatusEnded(tx, event('DependantStatusEnded', dependantId, { dependantId, principalId, pin: '11001201000005', cause, endedOn, exitDeadline })))
        .then((r) => r, (e: unknown) => e);
    for (const [cause, endedOn, exitDeadline] of cases) {
      const err = await end(cause, endedOn, exitDeadline);
      expect(err, cause).toBeInstanceOf(Error);
      expect(err, cause).not.toBeInstanceOf(RejectedEvent);
      expect((err as Error).message, cause).toContain(`GKNB has not yet heard of their principal ${principalId}`);
    }
    expect(await database.db.select().from(schema.exitWatches).where(eq(schema.exitWatches.dependantId, dependantId))).toEqual([]);
    expect(await database.db.select().from(schema.accessRecords).where(eq(schema.accessRecords.subjectId, principalId))).toEqual([]);
    // The grant arrives; the end delivered again opens the watch under the principal.
    await grant(principalId);
    expect(await end('REVOKED', '2026-11-20', '2026-12-05')).toBeUndefined();
    const rows = await database.db.select().from(schema.exitWatches).where(eq(schema.exitWatches.dependantId, dependantId));
    expect(rows.map((r) => [r.nomadId, r.cause, r.exitDeadlineOn])).toEqual([[principalId, 'REVOKED', '2026-12-05']]);
  });

  describe('a status end of someone GKNB never heard of', () => {
    const revocation = (nomadId: string) => event('StatusRevoked', nomadId, { nomadId, pin: '21204199000001', ground: 'RULES_BREACH', revokedAt: '2026-11-20T09:00:00.000Z', exitDeadline: '2026-12-05' });
    const expiry = (nomadId: string) => event('StatusExpired', nomadId, { nomadId, pin: '21204199000001', expiredOn: '2026-11-01' });
    const dependantEnd = (dependantId: string) =>
      event('DependantStatusEnded', dependantId, { dependantId, principalId: randomUUID(), pin: '11001201000001', cause: 'REVOKED', endedOn: '2026-11-20', exitDeadline: '2026-12-05' });
    const refusal = (run: () => Promise<unknown>) => run().then(() => null, (e: unknown) => e);
    const watchesOf = (id: string) => database.db.select().from(schema.exitWatches).where(eq(schema.exitWatches.nomadId, id));
    const accessOf = (id: string) => database.db.select().from(schema.accessRecords).where(eq(schema.accessRecords.subjectId, id));

    it('is refused for good (EVENT_SUBJECT_UNKNOWN) and writes nothing: a revocation, an expiry, a dependant\'s end', async () => {
      const nomadId = randomUUID();
      const dependantId = randomUUID();
      const revoked = await refusal(() => database.db.transaction((tx) => securityEventHandlers.StatusRevoked(tx, revocation(nomadId))));
      expect(revoked).toBeInstanceOf(RejectedEvent);
      expect(revoked).toMatchObject({ code: 'EVENT_SUBJECT_UNKNOWN', message: `the status of nomad ${nomadId} was revoked, but GKNB never screened them and no grant announced them` });
      const expired = await refusal(() => database.db.transaction((tx) => securityEventHandlers.StatusExpired(tx, expiry(nomadId))));
      expect(expired).toMatchObject({ code: 'EVENT_SUBJECT_UNKNOWN', message: `the status of nomad ${nomadId} expired, but GKNB never screened them and no grant announced them` });
      const ended = await refusal(() => database.db.transaction((tx) => securityEventHandlers.DependantStatusEnded(tx, dependantEnd(dependantId))));
      expect(ended).toBeInstanceOf(RejectedEvent);
      expect(ended).toMatchObject({ code: 'EVENT_SUBJECT_UNKNOWN', message: `the status of dependant ${dependantId} ended, but no DependantAdded announced them to GKNB` });
      for (const id of [nomadId, dependantId]) {
        expect(await watchesOf(id), id).toEqual([]);
        expect(await accessOf(id), id).toEqual([]);
        expect(await database.db.select().from(schema.knownSubjects).where(eq(schema.knownSubjects.subjectId, id)), id).toEqual([]);
      }
    });

    it('a nomad GKNB screened (an application was submitted) is known: the revocation opens a watch', async () => {
      const nomadId = randomUUID();
      await database.db.transaction((tx) => securityEventHandlers.ApplicationSubmitted(tx, submitted(randomUUID(), nomadId)));
      expect(await database.db.transaction((tx) => securityEventHandlers.StatusRevoked(tx, revocation(nomadId)))).toBeUndefined();
      expect((await watchesOf(nomadId)).map((w) => [w.cause, w.exitDeadlineOn])).toEqual([['REVOKED', '2026-12-05']]);
    });

    it('a holder announced by a grant (a pilot holder, never screened) is known: the expiry opens a watch; a repeated grant changes nothing', async () => {
      const nomadId = randomUUID();
      await grant(nomadId);
      await grant(nomadId);
      expect(await database.db.select({ kind: schema.knownSubjects.kind, source: schema.knownSubjects.source }).from(schema.knownSubjects).where(eq(schema.knownSubjects.subjectId, nomadId))).toEqual([{ kind: 'HOLDER', source: 'StatusGranted' }]);
      expect(await database.db.transaction((tx) => securityEventHandlers.StatusExpired(tx, expiry(nomadId)))).toBeUndefined();
      expect((await watchesOf(nomadId)).map((w) => [w.cause, w.exitDeadlineOn])).toEqual([['EXPIRED', '2026-11-16']]);
    });

    it('a family member is not a holder, nor a holder a family member', async () => {
      const [holder, dependant] = [randomUUID(), randomUUID()];
      await grant(holder);
      await addDependant(dependant, holder, false);
      expect(await refusal(() => database.db.transaction((tx) => securityEventHandlers.DependantStatusEnded(tx, dependantEnd(holder))))).toMatchObject({ code: 'EVENT_SUBJECT_UNKNOWN' });
      expect(await refusal(() => database.db.transaction((tx) => securityEventHandlers.StatusRevoked(tx, revocation(dependant))))).toMatchObject({ code: 'EVENT_SUBJECT_UNKNOWN' });
      expect(await watchesOf(holder)).toEqual([]);
      expect(await watchesOf(dependant)).toEqual([]);
    });
  });
});

describe("migration's exit days after a revocation, by RulesChanged", () => {
  const announce = (exitDaysAfterRevocation: number | undefined, occurredAt: string) =>
    database.db.transaction((tx) =>
      securityEventHandlers.RulesChanged(tx, {
        ...event('RulesChanged', 'migration-rules', { eligibleActivities: [{ code: 'SOFTWARE_DEVELOPMENT', title: 'Software development' }], exitDaysAfterRevocation, changedAt: occurredAt }),
        occurredAt,
      }),
    );
  const revoke = (nomadId: string, exitDeadline: string) =>
    database.db
      .transaction((tx) => securityEventHandlers.StatusRevoked(tx, event('StatusRevoked', nomadId, { nomadId, pin: '21204199000001', ground: 'RULES_BREACH', revokedAt: '2026-11-20T09:00:00.000Z', exitDeadline })))
      .then((r) => r, (e: unknown) => e);

  it('a revocation follows the announced exit days: the new deadline is accepted after the announcement, the old one refused for good; an older announcement changes nothing', async () => {
    const [before, after, wrong] = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of [before, after, wrong]) await grant(id);
    // Before the announcement: the decree's 15 days; 30 days is refused.
    expect(await revoke(before, '2026-12-20')).toMatchObject({ code: 'EVENT_FACT_CONFLICT', message: expect.stringContaining('not 2026-12-05 (15 days)') as unknown });
    try {
      expect(await announce(30, '2026-11-24T06:00:00.000Z')).toBeUndefined();
      expect((await loadRules(database.db)).exit_days_after_revocation).toBe(30);
      expect(await revoke(after, '2026-12-20')).toBeUndefined();
      const err = await revoke(wrong, '2026-12-05');
      expect(err).toBeInstanceOf(RejectedEvent);
      expect(err).toMatchObject({ code: 'EVENT_FACT_CONFLICT', message: `the revocation of nomad ${wrong} on 2026-11-20 gives the exit deadline 2026-12-05, not 2026-12-20 (30 days)` });
      // An older announcement arriving late, or one without the exit days, changes nothing.
      expect(await announce(20, '2026-11-23T06:00:00.000Z')).toEqual({ ignored: 'a later announcement of the rules is already applied (this one is kept in the history)' });
      expect(await announce(undefined, '2026-11-25T06:00:00.000Z')).toEqual({ ignored: 'the announcement carries no exit days after a revocation' });
      expect((await loadRules(database.db)).exit_days_after_revocation).toBe(30);
      const watches = await database.db.select().from(schema.exitWatches).where(inArray(schema.exitWatches.nomadId, [before, after, wrong]));
      expect(watches.map((w) => [w.nomadId, w.exitDeadlineOn])).toEqual([[after, '2026-12-20']]);
    } finally {
      await announce(15, '2026-11-26T06:00:00.000Z');
    }
    expect((await loadRules(database.db)).exit_days_after_revocation).toBe(15);
  });

  it('a revocation that follows an announcement GKNB has not received yet waits for it (fails, to be delivered again); then it is judged by the rule', async () => {
    const [early, wrong] = [randomUUID(), randomUUID()];
    for (const id of [early, wrong]) await grant(id);
    const announcedAt = '2026-11-27T06:00:00.000Z';
    const revokeAfter = (nomadId: string, exitDeadline: string) =>
      database.db
        .transaction((tx) =>
          securityEventHandlers.StatusRevoked(tx, event('StatusRevoked', nomadId, { nomadId, pin: '21204199000001', ground: 'RULES_BREACH', revokedAt: '2026-11-20T09:00:00.000Z', exitDeadline, exitDaysAnnouncedAt: announcedAt })),
        )
        .then((r) => r, (e: unknown) => e);
    try {
      // The revocation arrives before the RulesChanged it follows (30 days): not refused for good, retried.
      const waiting = await revokeAfter(early, '2026-12-20');
      expect(waiting).toBeInstanceOf(Error);
      expect(waiting).not.toBeInstanceOf(RejectedEvent);
      expect((waiting as Error).message).toContain('an announcement GKNB has not received yet');
      expect(await database.db.select().from(schema.exitWatches).where(eq(schema.exitWatches.nomadId, early))).toEqual([]);
      expect(await announce(30, announcedAt)).toBeUndefined();
      expect(await revokeAfter(early, '2026-12-20')).toBeUndefined();
      // Once the announcement is applied, a deadline by another rule is refused for good.
      expect(await revokeAfter(wrong, '2026-12-05')).toMatchObject({ code: 'EVENT_FACT_CONFLICT' });
    } finally {
      await announce(15, '2026-11-28T06:00:00.000Z');
    }
  });

  it('a revocation computed under an announcement the rule has changed since is judged by the value announced then, even if the later announcement arrived first', async () => {
    const [nomadId, wrong, unstamped] = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of [nomadId, wrong, unstamped]) await grant(id);
    const [t1, t2] = ['2026-11-29T06:00:00.000Z', '2026-11-30T06:00:00.000Z'];
    const revokeUnder = (id: string, exitDeadline: string, exitDaysAnnouncedAt?: string) =>
      database.db
        .transaction((tx) =>
          securityEventHandlers.StatusRevoked(
            tx,
            event('StatusRevoked', id, { nomadId: id, pin: '21204199000001', ground: 'RULES_BREACH', revokedAt: '2026-11-20T09:00:00.000Z', exitDeadline, ...(exitDaysAnnouncedAt ? { exitDaysAnnouncedAt } : {}) }),
          ),
        )
        .then((r) => r, (e: unknown) => e);
    try {
      // Rule 15 announced at t1; migration revokes with +15 under t1; the rule changes to 20 at
      // t2, and that RulesChanged reaches GKNB before the revocation (delivered late, retried).
      expect(await announce(15, t1)).toBeUndefined();
      expect(await announce(20, t2)).toBeUndefined();
      expect((await loadRules(database.db)).exit_days_after_revocation).toBe(20);
      expect(await revokeUnder(nomadId, '2026-12-05', t1)).toBeUndefined();
      const watches = await database.db.select().from(schema.exitWatches).where(eq(schema.exitWatches.nomadId, nomadId));
      expect(watches.map((w) => [w.cause, w.exitDeadlineOn])).toEqual([['REVOKED', '2026-12-05']]);
      // A deadline by another rule than the one announced at t1 is still refused for good.
      expect(await revokeUnder(wrong, '2026-12-10', t1)).toMatchObject({ code: 'EVENT_FACT_CONFLICT', message: expect.stringContaining(`not 2026-12-05 (15 days, as announced at ${t1})`) as unknown });
      // A revocation naming no announcement is judged by the latest, as before.
      expect(await revokeUnder(unstamped, '2026-12-05')).toMatchObject({ code: 'EVENT_FACT_CONFLICT', message: expect.stringContaining('not 2026-12-10 (20 days)') as unknown });
    } finally {
      await announce(15, '2026-12-01T06:00:00.000Z');
    }
  });
});

describe('drizzle 0007: exit watches of family members', () => {
  it("files a screened family member's earlier watch under the principal (the screening names them); a child's and the holder's stay as they were", async () => {
    const drizzleFolder = fileURLToPath(new URL('../drizzle', import.meta.url));
    const before = mkdtempSync(join(tmpdir(), 'security-drizzle-'));
    const older = await createTestDatabase('security_0007');
    const db = connect(older.url, { agency: 'security', schema });
    try {
      // The migrations up to 0006, as a database opened before this change had them.
      cpSync(drizzleFolder, before, { recursive: true });
      const journalPath = join(before, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number }[] };
      journal.entries = journal.entries.filter((e) => e.idx < 7);
      expect(journal.entries).toHaveLength(7);
      writeFileSync(journalPath, JSON.stringify(journal));
      rmSync(join(before, '0007_dependant_exit_watches.sql'));
      await runMigrations(db, { agency: 'security', migrationsFolder: before });

      const [principalId, spouse, child] = [randomUUID(), randomUUID(), randomUUID()];
      await addDependant(spouse, principalId, true, db.db);
      await addDependant(child, principalId, false, db.db);
      // Watches as the handlers wrote them before 0007: the family member's id as nomad_id.
      for (const [nomadId, pin] of [[principalId, '21204199000001'], [spouse, '11001201000001'], [child, '11001201000002']] as const) {
        await db.client`insert into security.exit_watches (nomad_id, pin, cause, ground, ended_on, exit_deadline_on) values (${nomadId}, ${pin}, 'REVOKED', 'PRINCIPAL_REVOKED', '2026-11-20', '2026-12-05')`;
      }
      await runMigrations(db, { agency: 'security', migrationsFolder: drizzleFolder });
      const rows = await db.db.select().from(schema.exitWatches).orderBy(schema.exitWatches.pin);
      expect(rows.map((r) => [r.pin, r.nomadId, r.dependantId])).toEqual([
        ['11001201000001', principalId, spouse],
        ['11001201000002', child, null],
        ['21204199000001', principalId, null],
      ]);
    } finally {
      await db.close();
      await older.drop();
      rmSync(before, { recursive: true, force: true });
    }
  });
});

describe('screening transitions', () => {
  it('a conclusion writes the outcome and its event in one transaction; a refusal writes nothing', async () => {
    const applicationId = randomUUID();
    await database.db.transaction((tx) => securityEventHandlers.ApplicationSubmitted(tx, submitted(applicationId, randomUUID())));
    const [s] = await database.db.select().from(schema.screenings).where(eq(schema.screenings.applicationId, applicationId));
    if (!s) throw new Error('no screening');

    const refused = await concludeScreening(ctxFor(['migration_officer']), app, { screeningId: s.id, outcome: 'CLEARED', classification: 'RESTRICTED' });
    expect(refused.userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);

    const ok = await concludeScreening(ctxFor(['security_officer']), app, { screeningId: s.id, expectedVersion: 1, outcome: 'FLAGGED', reasons: ['ENTRY_BAN'], classification: 'CONFIDENTIAL' });
    expect(ok.userErrors).toEqual([]);
    expect(ok.screening).toMatchObject({ outcome: 'FLAGGED', version: 2, officerSub: 'gknb:officer' });
    expect(Date.parse(ok.screening?.concludedAt ?? '')).toBe(Date.parse('2026-11-24T06:00:00.000Z'));
    const events = await database.db.select().from(schema.outbox).where(eq(schema.outbox.aggregateId, applicationId));
    expect(events.map((e) => [e.type, e.payload])).toEqual([['ScreeningConcluded', { applicationId, screeningId: s.id, outcome: 'FLAGGED', concludedAt: '2026-11-24T06:00:00.000Z' }]]);
    const deliveries = await database.db.select().from(schema.outboxDeliveries).where(eq(schema.outboxDeliveries.aggregateId, applicationId));
    expect(deliveries.map((d) => d.subscriber)).toEqual(['migration']);

    const again = await concludeScreening(ctxFor(['security_officer']), app, { screeningId: s.id, outcome: 'CLEARED', classification: 'RESTRICTED' });
    expect(again.userErrors.map((e) => e.code)).toEqual(['INVALID_TRANSITION']);
    expect(await database.db.select().from(schema.outbox).where(eq(schema.outbox.aggregateId, applicationId))).toHaveLength(1);
  });

  it('two officers concluding at once without a version: exactly one wins, the other is refused on the winner\'s state', async () => {
    const applicationId = randomUUID();
    await database.db.transaction((tx) => securityEventHandlers.ApplicationSubmitted(tx, submitted(applicationId, randomUUID())));
    const [s] = await database.db.select().from(schema.screenings).where(eq(schema.screenings.applicationId, applicationId));
    if (!s) throw new Error('no screening');
    const results = await Promise.all([
      concludeScreening(ctxFor(['security_officer'], 'a'), app, { screeningId: s.id, outcome: 'CLEARED', classification: 'RESTRICTED' }),
      concludeScreening(ctxFor(['security_officer'], 'b'), app, { screeningId: s.id, outcome: 'FLAGGED', reasons: ['WATCHLIST_MATCH'], classification: 'SECRET' }),
    ]);
    const codes = results.flatMap((r) => r.userErrors.map((e) => e.code)).sort();
    expect(results.filter((r) => r.screening !== null)).toHaveLength(1);
    expect(codes.length).toBe(1);
    // The loser is run again on a fresh read (no CONFLICT without expectedVersion).
    expect(codes).toEqual(['INVALID_TRANSITION']);
    expect(await database.db.select().from(schema.outbox).where(eq(schema.outbox.aggregateId, applicationId))).toHaveLength(1);
  });

  it("a family member's screening publishes DependantScreeningConcluded to migration: the outcome only, the family member as aggregate", async () => {
    const principalId = randomUUID();
    const results: [string, string][] = [];
    for (const outcome of ['CLEARED', 'FLAGGED'] as const) {
      const dependantId = randomUUID();
      await database.db.transaction((tx) =>
        securityEventHandlers.DependantAdded(tx, event('DependantAdded', dependantId, { dependantId, principalId, relation: 'SPOUSE', citizenship: 'KAZ', adult: true, addedAt: '2026-11-24T05:00:00.000Z' })),
      );
      const [s] = await database.db.select().from(schema.screenings).where(eq(schema.screenings.dependantId, dependantId));
      if (!s) throw new Error('no screening');
      const input = outcome === 'CLEARED' ? { outcome, classification: 'RESTRICTED' as const } : { outcome, reasons: ['WATCHLIST_MATCH' as const], reasonText: 'secret', classification: 'SECRET' as const };
      const done = await concludeScreening(ctxFor(['security_officer']), app, { screeningId: s.id, ...input });
      expect(done.userErrors).toEqual([]);
      const events = await database.db.select().from(schema.outbox).where(eq(schema.outbox.aggregateId, dependantId));
      expect(events.map((e) => [e.type, e.payload])).toEqual([
        ['DependantScreeningConcluded', { dependantId, principalId, screeningId: s.id, outcome, concludedAt: '2026-11-24T06:00:00.000Z' }],
      ]);
      const deliveries = await database.db.select().from(schema.outboxDeliveries).where(eq(schema.outboxDeliveries.aggregateId, dependantId));
      expect(deliveries.map((d) => d.subscriber)).toEqual(['migration']);
      results.push([outcome, events[0]?.type ?? '']);
    }
    expect(results).toEqual([['CLEARED', 'DependantScreeningConcluded'], ['FLAGGED', 'DependantScreeningConcluded']]);
    // No application and no holder to recommend on: nothing else published for the principal.
    expect(await database.db.select().from(schema.outbox).where(eq(schema.outbox.aggregateId, principalId))).toEqual([]);
  });

  it('republishDependantConclusions publishes DependantScreeningConcluded again for every concluded family member screening, batch by batch; a second run publishes them all again', async () => {
    // Three more concluded family members and one still PENDING (not published).
    const principalId = randomUUID();
    for (const outcome of ['CLEARED', 'FLAGGED', 'CLEARED', null] as const) {
      const dependantId = randomUUID();
      await addDependant(dependantId, principalId, true);
      const [s] = await database.db.select().from(schema.screenings).where(eq(schema.screenings.dependantId, dependantId));
      if (!s) throw new Error('no screening');
      if (outcome === null) continue;
      const input = outcome === 'CLEARED' ? { outcome, classification: 'RESTRICTED' as const } : { outcome, reasons: ['WATCHLIST_MATCH' as const], classification: 'SECRET' as const };
      expect((await concludeScreening(ctxFor(['security_officer']), app, { screeningId: s.id, ...input })).userErrors).toEqual([]);
    }
    const concluded = (await database.db.select().from(schema.screenings).where(and(eq(schema.screenings.kind, 'DEPENDANT'), ne(schema.screenings.outcome, 'PENDING')))).map((s) => ({
      dependantId: s.dependantId,
      principalId: s.nomadId,
      screeningId: s.id,
      outcome: s.outcome,
      concludedAt: new Date(s.concludedAt ?? '').toISOString(),
    }));
    expect(concluded.length).toBeGreaterThanOrEqual(3);
    const byScreening = (a: { screeningId: string }, b: { screeningId: string }) => a.screeningId.localeCompare(b.screeningId);
    for (const run of [1, 2]) {
      const [last] = await database.db.select({ seq: max(schema.outbox.seq) }).from(schema.outbox);
      const since = last?.seq ?? 0;
      const batches: number[] = [];
      const published = await republishDependantConclusions(database.db, { batchSize: 2, onBatch: (n) => batches.push(n) });
      expect(published, `run ${run}`).toBe(concluded.length);
      expect(batches.length, `run ${run}`).toBe(Math.ceil(concluded.length / 2));
      const events = await database.db.select().from(schema.outbox).where(gt(schema.outbox.seq, since));
      expect(events.map((e) => e.type).every((t) => t === 'DependantScreeningConcluded'), `run ${run}`).toBe(true);
      expect(events.map((e) => e.payload as { screeningId: string }).sort(byScreening), `run ${run}`).toEqual([...concluded].sort(byScreening));
      expect(events.every((e) => e.aggregateId === (e.payload as { dependantId: string }).dependantId)).toBe(true);
    }
  });

  it('a FLAGGED re-screening publishes SuspensionRecommended with the decree ground only', async () => {
    const nomadId = randomUUID();
    await database.db.transaction((tx) => securityEventHandlers.ApplicationSubmitted(tx, submitted(randomUUID(), nomadId)));
    const opened = await rescreenHolder(ctxFor(['security_officer']), app, { nomadId, note: 'report' });
    expect(opened.userErrors).toEqual([]);
    const dup = await rescreenHolder(ctxFor(['security_officer']), app, { nomadId });
    expect(dup.userErrors.map((e) => e.code)).toEqual(['SCREENING_ALREADY_OPEN']);
    const id = opened.screening?.id ?? '';
    const done = await concludeScreening(ctxFor(['security_officer']), app, { screeningId: id, outcome: 'FLAGGED', reasons: ['IDENTITY_MISMATCH'], reasonText: 'secret', classification: 'SECRET' });
    expect(done.userErrors).toEqual([]);
    const events = await database.db.select().from(schema.outbox).where(eq(schema.outbox.aggregateId, nomadId));
    expect(events.map((e) => [e.type, e.payload])).toEqual([
      ['SuspensionRecommended', { nomadId, screeningId: id, reasonSummary: 'FALSE_DOCUMENTS', at: '2026-11-24T06:00:00.000Z' }],
    ]);
  });
});

describe('technical measures register', () => {
  it('create → evidence → DONE, with the rules refused as data', async () => {
    const officer = ctxFor(['security_officer']);
    expect((await createMeasure(ctxFor(['analyst']), app, { title: 'x', responsibleUnit: 'y' })).userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
    expect((await createMeasure(officer, app, { title: ' ', responsibleUnit: 'y', dueOn: '2025-08-01' })).userErrors.map((e) => e.code)).toEqual([
      'TITLE_REQUIRED',
      'DUE_DATE_AFTER_DECREE_DEADLINE',
    ]);
    const created = await createMeasure(officer, app, { title: 'Watch-list interface', responsibleUnit: 'IT' });
    expect(created.measure).toMatchObject({ state: 'PLANNED', effectiveDueOn: '2025-07-15', overdue: true, version: 1 });
    const id = created.measure?.id ?? '';
    expect((await updateMeasure(officer, app, { measureId: id, state: 'DONE' })).userErrors.map((e) => e.code)).toEqual(['EVIDENCE_REQUIRED']);
    const evidenced = await addEvidence(officer, app, { measureId: id, expectedVersion: 1, description: 'Acceptance report', reference: 'ACT-1' });
    expect(evidenced.measure?.version).toBe(2);
    expect((await updateMeasure(officer, app, { measureId: id, expectedVersion: 1, state: 'DONE' })).userErrors.map((e) => e.code)).toEqual(['CONFLICT']);
    const done = await updateMeasure(officer, app, { measureId: id, expectedVersion: 2, state: 'DONE' });
    expect(done.measure).toMatchObject({ state: 'DONE', overdue: false, version: 3 });
    expect((await updateMeasure(officer, app, { measureId: id, state: 'PLANNED' })).userErrors.map((e) => e.code)).toEqual(['INVALID_TRANSITION']);
  });
});

describe('seed', () => {
  it("draws GKNB's part of the sample world: one screening per application, same outcome", async () => {
    const world = sampleWorld({ today: '2026-11-24', nomads: 60 });
    const { screeningRows, watchRows, subjectRows } = securitySample(world, await loadRules(database.db), '2026-11-24');
    const adults = sampleDependants(world, '2026-11-24').dependants.filter((d) => d.screeningOutcome !== null);
    expect(adults.length).toBeGreaterThan(0);
    expect(screeningRows).toHaveLength(world.applicationRows.length + adults.length);
    // Each adult family member's screening, under the principal, with the outcome migration records.
    expect(screeningRows.filter((r) => r.kind === 'DEPENDANT').map((r) => [r.id, r.dependantId, r.nomadId, r.outcome])).toEqual(
      adults.map((d) => [d.screeningId, d.id, d.principalId, d.screeningOutcome]),
    );
    for (const d of adults.filter((x) => x.state === 'APPROVED')) expect(d.screeningOutcome).toBe('CLEARED');
    for (const [i, a] of world.applicationRows.entries()) {
      expect(screeningRows[i]).toMatchObject({ applicationId: a.id, nomadId: a.nomadId, applicationNumber: a.number, outcome: a.screeningOutcome ?? 'PENDING' });
    }
    const revoked = world.eventRows.filter((e) => e.kind === 'REVOKED');
    expect(watchRows.filter((w) => w.cause === 'REVOKED').map((w) => [w.nomadId, w.exitDeadlineOn])).toEqual(revoked.map((e) => [e.nomadId, e.exitDeadlineOn]));
    // The sample's family members are known (migration's seed adds them without a DependantAdded).
    const family = sampleDependants(world, '2026-11-24').dependants;
    expect(family.length).toBeGreaterThan(0);
    expect(subjectRows.map((r) => [r.subjectId, r.kind])).toEqual(family.map((d) => [d.id, 'DEPENDANT']));
  });

  it('seeds an empty database once', async () => {
    const fresh = await createTestDatabase('security_seed');
    const db = connect(fresh.url, { agency: 'security', schema });
    try {
      await runMigrations(db, { agency: 'security', migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)) });
      expect(await seedSecurity(db.db, logger, { today: '2026-11-24', nomads: 40 })).toBe(true);
      expect(await seedSecurity(db.db, logger, { today: '2026-11-24', nomads: 40 })).toBe(false);
      const adults = sampleDependants(sampleWorld({ today: '2026-11-24', nomads: 40 }), '2026-11-24').dependants.filter((d) => d.screeningOutcome !== null);
      expect(await db.db.select().from(schema.screenings)).toHaveLength(40 + adults.length);
      const measures = await db.db.select().from(schema.technicalMeasures);
      expect(measures.length).toBeGreaterThan(0);
    } finally {
      await db.close();
      await fresh.drop();
    }
  });
});
