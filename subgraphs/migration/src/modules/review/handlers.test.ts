import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RejectedEvent, type Database, type DomainEvent, type EventPayload } from '@nomad/kit';
import type { App } from '../../app.ts';
import { fixedClock } from '../../clock.ts';
import type { Context } from '../../context.ts';
import { schema, type MigrationSchema } from '../../db/index.ts';
import { nomadPrincipal, openServiceTestDatabase, sampleApplication, serviceContext, type ServiceTestDatabase } from '../../testing.ts';
import { embeddedZhaak } from '../../zhaak.ts';
import { submitApplication } from '../applications/service.ts';
import type { ApplicationState } from '../applications/queries.ts';
import { reviewEventHandlers } from './handlers.ts';

// The facts migration accepts from security and labor, against a real database: what is
// applied, what is ignored (a repeat, an older outcome), and what is refused for good
// (RejectedEvent, with its code) and leaves the application as it was.

const logger = pino({ level: 'silent' });
let opened: ServiceTestDatabase | undefined;
let database: Database<MigrationSchema>;
let serial = 0;

beforeAll(async () => {
  opened = await openServiceTestDatabase('review_handlers');
  database = opened.database;
});
afterAll(async () => {
  await opened?.close();
});

const nomadCtx = (nomadId: string): Context => serviceContext(database, nomadPrincipal(nomadId), { purpose: null, logger });

/** A fresh application of a fresh nomad, in `state` (written directly: the life cycle has its own tests). */
async function applicationIn(state: ApplicationState = 'UNDER_REVIEW', evaluationRequested = false): Promise<{ id: string; nomadId: string }> {
  serial += 1;
  const nomadId = randomUUID();
  const app: App = { clock: fixedClock('2026-11-24T06:00:00Z'), zhaak: embeddedZhaak(database.db) };
  const result = await submitApplication(nomadCtx(nomadId), app, sampleApplication({ number: `H${serial}${randomUUID().slice(0, 6).toUpperCase()}` }));
  if (!result.application) throw new Error(`submit refused: ${JSON.stringify(result.userErrors)}`);
  const { id } = result.application;
  await database.db
    .update(schema.applications)
    .set({ state, ...(evaluationRequested ? { evaluationRequestedAt: '2026-11-24T07:00:00Z' } : {}) })
    .where(eq(schema.applications.id, id));
  return { id, nomadId };
}

const row = async (id: string) => {
  const [r] = await database.db.select().from(schema.applications).where(eq(schema.applications.id, id));
  if (!r) throw new Error('no application');
  return r;
};

function event<T extends 'ScreeningConcluded' | 'EvaluationConcluded' | 'SuspensionRecommended'>(type: T, payload: EventPayload<T>): DomainEvent<T> {
  const producer = type === 'EvaluationConcluded' ? 'labor' : 'security';
  return { id: randomUUID(), type, aggregateId: randomUUID(), payload, occurredAt: new Date().toISOString(), producer };
}

const screened = (applicationId: string, outcome: 'CLEARED' | 'FLAGGED', concludedAt: string, screeningId: string = randomUUID()) =>
  database.db.transaction((tx) => reviewEventHandlers.ScreeningConcluded(tx, event('ScreeningConcluded', { applicationId, screeningId, outcome, concludedAt })));

const evaluated = (applicationId: string | null, nomadId: string, verdict: 'COMPLIANT' | 'NON_COMPLIANT', concludedAt: string, evaluationId: string = randomUUID()) =>
  database.db.transaction((tx) => reviewEventHandlers.EvaluationConcluded(tx, event('EvaluationConcluded', { evaluationId, applicationId, nomadId, verdict, concludedAt })));

/** The code of the RejectedEvent `work` throws (fails the test if it throws anything else, or nothing). */
async function rejection(work: Promise<unknown>): Promise<string> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RejectedEvent);
  return (err as RejectedEvent).code;
}

describe('ScreeningConcluded', () => {
  it('records the outcome on an application awaiting it; the same screening again changes nothing', async () => {
    const a = await applicationIn('UNDER_REVIEW');
    const screeningId = randomUUID();
    expect(await screened(a.id, 'FLAGGED', '2026-11-25T08:00:00.000Z', screeningId)).toBeUndefined();
    const recorded = await row(a.id);
    expect(recorded).toMatchObject({ screeningOutcome: 'FLAGGED', screeningId });
    expect(await screened(a.id, 'FLAGGED', '2026-11-25T08:00:00.000Z', screeningId)).toEqual({ ignored: expect.stringContaining('already recorded') as unknown });
    expect((await row(a.id)).version).toBe(recorded.version);
  });

  it('refuses an outcome for an application migration does not know, writing nothing', async () => {
    const unknown = randomUUID();
    expect(await rejection(screened(unknown, 'CLEARED', '2026-11-25T08:00:00.000Z'))).toBe('EVENT_SUBJECT_UNKNOWN');
    expect(await database.db.select().from(schema.applications).where(eq(schema.applications.id, unknown))).toEqual([]);
  });

  it('refuses an outcome for an application no longer awaiting it (decided, withdrawn, cancelled)', async () => {
    const closed: ApplicationState[] = ['APPROVED', 'REFUSED', 'WITHDRAWN', 'CANCELLED'];
    expect(closed.length).toBeGreaterThan(0);
    for (const state of closed) {
      const a = await applicationIn(state);
      const before = await row(a.id);
      expect(await rejection(screened(a.id, 'CLEARED', '2026-11-25T08:00:00.000Z'))).toBe('EVENT_SUBJECT_CLOSED');
      expect(await row(a.id)).toEqual(before);
    }
  });

  it('accepts an outcome while the application is returned for correction', async () => {
    const a = await applicationIn('RETURNED_FOR_CORRECTION');
    expect(await screened(a.id, 'CLEARED', '2026-11-25T08:00:00.000Z')).toBeUndefined();
    expect((await row(a.id)).screeningOutcome).toBe('CLEARED');
  });

  it('never lets another screening overwrite the recorded one: older is ignored, newer refused', async () => {
    const a = await applicationIn('UNDER_REVIEW');
    const flagged = `8${randomUUID().slice(1)}`;
    await screened(a.id, 'FLAGGED', '2026-11-25T08:00:00.000Z', flagged);
    const before = await row(a.id);
    // Older (by concludedAt), then a tie broken by the smaller screening id: ignored.
    expect(await screened(a.id, 'CLEARED', '2026-11-25T07:59:59.000Z')).toEqual({ ignored: expect.stringContaining('older than screening') as unknown });
    expect(await screened(a.id, 'CLEARED', '2026-11-25T08:00:00.000Z', `1${flagged.slice(1)}`)).toEqual({ ignored: expect.stringContaining('older') as unknown });
    // Newer: one application has one screening (DOMAIN.md); a second is a contradiction for an operator.
    expect(await rejection(screened(a.id, 'CLEARED', '2026-11-26T08:00:00.000Z'))).toBe('EVENT_FACT_CONFLICT');
    // The same screening with another outcome: a screening concludes once.
    expect(await rejection(screened(a.id, 'CLEARED', '2026-11-25T08:00:00.000Z', flagged))).toBe('EVENT_FACT_CONFLICT');
    expect(await row(a.id)).toEqual(before);
    expect(before.screeningOutcome).toBe('FLAGGED');
  });
});

describe('EvaluationConcluded', () => {
  it('records a requested verdict on the application, once; refuses one nobody requested or naming another nomad', async () => {
    const a = await applicationIn('UNDER_REVIEW', true);
    const evaluationId = randomUUID();
    expect(await evaluated(a.id, a.nomadId, 'NON_COMPLIANT', '2026-11-26T08:00:00.000Z', evaluationId)).toBeUndefined();
    expect(await row(a.id)).toMatchObject({ evaluationId, evaluationVerdict: 'NON_COMPLIANT' });
    expect(await evaluated(a.id, a.nomadId, 'NON_COMPLIANT', '2026-11-26T08:00:00.000Z', evaluationId)).toEqual({ ignored: expect.any(String) as unknown });
    expect(await evaluated(a.id, a.nomadId, 'COMPLIANT', '2026-11-25T08:00:00.000Z')).toEqual({ ignored: expect.stringContaining('older') as unknown });
    expect(await rejection(evaluated(a.id, a.nomadId, 'COMPLIANT', '2026-11-27T08:00:00.000Z'))).toBe('EVENT_FACT_CONFLICT');
    expect((await row(a.id)).evaluationVerdict).toBe('NON_COMPLIANT');

    const unasked = await applicationIn('UNDER_REVIEW', false);
    expect(await rejection(evaluated(unasked.id, unasked.nomadId, 'COMPLIANT', '2026-11-26T08:00:00.000Z'))).toBe('EVENT_NOT_AWAITED');
    const other = await applicationIn('UNDER_REVIEW', true);
    expect(await rejection(evaluated(other.id, randomUUID(), 'COMPLIANT', '2026-11-26T08:00:00.000Z'))).toBe('EVENT_FACT_CONFLICT');
    expect(await rejection(evaluated(randomUUID(), a.nomadId, 'COMPLIANT', '2026-11-26T08:00:00.000Z'))).toBe('EVENT_SUBJECT_UNKNOWN');
    const withdrawn = await applicationIn('WITHDRAWN', true);
    expect(await rejection(evaluated(withdrawn.id, withdrawn.nomadId, 'COMPLIANT', '2026-11-26T08:00:00.000Z'))).toBe('EVENT_SUBJECT_CLOSED');
    expect((await row(withdrawn.id)).evaluationVerdict).toBeNull();
  });

  it("keeps a holder's verdict as a recommendation, and refuses one for a nomad migration does not know", async () => {
    const a = await applicationIn('APPROVED');
    expect(await evaluated(null, a.nomadId, 'NON_COMPLIANT', '2026-11-26T08:00:00.000Z')).toBeUndefined();
    const stranger = randomUUID();
    expect(await rejection(evaluated(null, stranger, 'NON_COMPLIANT', '2026-11-26T08:00:00.000Z'))).toBe('EVENT_SUBJECT_UNKNOWN');
    expect(await database.db.select().from(schema.statusRecommendations).where(eq(schema.statusRecommendations.nomadId, stranger))).toEqual([]);
    expect(await database.db.select().from(schema.statusRecommendations).where(eq(schema.statusRecommendations.nomadId, a.nomadId))).toHaveLength(1);
  });
});

describe('SuspensionRecommended', () => {
  it('records the recommendation for a known nomad and refuses one for a nomad migration does not know', async () => {
    const a = await applicationIn('APPROVED');
    const recommend = (nomadId: string) =>
      database.db.transaction((tx) =>
        reviewEventHandlers.SuspensionRecommended(tx, event('SuspensionRecommended', { nomadId, screeningId: randomUUID(), reasonSummary: 'FALSE_DOCUMENTS', at: '2026-11-26T08:00:00.000Z' })),
      );
    await recommend(a.nomadId);
    expect(await database.db.select().from(schema.statusRecommendations).where(eq(schema.statusRecommendations.nomadId, a.nomadId))).toHaveLength(1);
    const stranger = randomUUID();
    expect(await rejection(recommend(stranger))).toBe('EVENT_SUBJECT_UNKNOWN');
    expect(await database.db.select().from(schema.statusRecommendations).where(eq(schema.statusRecommendations.nomadId, stranger))).toEqual([]);
  });
});
