import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Database, type Principal } from '@nomad/kit';
import type { App } from '../../app.ts';
import { fixedClock } from '../../clock.ts';
import type { Context } from '../../context.ts';
import { schema, type MigrationSchema } from '../../db/index.ts';
import { openServiceTestDatabase, sampleApplication, serviceContext, type ServiceTestDatabase } from '../../testing.ts';
import { embeddedZhaak, ZhaakError, type Zhaak } from '../../zhaak.ts';
import { listApplicationsFor, submitApplication } from '../applications/service.ts';
import type { SubmitApplicationInput } from '../applications/intake.ts';
import { cancelLapsed, decide, type Action, type DecisionInput } from './service.ts';

// The application life cycle at the service level, against a real database: who may take each
// action, from which state, each action's own rules, and what it writes. Dates are written out
// by hand (7 working days from Tuesday 2026-11-24 is Thursday 2026-12-03).

const TODAY = '2026-11-24';
const NOW = `${TODAY}T06:00:00.000Z`;
const OFFICER = 'officer-3';
const logger = pino({ level: 'silent' });
let opened: ServiceTestDatabase | undefined;
let database: Database<MigrationSchema>;
let zhaakCalls = 0;
let serial = 0;

beforeAll(async () => {
  opened = await openServiceTestDatabase('review_service');
  database = opened.database;
});
afterAll(async () => {
  await opened?.close();
});

/** The app on `day` (06:00 UTC), with a ZHAAK that counts its calls (or always fails). */
function appOn(day = TODAY, zhaak?: Zhaak): App {
  const real = embeddedZhaak(database.db);
  return {
    clock: fixedClock(`${day}T06:00:00Z`),
    zhaak: zhaak ?? { assignPin: (r) => ((zhaakCalls += 1), real.assignPin(r)) },
  };
}

function ctxFor(roles: Principal['roles'], nomadId: string | null = null, idempotencyKey: string | null = null): Context {
  const principal: Principal = { sub: roles.includes('nomad') ? `nomad-${nomadId}` : OFFICER, name: 'test', roles, nomadId };
  return serviceContext(database, principal, { idempotencyKey, logger });
}
const officer = () => ctxFor(['migration_officer']);

function application(): SubmitApplicationInput {
  serial += 1;
  return sampleApplication({ number: `R${serial}${randomUUID().slice(0, 6).toUpperCase()}` });
}

/** A fresh application of a fresh nomad, SUBMITTED today. */
async function submitted(): Promise<{ id: string; nomadId: string }> {
  const nomadId = randomUUID();
  const result = await submitApplication(ctxFor(['nomad'], nomadId), appOn(), application());
  if (!result.application) throw new Error(`submit refused: ${JSON.stringify(result.userErrors)}`);
  return { id: result.application.id, nomadId };
}

async function act(action: Action, input: DecisionInput, ctx = officer(), app = appOn()) {
  return decide(ctx, app, action, input);
}

async function underReview(): Promise<{ id: string; nomadId: string }> {
  const a = await submitted();
  const r = await act('startReview', { applicationId: a.id });
  if (r.userErrors.length > 0) throw new Error(JSON.stringify(r.userErrors));
  return a;
}

const row = async (id: string) => {
  const [r] = await database.db.select().from(schema.applications).where(eq(schema.applications.id, id));
  if (!r) throw new Error('no application');
  return r;
};
const set = (id: string, values: Partial<typeof schema.applications.$inferInsert>) => database.db.update(schema.applications).set(values).where(eq(schema.applications.id, id));
const refused = (code: string, message: string, field: string | null = 'input.applicationId') => ({ application: null, userErrors: [{ code, field, message }] });

describe('who may act', () => {
  it('officer actions are refused to a nomad, applicant actions to an officer or a nomad without a record', async () => {
    const a = await submitted();
    expect(await act('startReview', { applicationId: a.id }, ctxFor(['nomad'], a.nomadId))).toEqual(refused('FORBIDDEN', 'Only a migration officer may do this.', null));
    expect(await act('withdrawApplication', { applicationId: a.id }, officer())).toEqual(refused('FORBIDDEN', 'Only the applicant may do this.', null));
    expect(await act('withdrawApplication', { applicationId: a.id }, ctxFor(['nomad'], null))).toEqual(refused('FORBIDDEN', 'Only the applicant may do this.', null));
    expect((await row(a.id)).state).toBe('SUBMITTED');
  });

  it('an id that is no UUID, no application, or another nomad\'s application is not found', async () => {
    const a = await submitted();
    const notFound = refused('APPLICATION_NOT_FOUND', 'No such application.');
    expect(await act('startReview', { applicationId: 'app-1' })).toEqual(notFound);
    expect(await act('startReview', { applicationId: randomUUID() })).toEqual(notFound);
    expect(await act('withdrawApplication', { applicationId: a.id }, ctxFor(['nomad'], randomUUID()))).toEqual(notFound);
    expect((await row(a.id)).state).toBe('SUBMITTED');
  });
});

describe('version and state', () => {
  it('refuses a stale expected version, naming it; accepts the current one', async () => {
    const a = await submitted();
    const { version } = await row(a.id);
    expect(await act('startReview', { applicationId: a.id, expectedVersion: version + 1 })).toEqual(
      refused('CONFLICT', 'The application changed since you read it; reload and try again.', 'input.expectedVersion'),
    );
    const ok = await act('startReview', { applicationId: a.id, expectedVersion: version });
    expect(ok.userErrors).toEqual([]);
    expect(ok.application?.version).toBe(version + 1);
  });

  it('refuses an action from a state it does not leave', async () => {
    const a = await submitted();
    expect(await act('approveApplication', { applicationId: a.id })).toEqual(
      refused('INVALID_TRANSITION', 'approveApplication is not allowed while the application is SUBMITTED.'),
    );
    expect(await act('returnForCorrection', { applicationId: a.id, corrections: [{ message: 'x' }] })).toEqual(
      refused('INVALID_TRANSITION', 'returnForCorrection is not allowed while the application is SUBMITTED.'),
    );
    expect(await act('refuseApplication', { applicationId: a.id, ground: 'FALSE_DOCUMENTS' })).toEqual(
      refused('INVALID_TRANSITION', 'refuseApplication is not allowed while the application is SUBMITTED.'),
    );
    expect(await act('resubmitApplication', { applicationId: a.id }, ctxFor(['nomad'], a.nomadId))).toEqual(
      refused('INVALID_TRANSITION', 'resubmitApplication is not allowed while the application is SUBMITTED.'),
    );
    const r = await underReview();
    expect(await act('startReview', { applicationId: r.id })).toEqual(refused('INVALID_TRANSITION', 'startReview is not allowed while the application is UNDER_REVIEW.'));
  });

  it('starting the review records the reviewer and the time; the request sees the change', async () => {
    const a = await submitted();
    const ctx = officer();
    const before = await ctx.loaders.applicationById.load(a.id);
    expect(before?.state).toBe('SUBMITTED');
    const result = await act('startReview', { applicationId: a.id }, ctx, appOn(TODAY));
    expect(result.application).toMatchObject({ state: 'UNDER_REVIEW', reviewer: OFFICER, version: (before?.version ?? 0) + 1 });
    expect(new Date((await row(a.id)).stateChangedAt).toISOString()).toBe(NOW);
    expect((await ctx.loaders.applicationById.load(a.id))?.state).toBe('UNDER_REVIEW');
  });

  it('replays a decision under the same Idempotency-Key, and refuses the key for another action', async () => {
    const a = await submitted();
    const key = randomUUID();
    const first = await act('startReview', { applicationId: a.id }, ctxFor(['migration_officer'], null, key));
    expect(first.userErrors).toEqual([]);
    const again = await act('startReview', { applicationId: a.id }, ctxFor(['migration_officer'], null, key));
    expect(again.application?.version).toBe(first.application?.version);
    expect((await act('requestEvaluation', { applicationId: a.id }, ctxFor(['migration_officer'], null, key))).userErrors.map((e) => e.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
  });
});

describe('returning for correction and resubmitting', () => {
  it('needs at least one correction with a message of at most 1000 characters', async () => {
    const r = await underReview();
    const required = refused('CORRECTIONS_REQUIRED', 'List at least one thing the applicant must correct.', 'input.corrections');
    expect(await act('returnForCorrection', { applicationId: r.id })).toEqual(required);
    expect(await act('returnForCorrection', { applicationId: r.id, corrections: [{ field: 'x', message: '   ' }] })).toEqual(required);
    expect(await act('returnForCorrection', { applicationId: r.id, corrections: [{ message: 'y'.repeat(1001) }] })).toEqual(
      refused('INVALID_FORMAT', 'Each correction is at most 1000 characters.', 'input.corrections'),
    );
    expect((await row(r.id)).state).toBe('UNDER_REVIEW');
    const ok = await act('returnForCorrection', { applicationId: r.id, corrections: [{ message: 'y'.repeat(1000) }] });
    expect(ok.userErrors).toEqual([]);
  });

  it('keeps the trimmed corrections, drops empty ones, and gives a month to correct', async () => {
    const r = await underReview();
    const result = await act('returnForCorrection', {
      applicationId: r.id,
      corrections: [{ field: '  ', message: ' Add a bank statement ' }, { message: '' }, { field: ' input.documents ', message: 'Translate the contract' }],
    });
    expect(result.application).toMatchObject({
      state: 'RETURNED_FOR_CORRECTION',
      corrections: [
        { field: null, message: 'Add a bank statement' },
        { field: 'input.documents', message: 'Translate the contract' },
      ],
      correctionDeadlineOn: '2026-12-24',
    });
  });

  it('accepts a resubmission on the last day of the window: a new review period across New Year, corrections cleared, documents added', async () => {
    const r = await underReview();
    await act('returnForCorrection', { applicationId: r.id, corrections: [{ message: 'Add a bank statement' }] });
    const result = await act(
      'resubmitApplication',
      { applicationId: r.id, documents: [{ kind: 'BANK_STATEMENT', fileName: 'bank.pdf', language: 'ru' }] },
      ctxFor(['nomad'], r.nomadId),
      appOn('2026-12-24'),
    );
    expect(result.userErrors).toEqual([]);
    // Thursday 24 Dec + 7 working days, 1 January a holiday: Tuesday 5 January.
    expect(result.application).toMatchObject({ state: 'SUBMITTED', reviewDeadlineOn: '2027-01-05', corrections: null, correctionDeadlineOn: null });
    expect(new Date((await row(r.id)).submittedAt).toISOString()).toBe('2026-12-24T06:00:00.000Z');
    const [docs] = await database.db.select({ n: count() }).from(schema.applicationDocuments).where(eq(schema.applicationDocuments.applicationId, r.id));
    expect(docs?.n).toBe(4);
  });

  it('refuses a resubmission the day after the window closed', async () => {
    const r = await underReview();
    await act('returnForCorrection', { applicationId: r.id, corrections: [{ message: 'x' }] });
    expect(await act('resubmitApplication', { applicationId: r.id }, ctxFor(['nomad'], r.nomadId), appOn('2026-12-25'))).toEqual(
      refused('CORRECTION_WINDOW_CLOSED', 'The correction window closed on 2026-12-24.'),
    );
    expect((await row(r.id)).state).toBe('RETURNED_FOR_CORRECTION');
  });

  it('checks the whole set of documents, naming the new document by its own index', async () => {
    const r = await underReview();
    await act('returnForCorrection', { applicationId: r.id, corrections: [{ message: 'x' }] });
    const result = await act(
      'resubmitApplication',
      { applicationId: r.id, documents: [{ kind: 'BANK_STATEMENT', fileName: 'bank.pdf', language: 'ru' }, { kind: 'BANK_STATEMENT', fileName: 'passport.pdf', language: 'ru' }] },
      ctxFor(['nomad'], r.nomadId),
    );
    expect(result.application).toBeNull();
    expect(result.userErrors.map((e) => [e.code, e.field])).toEqual([['DOCUMENT_NAME_DUPLICATE', 'input.documents.1.fileName']]);
    expect((await row(r.id)).state).toBe('RETURNED_FOR_CORRECTION');
  });

  it('cancels returned applications whose window has closed, and counts them', async () => {
    const r = await underReview();
    await act('returnForCorrection', { applicationId: r.id, corrections: [{ message: 'x' }] });
    expect(await cancelLapsed(database.db, appOn('2026-12-24'))).toBe(0);
    expect(await cancelLapsed(database.db, appOn('2026-12-25'))).toBeGreaterThanOrEqual(1);
    expect((await row(r.id)).state).toBe('CANCELLED');
  });
});

describe('expert evaluation', () => {
  it('is requested once, without a change of state, with its event', async () => {
    const a = await submitted();
    const result = await act('requestEvaluation', { applicationId: a.id });
    expect(result.application).toMatchObject({ state: 'SUBMITTED' });
    const after = await row(a.id);
    expect(new Date(after.evaluationRequestedAt ?? '').toISOString()).toBe(NOW);
    const events = await database.db.select().from(schema.outbox).where(and(eq(schema.outbox.aggregateId, a.id), eq(schema.outbox.type, 'EvaluationRequested')));
    expect(events.map((e) => e.payload)).toEqual([{ applicationId: a.id, nomadId: a.nomadId, activityCode: 'SOFTWARE_DEVELOPMENT', requestedAt: NOW }]);
    expect(await act('requestEvaluation', { applicationId: a.id })).toEqual(
      refused('EVALUATION_ALREADY_REQUESTED', 'An expert evaluation was already requested for this application.'),
    );
  });
});

describe('approval', () => {
  it('waits for the screening and a requested evaluation, listing both, and asks ZHAAK for nothing', async () => {
    const r = await underReview();
    await set(r.id, { evaluationRequestedAt: NOW });
    const calls = zhaakCalls;
    expect(await act('approveApplication', { applicationId: r.id })).toEqual({
      application: null,
      userErrors: [
        { code: 'SCREENING_PENDING', field: 'input.applicationId', message: 'The security screening has not concluded yet.' },
        { code: 'EVALUATION_PENDING', field: 'input.applicationId', message: 'The expert evaluation you requested has not concluded yet.' },
      ],
    });
    await set(r.id, { screeningOutcome: 'CLEARED' });
    expect((await act('approveApplication', { applicationId: r.id })).userErrors.map((e) => e.code)).toEqual(['EVALUATION_PENDING']);
    expect(zhaakCalls).toBe(calls);
    expect((await row(r.id)).state).toBe('UNDER_REVIEW');
  });

  it('refuses a flagged applicant', async () => {
    const r = await underReview();
    await set(r.id, { screeningOutcome: 'FLAGGED' });
    expect(await act('approveApplication', { applicationId: r.id })).toEqual(
      refused('SCREENING_FLAGGED', 'The security screening flagged this applicant: the application cannot be approved.'),
    );
  });

  it('approves once cleared (and the evaluation concluded): a PIN from ZHAAK, the initial 60 days from today', async () => {
    const r = await underReview();
    await set(r.id, { screeningOutcome: 'CLEARED', evaluationRequestedAt: NOW, evaluationConcludedAt: NOW });
    const ctx = officer();
    expect((await ctx.loaders.nomadById.load(r.nomadId))?.pin).toBeNull();
    const calls = zhaakCalls;
    const result = await act('approveApplication', { applicationId: r.id, note: '  all in order ' }, ctx);
    expect(result.userErrors).toEqual([]);
    expect(zhaakCalls).toBe(calls + 1);
    expect(result.application).toMatchObject({ state: 'APPROVED', decidedBy: OFFICER, decisionNote: 'all in order' });
    expect(new Date((await row(r.id)).decidedAt ?? '').toISOString()).toBe(NOW);
    // Sex digit 2 (male), birth date 12041990, a five-digit serial: written out, not computed.
    expect((await ctx.loaders.nomadById.load(r.nomadId))?.pin).toMatch(/^212041990[0-9]{5}$/);
    const periods = await database.db.select().from(schema.statusPeriods).where(eq(schema.statusPeriods.nomadId, r.nomadId));
    expect(periods.map((p) => [p.kind, p.validFrom, p.validUntil])).toEqual([['INITIAL_60_DAYS', TODAY, '2027-01-22']]);
  });

  it('keeps the PIN a nomad already has, without asking ZHAAK; a blank note is none', async () => {
    const r = await underReview();
    await set(r.id, { screeningOutcome: 'CLEARED' });
    await database.db.update(schema.nomads).set({ pin: '21204199099999' }).where(eq(schema.nomads.id, r.nomadId));
    const calls = zhaakCalls;
    const result = await act('approveApplication', { applicationId: r.id, note: '   ' });
    expect(result.application).toMatchObject({ state: 'APPROVED', decisionNote: null });
    expect(zhaakCalls).toBe(calls);
    const [nomad] = await database.db.select().from(schema.nomads).where(eq(schema.nomads.id, r.nomadId));
    expect(nomad?.pin).toBe('21204199099999');
  });

  it('refuses a nomad who already holds the status', async () => {
    const r = await underReview();
    await set(r.id, { screeningOutcome: 'CLEARED' });
    await database.db.update(schema.nomads).set({ pin: '21204199099998' }).where(eq(schema.nomads.id, r.nomadId));
    await database.db.insert(schema.statusPeriods).values({ nomadId: r.nomadId, kind: 'INITIAL_60_DAYS', validFrom: '2026-11-01', validUntil: '2026-12-30', grantedBy: 'setup' });
    expect(await act('approveApplication', { applicationId: r.id })).toEqual(
      refused('STATUS_ALREADY_HELD', 'This nomad already holds the status (ACTIVE); extend or renew it instead.'),
    );
  });

  it('refuses a revoked holder before their exit deadline has passed, and one whose ten years are used up', async () => {
    // Submitted before the revocation (intake let it through), decided inside the exit window.
    const revoked = await underReview();
    await set(revoked.id, { screeningOutcome: 'CLEARED' });
    await database.db.update(schema.nomads).set({ pin: '21204199099997' }).where(eq(schema.nomads.id, revoked.nomadId));
    await database.db.insert(schema.statusPeriods).values({ nomadId: revoked.nomadId, kind: 'INITIAL_60_DAYS', validFrom: '2026-10-01', validUntil: '2026-11-29', grantedBy: 'setup' });
    await database.db.insert(schema.statusEvents).values({ nomadId: revoked.nomadId, kind: 'REVOKED', effectiveOn: '2026-11-20', actor: 'setup', revocationGround: 'RULES_BREACH', exitDeadlineOn: '2026-12-05' });
    expect(await act('approveApplication', { applicationId: revoked.id })).toEqual(
      refused('EXIT_DEADLINE_NOT_PASSED', "The applicant's status was revoked on 2026-11-20; no new grant before their exit deadline, 2026-12-05, has passed."),
    );
    expect((await row(revoked.id)).state).toBe('UNDER_REVIEW');
    expect(await database.db.select().from(schema.statusPeriods).where(eq(schema.statusPeriods.nomadId, revoked.nomadId))).toHaveLength(1);
    expect((await act('approveApplication', { applicationId: revoked.id }, officer(), appOn('2026-12-06'))).application?.state).toBe('APPROVED');

    // First granted 2017-01-22 (60 days, then expired): a new 60-day period from today would end
    // a day past the ceiling, 2027-01-21, however few days were held.
    const spent = await underReview();
    await set(spent.id, { screeningOutcome: 'CLEARED' });
    await database.db.update(schema.nomads).set({ pin: '21204199099996' }).where(eq(schema.nomads.id, spent.nomadId));
    await database.db.insert(schema.statusPeriods).values([
      { nomadId: spent.nomadId, kind: 'INITIAL_60_DAYS', validFrom: '2017-01-22', validUntil: '2017-03-22', grantedBy: 'setup' },
    ]);
    expect(await act('approveApplication', { applicationId: spent.id })).toEqual(
      refused('STATUS_CEILING_REACHED', "The status may be held 10 years from the applicant's first grant, until 2027-01-21: no room for a 60-day initial period."),
    );
  });

  it('stays under review when ZHAAK cannot assign a PIN', async () => {
    const r = await underReview();
    await set(r.id, { screeningOutcome: 'CLEARED' });
    const failing = vi.fn(() => Promise.reject(new ZhaakError('down')));
    expect(await act('approveApplication', { applicationId: r.id }, officer(), appOn(TODAY, { assignPin: failing }))).toEqual(
      refused('ZHAAK_UNAVAILABLE', 'ZHAAK could not assign a PIN; the application stays under review. Try again later.'),
    );
    expect(failing).toHaveBeenCalledTimes(1);
    expect((await row(r.id)).state).toBe('UNDER_REVIEW');
  });
});

describe('refusal and withdrawal', () => {
  it('a refusal needs its ground and keeps the trimmed note', async () => {
    const r = await underReview();
    expect(await act('refuseApplication', { applicationId: r.id })).toEqual(refused('GROUND_REQUIRED', 'Give the ground for the refusal.', 'input.ground'));
    const result = await act('refuseApplication', { applicationId: r.id, ground: 'ACTIVITY_NOT_ELIGIBLE', note: ' not remote work ' });
    expect(result.application).toMatchObject({ state: 'REFUSED', refusalGround: 'ACTIVITY_NOT_ELIGIBLE', decidedBy: OFFICER, decisionNote: 'not remote work' });
    expect(new Date((await row(r.id)).decidedAt ?? '').toISOString()).toBe(NOW);
  });

  it('a refusal without a note records none', async () => {
    const r = await underReview();
    expect((await act('refuseApplication', { applicationId: r.id, ground: 'FALSE_DOCUMENTS', note: ' ' })).application).toMatchObject({ decisionNote: null });
  });

  it('the applicant withdraws their own application, submitted or under review', async () => {
    const a = await submitted();
    expect((await act('withdrawApplication', { applicationId: a.id }, ctxFor(['nomad'], a.nomadId))).application).toMatchObject({ state: 'WITHDRAWN' });
    const r = await underReview();
    expect((await act('withdrawApplication', { applicationId: r.id }, ctxFor(['nomad'], r.nomadId))).application).toMatchObject({ state: 'WITHDRAWN' });
  });
});

describe('edges of the rules', () => {
  it('logs each decision, without personal data', async () => {
    const a = await submitted();
    const ctx = officer();
    const info = vi.spyOn(ctx.logger, 'info');
    await act('startReview', { applicationId: a.id }, ctx);
    expect(info).toHaveBeenCalledWith({ applicationId: a.id, action: 'startReview' }, 'application decision');
  });

  it('lets an unexpected failure surface as an error, not as a userError', async () => {
    const a = await submitted();
    const broken: App = { ...appOn(), clock: { ...appOn().clock, now: () => { throw new Error('clock broken'); } } };
    await expect(act('startReview', { applicationId: a.id }, officer(), broken)).rejects.toThrow('clock broken');
    expect((await row(a.id)).state).toBe('SUBMITTED');
  });

  it('asks ZHAAK only for an approval that can succeed: not for a refusal, a withdrawal, an unknown, uncleared or unreviewed application', async () => {
    const calls = zhaakCalls;
    const refusedOne = await underReview();
    await set(refusedOne.id, { screeningOutcome: 'CLEARED' });
    expect((await act('refuseApplication', { applicationId: refusedOne.id, ground: 'FALSE_DOCUMENTS' })).application).toMatchObject({ state: 'REFUSED', decisionNote: null });
    const withdrawn = await underReview();
    await set(withdrawn.id, { screeningOutcome: 'CLEARED' });
    expect((await act('withdrawApplication', { applicationId: withdrawn.id }, ctxFor(['nomad'], withdrawn.nomadId))).application).toMatchObject({ state: 'WITHDRAWN' });
    expect(await act('approveApplication', { applicationId: randomUUID() })).toEqual(refused('APPLICATION_NOT_FOUND', 'No such application.'));
    const pending = await underReview();
    expect((await act('approveApplication', { applicationId: pending.id })).userErrors.map((e) => e.code)).toEqual(['SCREENING_PENDING']);
    const flagged = await underReview();
    await set(flagged.id, { screeningOutcome: 'FLAGGED' });
    expect((await act('approveApplication', { applicationId: flagged.id })).userErrors.map((e) => e.code)).toEqual(['SCREENING_FLAGGED']);
    const notReviewed = await submitted();
    await set(notReviewed.id, { screeningOutcome: 'CLEARED' });
    expect(await act('approveApplication', { applicationId: notReviewed.id })).toEqual(
      refused('INVALID_TRANSITION', 'approveApplication is not allowed while the application is SUBMITTED.'),
    );
    expect(zhaakCalls).toBe(calls);
  });

  it('logs what kind of failure ZHAAK had, never its message (it may name the birth date): ZhaakError, or only "unexpected error"', async () => {
    for (const [failure, logged] of [[new ZhaakError('down for birth date 1990-01-01'), 'ZhaakError'], [new Error('secret detail'), 'unexpected error']] as const) {
      const r = await underReview();
      await set(r.id, { screeningOutcome: 'CLEARED' });
      const ctx = officer();
      const warn = vi.spyOn(ctx.logger, 'warn');
      expect(await act('approveApplication', { applicationId: r.id }, ctx, appOn(TODAY, { assignPin: () => Promise.reject(failure) }))).toEqual(
        refused('ZHAAK_UNAVAILABLE', 'ZHAAK could not assign a PIN; the application stays under review. Try again later.'),
      );
      expect(warn).toHaveBeenCalledWith({ applicationId: r.id, error: logged }, 'ZHAAK did not assign a PIN');
      expect((await row(r.id)).state).toBe('UNDER_REVIEW');
    }
  });

  it('refuses an approval when ZHAAK answers an empty PIN, writing nothing', async () => {
    const r = await underReview();
    await set(r.id, { screeningOutcome: 'CLEARED' });
    expect(await act('approveApplication', { applicationId: r.id }, officer(), appOn(TODAY, { assignPin: () => Promise.resolve('') }))).toEqual(
      refused('ZHAAK_UNAVAILABLE', 'ZHAAK could not assign a PIN; the application stays under review. Try again later.'),
    );
    expect((await row(r.id)).state).toBe('UNDER_REVIEW');
    const [nomad] = await database.db.select().from(schema.nomads).where(eq(schema.nomads.id, r.nomadId));
    expect(nomad?.pin).toBeNull();
    expect(await database.db.select().from(schema.statusPeriods).where(eq(schema.statusPeriods.nomadId, r.nomadId))).toEqual([]);
  });

  it('refuses a nomad whose status is suspended', async () => {
    const r = await underReview();
    await set(r.id, { screeningOutcome: 'CLEARED' });
    await database.db.update(schema.nomads).set({ pin: '21204199099995' }).where(eq(schema.nomads.id, r.nomadId));
    const [period] = await database.db
      .insert(schema.statusPeriods)
      .values({ nomadId: r.nomadId, kind: 'INITIAL_60_DAYS', validFrom: '2026-11-01', validUntil: '2026-12-30', grantedBy: 'setup' })
      .returning();
    await database.db.insert(schema.statusEvents).values({ nomadId: r.nomadId, kind: 'SUSPENDED', effectiveOn: '2026-11-20', actor: 'setup', periodId: period?.id, reason: 'test' });
    expect(await act('approveApplication', { applicationId: r.id })).toEqual(
      refused('STATUS_ALREADY_HELD', 'This nomad already holds the status (SUSPENDED); extend or renew it instead.'),
    );
    expect((await row(r.id)).state).toBe('UNDER_REVIEW');
  });

  it('an approval or a refusal without any note records none', async () => {
    const approved = await underReview();
    await set(approved.id, { screeningOutcome: 'CLEARED' });
    expect((await act('approveApplication', { applicationId: approved.id })).application).toMatchObject({ state: 'APPROVED', decisionNote: null });
    const refusedOne = await underReview();
    expect((await act('refuseApplication', { applicationId: refusedOne.id, ground: 'CRIMINAL_CONVICTION' })).application).toMatchObject({ state: 'REFUSED', decisionNote: null });
  });

  it("records the deciding officer's unit from the token's `unit` claim on an approval and a refusal, and none without the claim", async () => {
    const inUnit = (unit: string) => serviceContext(database, { sub: OFFICER, name: 'test', roles: ['migration_officer'], nomadId: null, unit }, { logger });
    const approved = await underReview();
    await set(approved.id, { screeningOutcome: 'CLEARED' });
    expect((await act('approveApplication', { applicationId: approved.id }, inUnit('osh-region'))).application).toMatchObject({ state: 'APPROVED', decidedBy: OFFICER, decidedUnit: 'osh-region' });
    const refusedOne = await underReview();
    expect((await act('refuseApplication', { applicationId: refusedOne.id, ground: 'FALSE_DOCUMENTS' }, inUnit('bishkek'))).application).toMatchObject({ state: 'REFUSED', decidedUnit: 'bishkek' });
    const withoutUnit = await underReview();
    expect((await act('refuseApplication', { applicationId: withoutUnit.id, ground: 'FALSE_DOCUMENTS' })).application).toMatchObject({ state: 'REFUSED', decidedBy: OFFICER, decidedUnit: null });
    // Taking the review is no decision: no unit recorded for it.
    const reviewed = await submitted();
    await act('startReview', { applicationId: reviewed.id }, inUnit('osh-region'));
    expect((await row(reviewed.id)).decidedUnit).toBeNull();
    // The list filters on it for officers; a nomad may not (it would tell them their own decision's unit).
    const listed = await listApplicationsFor(officer(), appOn(), { filter: { decidingUnits: ['osh-region'] } });
    expect(listed.edges.map((e) => e.node.id)).toEqual([approved.id]);
    await expect(listApplicationsFor(ctxFor(['nomad'], approved.nomadId), appOn(), { filter: { decidingUnits: ['osh-region'] } })).rejects.toThrow(/decidingUnits/);
    // A unit no token could carry is a typo, not an empty answer; an empty list is no filter at all.
    for (const decidingUnits of [['Osh Region'], ['osh_region'], [], Array.from({ length: 51 }, (_, i) => `unit-${i}`)]) {
      await expect(listApplicationsFor(officer(), appOn(), { filter: { decidingUnits } })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.decidingUnits' } });
    }
  });

  it('refuses a return for correction when any one correction is too long', async () => {
    const r = await underReview();
    expect(await act('returnForCorrection', { applicationId: r.id, corrections: [{ message: 'Add a bank statement' }, { message: 'y'.repeat(1001) }] })).toEqual(
      refused('INVALID_FORMAT', 'Each correction is at most 1000 characters.', 'input.corrections'),
    );
    expect((await row(r.id)).state).toBe('UNDER_REVIEW');
  });

  it('only the applicant resubmits: another nomad finds no such application', async () => {
    const r = await underReview();
    await act('returnForCorrection', { applicationId: r.id, corrections: [{ message: 'x' }] });
    expect(await act('resubmitApplication', { applicationId: r.id }, ctxFor(['nomad'], randomUUID()))).toEqual(refused('APPLICATION_NOT_FOUND', 'No such application.'));
    expect(await act('resubmitApplication', { applicationId: r.id }, officer())).toEqual(refused('FORBIDDEN', 'Only the applicant may do this.', null));
    expect((await row(r.id)).state).toBe('RETURNED_FOR_CORRECTION');
  });

  it('accepts a resubmission without new documents, adding none', async () => {
    const r = await underReview();
    await act('returnForCorrection', { applicationId: r.id, corrections: [{ message: 'Explain the contract' }] });
    const result = await act('resubmitApplication', { applicationId: r.id }, ctxFor(['nomad'], r.nomadId));
    expect(result.userErrors).toEqual([]);
    expect(result.application).toMatchObject({ state: 'SUBMITTED', corrections: null });
    const [docs] = await database.db.select({ n: count() }).from(schema.applicationDocuments).where(eq(schema.applicationDocuments.applicationId, r.id));
    expect(docs?.n).toBe(3);
  });

  it('re-checks only the documents at resubmission: a passport that no longer lasts long enough does not block it', async () => {
    const r = await underReview();
    await act('returnForCorrection', { applicationId: r.id, corrections: [{ message: 'x' }] });
    await database.db.update(schema.nomads).set({ passportExpiresOn: '2026-12-31' }).where(eq(schema.nomads.id, r.nomadId));
    const result = await act('resubmitApplication', { applicationId: r.id }, ctxFor(['nomad'], r.nomadId));
    expect(result.userErrors).toEqual([]);
    expect(result.application?.state).toBe('SUBMITTED');
  });

  it('names the whole list for a problem of the set or of a document listed before, and the first new document by index 0', async () => {
    // A DEU citizen needs a DN visa: the set as a whole lacks it.
    const visa = await underReview();
    await act('returnForCorrection', { applicationId: visa.id, corrections: [{ message: 'x' }] });
    await database.db.update(schema.nomads).set({ citizenship: 'DEU' }).where(eq(schema.nomads.id, visa.nomadId));
    expect(await act('resubmitApplication', { applicationId: visa.id }, ctxFor(['nomad'], visa.nomadId))).toEqual(
      refused('DN_VISA_REQUIRED', 'Citizens of DEU need a "DN" visa: list the DN_VISA document.', 'input.documents'),
    );
    expect((await row(visa.id)).state).toBe('RETURNED_FOR_CORRECTION');

    // A document listed at intake, now in a language that needs a translation: not one of the new ones.
    const old = await underReview();
    await act('returnForCorrection', { applicationId: old.id, corrections: [{ message: 'x' }] });
    await database.db
      .update(schema.applicationDocuments)
      .set({ language: 'de' })
      .where(and(eq(schema.applicationDocuments.applicationId, old.id), eq(schema.applicationDocuments.fileName, 'contract.pdf')));
    const oldResult = await act('resubmitApplication', { applicationId: old.id, documents: [] }, ctxFor(['nomad'], old.nomadId));
    expect(oldResult.userErrors.map((e) => [e.code, e.field])).toEqual([['TRANSLATION_REQUIRED', 'input.documents']]);

    const first = await underReview();
    await act('returnForCorrection', { applicationId: first.id, corrections: [{ message: 'x' }] });
    const firstResult = await act('resubmitApplication', { applicationId: first.id, documents: [{ kind: 'BANK_STATEMENT', fileName: 'photo.jpg', language: 'ru' }] }, ctxFor(['nomad'], first.nomadId));
    expect(firstResult.userErrors.map((e) => [e.code, e.field])).toEqual([['DOCUMENT_NAME_DUPLICATE', 'input.documents.0.fileName']]);
  });

  it('names a new document at index 10 or more of the whole set by its own index', async () => {
    const r = await underReview();
    await act('returnForCorrection', { applicationId: r.id, corrections: [{ message: 'x' }] });
    // 3 listed at intake + 8 new: the duplicate is the 11th of the set (index 10), the 8th new one (index 7).
    const documents = Array.from({ length: 7 }, (_, i) => ({ kind: 'BANK_STATEMENT' as const, fileName: `bank-${i}.pdf`, language: 'ru' }));
    documents.push({ kind: 'BANK_STATEMENT', fileName: 'bank-0.pdf', language: 'ru' });
    const result = await act('resubmitApplication', { applicationId: r.id, documents }, ctxFor(['nomad'], r.nomadId));
    expect(result.userErrors.map((e) => [e.code, e.field])).toEqual([['DOCUMENT_NAME_DUPLICATE', 'input.documents.7.fileName']]);
  });
});
