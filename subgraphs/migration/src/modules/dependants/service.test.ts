import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RejectedEvent, type Database, type DomainEvent, type EventPayload, type Principal } from '@nomad/kit';
import type { App } from '../../app.ts';
import { fixedClock } from '../../clock.ts';
import type { Context } from '../../context.ts';
import { schema, type MigrationSchema } from '../../db/index.ts';
import { nomadPrincipal, openServiceTestDatabase, serviceContext, type ServiceTestDatabase } from '../../testing.ts';
import { embeddedZhaak, MAX_SERIAL } from '../../zhaak.ts';
import { reviewEventHandlers } from '../review/handlers.ts';
import { changeStatus } from '../status/change.ts';
import { recordExpiries } from '../status/service.ts';
import {
  addDependant,
  approveDependant,
  dependantQueue,
  dependantsOf,
  dependantStatusOn,
  endDependantStatus,
  principalOf,
  readDependantField,
  refuseDependant,
  resolveDependantReference,
  type AddDependantInput,
} from './service.ts';

// Family members, service-level against a real database: what a holder may add, what an
// officer decides, and how the principal's status carries over (docs/domain.md, "Family members").

const TODAY = '2026-11-24';
let opened: ServiceTestDatabase | undefined;
let database: Database<MigrationSchema>;
let clock: ReturnType<typeof fixedClock>;
let app: App;
let serial = 20_000;

beforeAll(async () => {
  opened = await openServiceTestDatabase('dependants');
  database = opened.database;
  clock = fixedClock(`${TODAY}T06:00:00Z`);
  app = { clock, zhaak: embeddedZhaak(database.db) };
});
afterAll(async () => {
  await opened?.close();
});

const officer = (): Context => serviceContext(database, { sub: 'officer-7', name: 'test', roles: ['migration_officer'], nomadId: null } satisfies Principal);
const asNomad = (nomadId: string): Context => serviceContext(database, nomadPrincipal(nomadId));

/** A holder with an initial period from `from` to `until` (ACTIVE on TODAY by default). */
async function holder(from = '2026-11-01', until = '2026-12-30'): Promise<string> {
  serial += 1;
  const [nomad] = await database.db
    .insert(schema.nomads)
    .values({ surname: 'TEST', givenNames: 'HOLDER', dateOfBirth: '1990-04-12', sex: 'MALE', citizenship: 'KAZ', passportCountry: 'KAZ', passportNumber: `D${serial}X`, passportExpiresOn: '2035-01-01', email: 'h@example.org', pin: `212041990${serial}` })
    .returning();
  if (!nomad) throw new Error('no nomad');
  await database.db.insert(schema.statusPeriods).values({ nomadId: nomad.id, kind: 'INITIAL_60_DAYS', validFrom: from, validUntil: until, grantedBy: 'setup' });
  return nomad.id;
}

function child(dateOfBirth: string, documents?: AddDependantInput['documents']): AddDependantInput {
  serial += 1;
  return {
    relation: 'CHILD',
    surname: 'Test',
    givenNames: 'Aigerim',
    dateOfBirth,
    sex: 'FEMALE',
    citizenship: 'KAZ',
    passport: { country: 'KAZ', number: `C${serial}K`, expiresOn: '2031-05-01' },
    documents: documents ?? [{ kind: 'BIRTH_CERTIFICATE', fileName: 'birth.pdf', language: 'ru' }],
  };
}

function spouse(documents?: AddDependantInput['documents']): AddDependantInput {
  serial += 1;
  return {
    relation: 'SPOUSE',
    surname: 'Test',
    givenNames: 'Dana',
    dateOfBirth: '1992-03-03',
    sex: 'FEMALE',
    citizenship: 'KAZ',
    passport: { country: 'KAZ', number: `S${serial}K`, expiresOn: '2031-05-01' },
    documents: documents ?? [
      { kind: 'MARRIAGE_CERTIFICATE', fileName: 'marriage.pdf', language: 'de' },
      { kind: 'TRANSLATION', fileName: 'marriage-ru.pdf', language: 'ru', translates: 'marriage.pdf' },
    ],
  };
}

/** GKNB's outcome of the dependant's screening, as its event reaches migration. */
async function screened(id: string, outcome: 'CLEARED' | 'FLAGGED', payload: Partial<EventPayload<'DependantScreeningConcluded'>> = {}) {
  const dependant = await row(id);
  const event: DomainEvent<'DependantScreeningConcluded'> = {
    id: randomUUID(),
    type: 'DependantScreeningConcluded',
    aggregateId: id,
    payload: { dependantId: id, principalId: dependant.principalId, screeningId: randomUUID(), outcome, concludedAt: '2026-11-24T05:00:00.000Z', ...payload },
    occurredAt: '2026-11-24T05:00:00.000Z',
    producer: 'security',
  };
  return database.db.transaction((tx) => reviewEventHandlers.DependantScreeningConcluded(tx, event));
}

/** Adds and approves (an adult once GKNB cleared them); returns the dependant's id. */
async function approved(principalId: string, input: AddDependantInput): Promise<string> {
  const added = await addDependant(asNomad(principalId), app, input);
  expect(added.userErrors).toEqual([]);
  const id = added.dependantId as string;
  if (input.relation === 'SPOUSE') await screened(id, 'CLEARED');
  const decided = await approveDependant(officer(), app, { dependantId: id });
  expect(decided.userErrors).toEqual([]);
  return id;
}

async function row(id: string) {
  const [r] = await database.db.select().from(schema.dependants).where(eq(schema.dependants.id, id));
  if (!r) throw new Error('no dependant');
  return r;
}

async function statusOf(id: string, day = clock.today()) {
  return dependantStatusOn(officer(), await row(id), day, 'Dependant.statusOn');
}

async function eventsOf(aggregateId: string) {
  return database.db.select().from(schema.outbox).where(eq(schema.outbox.aggregateId, aggregateId));
}

async function countAll() {
  const [deps, docs, out] = await Promise.all([
    database.db.$count(schema.dependants),
    database.db.$count(schema.dependantDocuments),
    database.db.$count(schema.outbox),
  ]);
  return { deps, docs, out };
}

describe('a dependant child', () => {
  it('is approved: a PIN from ZHAAK, the principal status and its last day, DependantAdded (no screening: a child) and DependantGranted', async () => {
    clock.set(`${TODAY}T06:00:00Z`);
    const principal = await holder();
    const id = await approved(principal, child('2010-01-10'));
    const r = await row(id);
    expect(r.state).toBe('APPROVED');
    expect(r.pin).toMatch(/^110012010\d{5}$/);
    expect(r.grantedOn).toBe(TODAY);
    const status = await statusOf(id);
    expect(status?.state).toBe('ACTIVE');
    expect(status?.validUntil).toBe('2026-12-30');
    const events = await eventsOf(id);
    expect(events.map((e) => e.type).sort()).toEqual(['DependantAdded', 'DependantGranted']);
    expect(events.find((e) => e.type === 'DependantAdded')?.payload).toMatchObject({ adult: false, relation: 'CHILD', principalId: principal });
    expect(events.find((e) => e.type === 'DependantGranted')?.payload).toMatchObject({ pin: r.pin, validUntil: '2026-12-30' });
  });

  it('is suspended with the principal, and reinstated with them', async () => {
    clock.set(`${TODAY}T06:00:00Z`);
    const principal = await holder();
    const id = await approved(principal, child('2012-06-01'));
    const suspended = await changeStatus(officer(), app, 'suspendStatus', { nomadId: principal, reason: 'Inquiry.' });
    expect(suspended.userErrors).toEqual([]);
    expect((await statusOf(id))?.state).toBe('SUSPENDED');
    const reinstated = await changeStatus(officer(), app, 'reinstateStatus', { nomadId: principal });
    expect(reinstated.userErrors).toEqual([]);
    expect((await statusOf(id))?.state).toBe('ACTIVE');
  });

  it('is flagged for an officer from the 18th birthday, until an officer ends the status with an exit deadline', async () => {
    clock.set(`${TODAY}T06:00:00Z`);
    const principal = await holder('2026-11-01', '2027-10-31');
    const id = await approved(principal, child('2008-12-01'));
    const queue = async () => dependantQueue(officer(), app, 'COMING_OF_AGE', { first: 50 });
    expect((await queue()).edges.map((e) => e.node.id)).not.toContain(id);
    clock.set('2026-11-30T06:00:00Z');
    expect((await queue()).edges.map((e) => e.node.id)).not.toContain(id);
    clock.set('2026-12-01T06:00:00Z');
    const flagged = await queue();
    expect(flagged.edges.map((e) => e.node.id)).toContain(id);
    expect(await flagged.totalCount()).toBe(flagged.edges.length);
    // Past 18 the status still runs with the principal's until an officer decides.
    expect((await statusOf(id))?.state).toBe('ACTIVE');
    const refusedEnd = await endDependantStatus(officer(), app, { dependantId: id, reason: ' ' });
    expect(refusedEnd.userErrors.map((e) => [e.code, e.field])).toEqual([['REASON_REQUIRED', 'input.reason']]);
    const ended = await endDependantStatus(officer(), app, { dependantId: id, reason: 'Came of age; may apply on her own.' });
    expect(ended.userErrors).toEqual([]);
    expect((await queue()).edges.map((e) => e.node.id)).not.toContain(id);
    const status = await statusOf(id);
    expect(status).toMatchObject({ state: 'REVOKED', revokedOn: '2026-12-01', exitDeadlineOn: '2026-12-16' });
    const endEvent = (await eventsOf(id)).find((e) => e.type === 'DependantStatusEnded');
    expect(endEvent?.payload).toMatchObject({ cause: 'ENDED', endedOn: '2026-12-01', exitDeadline: '2026-12-16' });
    // The principal's status is untouched.
    expect((await database.db.select().from(schema.statusEvents).where(eq(schema.statusEvents.nomadId, principal))).map((e) => e.kind)).toEqual([]);
  });

  it('is not approved while the principal is suspended', async () => {
    clock.set(`${TODAY}T06:00:00Z`);
    const principal = await holder();
    const added = await addDependant(asNomad(principal), app, child('2013-04-04'));
    expect(added.userErrors).toEqual([]);
    expect((await changeStatus(officer(), app, 'suspendStatus', { nomadId: principal, reason: 'Inquiry.' })).userErrors).toEqual([]);
    const refused = await approveDependant(officer(), app, { dependantId: added.dependantId as string });
    expect(refused.userErrors.map((e) => [e.code, e.field])).toEqual([['PRINCIPAL_STATUS_NOT_ACTIVE', 'input.dependantId']]);
    expect((await row(added.dependantId as string)).pin).toBeNull();
  });

  it('is not approved once 18', async () => {
    clock.set(`${TODAY}T06:00:00Z`);
    const principal = await holder();
    const added = await addDependant(asNomad(principal), app, child('2008-12-10'));
    expect(added.userErrors).toEqual([]);
    clock.set('2026-12-10T06:00:00Z');
    const late = await approveDependant(officer(), app, { dependantId: added.dependantId as string });
    expect(late.userErrors.map((e) => [e.code, e.field])).toEqual([['CHILD_NOT_UNDER_18', 'input.dependantId']]);
    expect((await row(added.dependantId as string)).state).toBe('PENDING');
  });
});

/** The code of the RejectedEvent `work` throws (fails the test if it throws anything else, or nothing). */
async function rejection(work: Promise<unknown>): Promise<string> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RejectedEvent);
  return (err as RejectedEvent).code;
}

describe("GKNB's screening of an adult dependant", () => {
  it('holds the approval of an adult until GKNB clears them: PENDING, then FLAGGED refused (no PIN serial taken, nothing written), CLEARED approved', async () => {
    clock.set(`${TODAY}T06:00:00Z`);
    const principal = await holder();
    const waiting = (await addDependant(asNomad(principal), app, spouse())).dependantId as string;
    expect(await row(waiting)).toMatchObject({ screeningOutcome: 'PENDING', screeningId: null, screeningConcludedAt: null });
    const serials = await database.db.select().from(schema.zhaakSerials);
    const before = await countAll();
    const pending = await approveDependant(officer(), app, { dependantId: waiting });
    expect(pending).toMatchObject({ dependantId: null, userErrors: [{ code: 'DEPENDANT_SCREENING_PENDING', field: 'input.dependantId' }] });
    expect(await screened(waiting, 'FLAGGED')).toBeUndefined();
    const flagged = await approveDependant(officer(), app, { dependantId: waiting });
    expect(flagged).toMatchObject({ dependantId: null, userErrors: [{ code: 'DEPENDANT_SCREENING_FLAGGED', field: 'input.dependantId' }] });
    expect(await row(waiting)).toMatchObject({ state: 'PENDING', pin: null, screeningOutcome: 'FLAGGED' });
    expect(await countAll()).toEqual(before);
    expect(await database.db.select().from(schema.zhaakSerials)).toEqual(serials);
    // Another spouse, cleared: approved.
    const clearedId = (await addDependant(asNomad(principal), app, spouse())).dependantId as string;
    expect(await screened(clearedId, 'CLEARED')).toBeUndefined();
    expect((await approveDependant(officer(), app, { dependantId: clearedId })).userErrors).toEqual([]);
    expect(await row(clearedId)).toMatchObject({ state: 'APPROVED', screeningOutcome: 'CLEARED', screeningConcludedAt: expect.stringMatching(/^2026-11-24/) as unknown });
  });

  it('screens a spouse under 18 as any spouse: GKNB is asked (DependantAdded adult), the approval waits for the outcome', async () => {
    clock.set(`${TODAY}T06:00:00Z`);
    const principal = await holder();
    // 17 on the day added.
    const added = await addDependant(asNomad(principal), app, { ...spouse(), dateOfBirth: '2009-05-05' });
    expect(added.userErrors).toEqual([]);
    const id = added.dependantId as string;
    expect((await row(id)).screeningOutcome).toBe('PENDING');
    const announced = (await eventsOf(id)).filter((e) => e.type === 'DependantAdded');
    expect(announced).toHaveLength(1);
    expect(announced[0]?.payload).toMatchObject({ dependantId: id, relation: 'SPOUSE', adult: true });
    const refused = await approveDependant(officer(), app, { dependantId: id });
    expect(refused).toMatchObject({ dependantId: null, userErrors: [{ code: 'DEPENDANT_SCREENING_PENDING', field: 'input.dependantId' }] });
    expect(await screened(id, 'CLEARED')).toBeUndefined();
    expect((await approveDependant(officer(), app, { dependantId: id })).userErrors).toEqual([]);
  });

  it('answers BUSY, not ZHAAK_UNAVAILABLE, when the outcome arrives between the check before the transaction and the transaction; approved when asked again', async () => {
    clock.set(`${TODAY}T06:00:00Z`);
    const principal = await holder();
    const id = (await addDependant(asNomad(principal), app, spouse())).dependantId as string;
    const ctx = officer();
    const db = ctx.db;
    let moved = 0;
    // GKNB's outcome is recorded just before the approval's transaction opens (after the check that asked no PIN).
    const racing = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== 'transaction') return Reflect.get(target, prop, receiver) as unknown;
        return async (...args: Parameters<typeof db.transaction>) => {
          if (moved === 0) {
            moved += 1;
            await screened(id, 'CLEARED');
          }
          return target.transaction(...args);
        };
      },
    });
    const answer = await approveDependant({ ...ctx, db: racing }, app, { dependantId: id });
    expect(moved).toBe(1);
    expect(answer).toMatchObject({ dependantId: null, userErrors: [{ code: 'BUSY', field: 'input.dependantId', message: expect.stringContaining('Try again') as unknown }] });
    expect(await row(id)).toMatchObject({ state: 'PENDING', pin: null, screeningOutcome: 'CLEARED' });
    expect((await approveDependant(officer(), app, { dependantId: id })).userErrors).toEqual([]);
  });

  it('logs no personal data when ZHAAK fails: the error kind, not its message (no birth date)', async () => {
    clock.set(`${TODAY}T06:00:00Z`);
    const principal = await holder();
    const dateOfBirth = '1987-06-21';
    const id = (await addDependant(asNomad(principal), app, { ...spouse(), dateOfBirth })).dependantId as string;
    await screened(id, 'CLEARED');
    // The embedded ZHAAK has no serial left for the birth date.
    await database.db.insert(schema.zhaakSerials).values({ dateOfBirth, lastSerial: MAX_SERIAL });
    const lines: string[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
    const ctx = serviceContext(database, { sub: 'officer-7', name: 'test', roles: ['migration_officer'], nomadId: null }, { logger });
    const answer = await approveDependant(ctx, app, { dependantId: id });
    expect(answer).toMatchObject({ dependantId: null, userErrors: [{ code: 'ZHAAK_UNAVAILABLE' }] });
    const warned = lines.filter((l) => l.includes('ZHAAK did not assign a PIN'));
    expect(warned).toHaveLength(1);
    expect(warned[0]).toContain('ZhaakError');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).not.toContain(dateOfBirth);
      expect(line).not.toContain('PIN serial left');
    }
  });

  it('a child is not screened: no outcome awaited, approved without one', async () => {
    clock.set(`${TODAY}T06:00:00Z`);
    const principal = await holder();
    const id = (await addDependant(asNomad(principal), app, child('2013-07-07'))).dependantId as string;
    expect((await row(id)).screeningOutcome).toBeNull();
    expect((await approveDependant(officer(), app, { dependantId: id })).userErrors).toEqual([]);
  });

  it("records GKNB's outcome once: a repeat is ignored, an unknown dependant, another principal, a conflicting outcome or a second screening refused, a child's not awaited", async () => {
    clock.set(`${TODAY}T06:00:00Z`);
    const principal = await holder();
    const id = (await addDependant(asNomad(principal), app, spouse())).dependantId as string;
    const screeningId = randomUUID();
    const at = '2026-11-24T05:30:00.000Z';
    // Another principal named, or an unknown dependant: refused, nothing recorded.
    expect(await rejection(screened(id, 'CLEARED', { principalId: randomUUID(), screeningId, concludedAt: at }))).toBe('EVENT_FACT_CONFLICT');
    const unknown = '00000000-0000-4000-8000-0000000000fe';
    await expect(database.db.transaction((tx) => reviewEventHandlers.DependantScreeningConcluded(tx, {
      id: randomUUID(), type: 'DependantScreeningConcluded', aggregateId: unknown, occurredAt: at, producer: 'security',
      payload: { dependantId: unknown, principalId: principal, screeningId, outcome: 'CLEARED', concludedAt: at },
    }))).rejects.toMatchObject({ code: 'EVENT_SUBJECT_UNKNOWN' });
    expect((await row(id)).screeningOutcome).toBe('PENDING');
    // Recorded once; the same fact again changes nothing.
    expect(await screened(id, 'CLEARED', { screeningId, concludedAt: at })).toBeUndefined();
    const recorded = await row(id);
    expect(recorded).toMatchObject({ screeningOutcome: 'CLEARED', screeningId });
    expect(await screened(id, 'CLEARED', { screeningId, concludedAt: at })).toEqual({ ignored: expect.stringContaining('already recorded') as unknown });
    // The same screening with another outcome or time, or a newer second screening: refused.
    expect(await rejection(screened(id, 'FLAGGED', { screeningId, concludedAt: at }))).toBe('EVENT_FACT_CONFLICT');
    expect(await rejection(screened(id, 'CLEARED', { screeningId, concludedAt: '2026-11-24T05:31:00.000Z' }))).toBe('EVENT_FACT_CONFLICT');
    expect(await rejection(screened(id, 'FLAGGED', { concludedAt: '2026-11-24T07:00:00.000Z' }))).toBe('EVENT_FACT_CONFLICT');
    // An older other screening: refused too (GKNB opens one screening per family member).
    expect(await rejection(screened(id, 'FLAGGED', { concludedAt: '2026-11-24T04:00:00.000Z' }))).toBe('EVENT_FACT_CONFLICT');
    expect(await row(id)).toEqual(recorded);
    // A child: not screened.
    const kid = (await addDependant(asNomad(principal), app, child('2015-08-08'))).dependantId as string;
    expect(await rejection(screened(kid, 'CLEARED'))).toBe('EVENT_NOT_AWAITED');
    expect((await row(kid)).screeningOutcome).toBeNull();
  });
});

describe('approveDependant under an Idempotency-Key', () => {
  it('replays the first answer for a retry under the same key, and writes nothing twice (no second PIN serial, event or version)', async () => {
    clock.set(`${TODAY}T06:00:00Z`);
    const principal = await holder();
    const added = await addDependant(asNomad(principal), app, child('2012-05-05'));
    const id = added.dependantId as string;
    const keyed = () => serviceContext(database, { sub: 'officer-7', name: 'test', roles: ['migration_officer'], nomadId: null }, { idempotencyKey: `approve-${id}` });
    const first = await approveDependant(keyed(), app, { dependantId: id });
    expect(first).toEqual({ dependantId: id, userErrors: [] });
    const after = { row: await row(id), events: (await eventsOf(id)).length, serials: await database.db.select().from(schema.zhaakSerials), all: await countAll() };
    expect(after.events).toBeGreaterThan(0);
    const again = await approveDependant(keyed(), app, { dependantId: id });
    expect(again).toEqual(first);
    expect(await row(id)).toEqual(after.row);
    expect((await eventsOf(id)).length).toBe(after.events);
    expect(await database.db.select().from(schema.zhaakSerials)).toEqual(after.serials);
    expect(await countAll()).toEqual(after.all);
    // Without the key, the same request is a new one: refused, the dependant is no longer PENDING.
    expect((await approveDependant(officer(), app, { dependantId: id })).userErrors.map((e) => e.code)).toEqual(['INVALID_TRANSITION']);
  });
});

describe('refusals of addDependant (nothing written)', () => {
  it('refuses a child aged 18 or over, naming the birth date', async () => {
    clock.set(`${TODAY}T06:00:00Z`);
    const principal = await holder();
    const before = await countAll();
    const result = await addDependant(asNomad(principal), app, child('2008-11-24'));
    expect(result.userErrors.map((e) => [e.code, e.field])).toEqual([['CHILD_NOT_UNDER_18', 'input.dateOfBirth']]);
    expect(result.dependantId).toBeNull();
    expect(await countAll()).toEqual(before);
    // One day younger is still a child.
    expect((await addDependant(asNomad(principal), app, child('2008-11-25'))).userErrors).toEqual([]);
  });

  it('refuses a missing certificate, an untranslated one and an English "translation"', async () => {
    clock.set(`${TODAY}T06:00:00Z`);
    const principal = await holder();
    const before = await countAll();
    const missing = await addDependant(asNomad(principal), app, spouse([{ kind: 'PASSPORT', fileName: 'passport.pdf', language: 'ru' }]));
    expect(missing.userErrors.map((e) => [e.code, e.field])).toEqual([['CERTIFICATE_REQUIRED', 'input.documents']]);
    const wrongCertificate = await addDependant(asNomad(principal), app, child('2015-01-01', [{ kind: 'MARRIAGE_CERTIFICATE', fileName: 'm.pdf', language: 'ru' }]));
    expect(wrongCertificate.userErrors.map((e) => e.code)).toEqual(['CERTIFICATE_REQUIRED']);
    const untranslated = await addDependant(asNomad(principal), app, spouse([{ kind: 'MARRIAGE_CERTIFICATE', fileName: 'marriage.pdf', language: 'de' }]));
    expect(untranslated.userErrors.map((e) => [e.code, e.field])).toEqual([['TRANSLATION_REQUIRED', 'input.documents.0.language']]);
    const english = await addDependant(
      asNomad(principal),
      app,
      spouse([
        { kind: 'MARRIAGE_CERTIFICATE', fileName: 'marriage.pdf', language: 'de' },
        { kind: 'TRANSLATION', fileName: 'marriage-en.pdf', language: 'en', translates: 'marriage.pdf' },
      ]),
    );
    expect(english.userErrors.map((e) => e.code).sort()).toEqual(['TRANSLATION_LANGUAGE_NOT_ACCEPTED', 'TRANSLATION_REQUIRED']);
    expect(await countAll()).toEqual(before);
  });

  it('refuses a nomad with neither an ACTIVE status nor an open application, the same passport twice, and officers', async () => {
    clock.set(`${TODAY}T06:00:00Z`);
    const expired = await holder('2026-08-01', '2026-09-29');
    const notEligible = await addDependant(asNomad(expired), app, spouse());
    expect(notEligible.userErrors.map((e) => e.code)).toEqual(['PRINCIPAL_NOT_ELIGIBLE']);
    const principal = await holder();
    const input = spouse();
    expect((await addDependant(asNomad(principal), app, input)).userErrors).toEqual([]);
    const twice = await addDependant(asNomad(principal), app, input);
    expect(twice.userErrors.map((e) => [e.code, e.field])).toEqual([['DEPENDANT_ALREADY_ADDED', 'input.passport.number']]);
    expect((await addDependant(officer(), app, spouse())).userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
  });
});

describe('a dependant spouse', () => {
  it('is revoked with the principal, with the same exit deadline, announced to GKNB once', async () => {
    clock.set(`${TODAY}T06:00:00Z`);
    const principal = await holder();
    const id = await approved(principal, spouse());
    const added = (await eventsOf(id)).find((e) => e.type === 'DependantAdded');
    expect(added?.payload).toMatchObject({ adult: true, relation: 'SPOUSE' });
    const revoked = await changeStatus(officer(), app, 'revokeStatus', { nomadId: principal, ground: 'RULES_BREACH' });
    expect(revoked.userErrors).toEqual([]);
    const [principalRevocation] = await database.db.select().from(schema.statusEvents).where(and(eq(schema.statusEvents.nomadId, principal), eq(schema.statusEvents.kind, 'REVOKED')));
    expect(principalRevocation?.exitDeadlineOn).toBe('2026-12-09');
    const status = await statusOf(id);
    expect(status).toMatchObject({ state: 'REVOKED', revokedOn: TODAY, exitDeadlineOn: principalRevocation?.exitDeadlineOn });
    const ends = (await eventsOf(id)).filter((e) => e.type === 'DependantStatusEnded');
    expect(ends.map((e) => e.payload)).toEqual([{ dependantId: id, principalId: principal, pin: (await row(id)).pin, cause: 'REVOKED', endedOn: TODAY, exitDeadline: '2026-12-09', exitDaysAnnouncedAt: expect.any(String) as unknown }]);
    expect((await row(id)).endCause).toBe('REVOKED');
  });

  it('is refused by an officer with a reason, and a refused dependant is never approved', async () => {
    clock.set(`${TODAY}T06:00:00Z`);
    const principal = await holder();
    const added = await addDependant(asNomad(principal), app, spouse());
    const id = added.dependantId as string;
    expect((await refuseDependant(officer(), app, { dependantId: id })).userErrors.map((e) => e.code)).toEqual(['REASON_REQUIRED']);
    expect((await refuseDependant(officer(), app, { dependantId: id, reason: 'Certificate not genuine.' })).userErrors).toEqual([]);
    expect((await approveDependant(officer(), app, { dependantId: id })).userErrors.map((e) => e.code)).toEqual(['INVALID_TRANSITION']);
    expect((await row(id)).pin).toBeNull();
  });

  it("records the deciding officer's unit from the token on an approval and a refusal, and none without the claim", async () => {
    clock.set(`${TODAY}T06:00:00Z`);
    const inUnit = (unit: string): Context => serviceContext(database, { sub: 'officer-7', name: 'test', roles: ['migration_officer'], nomadId: null, unit });
    const principal = await holder();
    const childId = (await addDependant(asNomad(principal), app, child('2012-05-01'))).dependantId as string;
    expect((await approveDependant(inUnit('osh-region'), app, { dependantId: childId })).userErrors).toEqual([]);
    expect(await row(childId)).toMatchObject({ state: 'APPROVED', decidedBy: 'officer-7', decidedUnit: 'osh-region' });
    const spouseId = (await addDependant(asNomad(principal), app, spouse())).dependantId as string;
    expect((await refuseDependant(inUnit('bishkek'), app, { dependantId: spouseId, reason: 'Certificate not genuine.' })).userErrors).toEqual([]);
    expect(await row(spouseId)).toMatchObject({ state: 'REFUSED', decidedUnit: 'bishkek' });
    const withoutUnit = await approved(await holder(), child('2013-05-01'));
    expect(await row(withoutUnit)).toMatchObject({ state: 'APPROVED', decidedUnit: null });
  });
});

describe("a dependant's status never outlasts the principal's", () => {
  it('expires with the principal (announced by the expiry sweep), follows an extension, and a later grant does not revive it', async () => {
    clock.set(`${TODAY}T06:00:00Z`);
    const principal = await holder('2026-10-01', '2026-11-29');
    const id = await approved(principal, child('2014-02-02'));
    expect((await statusOf(id, '2026-11-29'))?.state).toBe('ACTIVE');
    expect((await statusOf(id, '2026-11-30'))?.state).toBe('EXPIRED');
    clock.set('2026-12-01T06:00:00Z');
    expect(await recordExpiries(database.db, app)).toBeGreaterThan(0);
    const ends = (await eventsOf(id)).filter((e) => e.type === 'DependantStatusEnded');
    expect(ends.map((e) => e.payload)).toMatchObject([{ cause: 'EXPIRED', endedOn: '2026-11-30', exitDeadline: null }]);
    // The principal applies again and is granted a new chain: the dependant stays expired.
    await database.db.insert(schema.statusPeriods).values({ nomadId: principal, kind: 'INITIAL_60_DAYS', validFrom: '2027-01-10', validUntil: '2027-03-10', grantedBy: 'setup' });
    await database.db.insert(schema.statusPeriods).values({ nomadId: principal, kind: 'EXTENSION_1_YEAR', validFrom: '2027-03-11', validUntil: '2028-03-10', grantedBy: 'setup' });
    // Neither the new grant nor its extension is the dependant's: still the old chain's last day.
    expect(await statusOf(id, '2027-04-01')).toMatchObject({ state: 'EXPIRED', validUntil: '2026-11-29' });
  });

  it('follows the principal through an extension granted on time', async () => {
    clock.set(`${TODAY}T06:00:00Z`);
    const principal = await holder('2026-11-01', '2026-12-30');
    const id = await approved(principal, child('2016-03-03'));
    const extended = await changeStatus(officer(), app, 'extendStatus', { nomadId: principal });
    expect(extended.userErrors).toEqual([]);
    const status = await statusOf(id, '2027-06-01');
    expect(status?.state).toBe('ACTIVE');
    expect(status?.validUntil).toBe('2027-12-30');
  });
});

describe("reads of a dependant's personal data", () => {
  it('follow the principal: the principal reads (recorded under them), another nomad is refused', async () => {
    clock.set(`${TODAY}T06:00:00Z`);
    const principal = await holder();
    const id = await approved(principal, spouse());
    const dependant = await row(id);
    const surname = await readDependantField(asNomad(principal), dependant, 'Dependant.surname', () => dependant.surname);
    expect(surname).toBe('Test');
    const other = await holder();
    await expect(readDependantField(asNomad(other), dependant, 'Dependant.surname', () => dependant.surname)).rejects.toThrow(/not visible/);
    const records = await database.db.select().from(schema.accessRecords).where(inArray(schema.accessRecords.subjectId, [principal, other]));
    expect(records.map((r) => [r.subjectId, r.fields])).toEqual([[principal, ['Dependant.surname']]]);
  });

  it('are never labor\'s or tax\'s, even for a holder their agency monitors and registers; GKNB reads through the principal\'s link', async () => {
    clock.set(`${TODAY}T06:00:00Z`);
    const principal = await holder();
    const dependant = await row(await approved(principal, spouse()));
    const as = (role: Principal['roles'][number]) => serviceContext(database, { sub: `${role}-1`, name: 'test', roles: [role], nomadId: null });
    // The principal holds a status: labor and tax are linked to them, and still see no dependant.
    for (const role of ['labor_officer', 'tax_officer'] as const) {
      await expect(readDependantField(as(role), dependant, 'Dependant.surname', () => dependant.surname)).rejects.toThrow(/not visible/);
      await expect(readDependantField(as(role), dependant, 'Dependant.status', () => 'ACTIVE')).rejects.toThrow(/not visible/);
    }
    // GKNB: not linked to a holder with no application and no exit; linked once revoked.
    await expect(readDependantField(as('security_officer'), dependant, 'Dependant.surname', () => dependant.surname)).rejects.toThrow(/not visible/);
    expect((await changeStatus(officer(), app, 'revokeStatus', { nomadId: principal, ground: 'RULES_BREACH' })).userErrors).toEqual([]);
    expect(await readDependantField(as('security_officer'), dependant, 'Dependant.surname', () => dependant.surname)).toBe('Test');
  });

  it('`_entities` and `Dependant.nomad` follow the relation, as a nomad reference does: labor and tax get null, GKNB only through the principal\'s link', async () => {
    clock.set(`${TODAY}T06:00:00Z`);
    const principal = await holder();
    const id = await approved(principal, spouse());
    const as = (role: Principal['roles'][number]) => serviceContext(database, { sub: `${role}-1`, name: 'test', roles: [role], nomadId: null });
    // A holder: labor and tax are linked to the principal, and still reach no dependant.
    for (const role of ['labor_officer', 'tax_officer', 'security_officer'] as const) expect(await resolveDependantReference(as(role), { id })).toBeNull();
    // Callers who reach no nomad through a relation get the record; its fields refuse them one by one.
    for (const ctx of [officer(), asNomad(principal), as('auditor')]) expect((await resolveDependantReference(ctx, { id }))?.id).toBe(id);
    expect(await resolveDependantReference(officer(), { id: 'not-a-uuid' })).toBeNull();
    expect(await resolveDependantReference(officer(), { id: '00000000-0000-4000-8000-0000000000ff' })).toBeNull();
    // The principal, through the dependant: labor (linked to a holder) reaches them; GKNB not yet.
    const dependant = await row(id);
    expect((await principalOf(as('labor_officer'), dependant)).id).toBe(principal);
    await expect(principalOf(as('security_officer'), dependant)).rejects.toThrow(/not visible/);
    // A principal labor holds no record of (no status: an applicant's family): refused to labor.
    const [applicant] = await database.db
      .insert(schema.nomads)
      .values({ surname: 'TEST', givenNames: 'APPLICANT', dateOfBirth: '1991-01-01', sex: 'FEMALE', citizenship: 'KAZ', passportCountry: 'KAZ', passportNumber: `A${(serial += 1)}X`, passportExpiresOn: '2035-01-01', email: 'a@example.org' })
      .returning();
    if (!applicant) throw new Error('no applicant');
    await expect(principalOf(as('labor_officer'), { ...dependant, principalId: applicant.id })).rejects.toThrow(/not visible/);
    expect((await principalOf(officer(), { ...dependant, principalId: applicant.id })).id).toBe(applicant.id);
    // Once GKNB is linked (the principal's revocation: it watches the exit), it reaches both.
    expect((await changeStatus(officer(), app, 'revokeStatus', { nomadId: principal, ground: 'RULES_BREACH' })).userErrors).toEqual([]);
    expect((await resolveDependantReference(as('security_officer'), { id }))?.id).toBe(id);
    expect((await principalOf(as('security_officer'), dependant)).id).toBe(principal);
  });

  it('the list of a nomad\'s dependants is recorded as a read of the principal\'s status', async () => {
    clock.set(`${TODAY}T06:00:00Z`);
    const principal = await holder();
    await approved(principal, spouse());
    const [nomad] = await database.db.select().from(schema.nomads).where(eq(schema.nomads.id, principal));
    if (!nomad) throw new Error('no principal');
    const ctx = officer();
    expect(await dependantsOf(ctx, nomad)).toHaveLength(1);
    const records = await database.db.select().from(schema.accessRecords).where(eq(schema.accessRecords.subjectId, principal));
    expect(records.map((r) => r.fields)).toEqual([['Nomad.status']]);
  });
});
